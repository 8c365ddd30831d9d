import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// `gsl search TEXT`: one search over every entity.
struct Search: GSLCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "全文搜索（中文，1 个字起） search every entity",
        discussion: "例：gsl search 融资；gsl search 宁波 --kind organisation；gsl search 青年商会 会长")
    @OptionGroup var global: GlobalOptions
    @Argument(parsing: .remaining, help: "搜索词 text (all words must match)") var text: [String]
    @Option(help: "实体类型 entity: organisation|person|region") var kind: String?
    @Option(help: "最多条数 limit") var limit: Int = 50

    func execute(_ out: Output) throws(GSLError) {
        let hits = try RecordsService(store: global.openStore()).search(
            text.joined(separator: " "), entity: kind, limit: limit)
        out.table(
            [
                Column("entity", title: out.t("类型", "entity")), Column("id", title: "#"),
                Column("title", title: out.t("名称", "title")), Column("detail", title: out.t("内容", "detail")),
            ],
            hits.map {
                [.text(entityLabel($0.entity, out)), .text($0.entityID), .text($0.title), .text($0.body)]
            })
    }

    /// The entity type by language in tables and CSV; the code itself in JSON.
    func entityLabel(_ entity: String, _ out: Output) -> String {
        guard !out.isJSON, out.lang == .zh else { return entity }
        switch entity {
        case "organisation": return "组织"
        case "person": return "人员"
        case "region": return "区划"
        default: return entity
        }
    }
}
