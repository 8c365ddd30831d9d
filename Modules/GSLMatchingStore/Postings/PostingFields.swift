import GSLCore
import GSLMatching
import GSLStore
import GSLTabular

/// The fields of a posting, shared by `match post` (flags) and `match import` (file columns), so
/// both read amounts (亿/万), dates (2025年5月6日), lists and codes the same way.
public enum PostingFields {
    /// The columns an import file may have, with their Chinese names.
    public static let specs: [FieldSpec] = [
        FieldSpec("ref", aliases: ["编号", "信息编号", "reference"]),
        FieldSpec("side", aliases: ["供需", "方向", "供需方向"], required: true),
        FieldSpec("kind", aliases: ["类别", "类型", "种类"], required: true),
        FieldSpec("org", aliases: ["组织", "企业", "单位", "机构", "organisation", "organization"], required: true),
        FieldSpec("title", aliases: ["标题", "名称"], required: true),
        FieldSpec("text", aliases: ["内容", "描述", "说明", "description"]),
        FieldSpec("industry", aliases: ["行业代码", "行业"]),
        FieldSpec("region", aliases: ["区划代码", "地区", "所在地区"]),
        FieldSpec("amount", aliases: ["金额", "需求金额"]),
        FieldSpec("amount_min", aliases: ["金额下限", "最低额度", "额度下限"]),
        FieldSpec("amount_max", aliases: ["金额上限", "最高额度", "额度上限"]),
        FieldSpec("rate", aliases: ["利率", "年利率"]),
        FieldSpec("sizes", aliases: ["适用规模", "规模"]),
        FieldSpec("exclude_industries", aliases: ["排除行业"]),
        FieldSpec("majors", aliases: ["专业"]),
        FieldSpec("capacity", aliases: ["容量", "名额"]),
        FieldSpec("customised", aliases: ["定制班", "customized"]),
        FieldSpec("deadline", aliases: ["截止日期", "截止日"]),
        FieldSpec("date", aliases: ["发布日期", "日期"]),
    ]

    /// A new posting from named fields; `today` is the posting day when none is given.
    public static func draft(_ r: FieldReader, today: LocalDate) throws(GSLError) -> NewPosting {
        let side = try r.parse("side") { (t: String) throws(GSLError) in
            try PostingSide.parse(t, what: Message("供需方向", en: "side"))
        }
        guard let side else { throw missing(r, "side", Message("供需方向", en: "side")) }
        let kind = try r.parse("kind") { (t: String) throws(GSLError) in
            try PostingKind.parse(t, what: Message("类别", en: "kind"))
        }
        guard let kind else { throw missing(r, "kind", Message("类别", en: "kind")) }
        func money(_ key: String) throws(GSLError) -> Money? {
            try r.parse(key) { (t: String) throws(GSLError) in try Money.parse(t) }
        }
        func date(_ key: String) throws(GSLError) -> LocalDate? {
            try r.parse(key) { (t: String) throws(GSLError) in try LocalDate.parse(t) }
        }
        let customised = try r.parse("customised") { (t: String) throws(GSLError) -> Bool in
            switch TextNormaliser.halfWidth(t).lowercased() {
            case "1", "yes", "true", "是", "y": return true
            case "0", "no", "false", "否", "n": return false
            default:
                throw GSLError.data("定制班应为 是/否：“\(t)”", en: "customised must be yes or no: '\(t)'")
                    .because(.matchingPostingInvalid)
            }
        }
        var posting = NewPosting(
            ref: r.text("ref"), side: side, kind: kind,
            organisation: try r.required("org", label: Message("组织", en: "organisation")),
            title: try r.required("title", label: Message("标题", en: "title")), text: r.text("text") ?? "",
            industry: r.text("industry"), region: r.text("region"), amount: try money("amount"),
            amountMin: try money("amount_min"), amountMax: try money("amount_max"),
            rateBP: try r.parse("rate") { (t: String) throws(GSLError) in try NewPosting.rate(t) },
            eligibleSizes: try r.parse("sizes") { (t: String) throws(GSLError) in try NewPosting.sizes(t) }
                ?? [],
            excludedIndustries: r.text("exclude_industries").map(NewPosting.list) ?? [],
            majors: r.text("majors").map(NewPosting.list) ?? [],
            capacity: try r.integer("capacity", label: Message("容量", en: "capacity")) ?? 1,
            customised: customised ?? false, deadline: try date("deadline"), postedOn: today)
        posting.postedOn = try date("date") ?? today
        do {
            return try posting.validated()
        } catch {
            throw error.location?.field.flatMap(r.location).map { error.at($0) } ?? error
        }
    }

    static func missing(_ r: FieldReader, _ key: String, _ label: Message) -> GSLError {
        GSLError(
            .data, Message("缺少必填字段「\(label.zh)」", en: "missing required field '\(label.en)'"),
            at: r.location(key)
        ).because(.valueRequired)
    }
}
