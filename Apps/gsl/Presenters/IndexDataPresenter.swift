import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

/// Notices and tables for indicator data.
enum IndexDataPresenter {
    /// What a data import did (or, `dryRun`, would do) to `dataset`, with the reading notices.
    static func imported(_ r: IndexService.DataImportReport, dataset: String, dryRun: Bool, _ out: Output) {
        for n in r.notices { out.notice(n) }
        let prefix =
            dryRun ? Message("（试运行，未写入）", en: "(dry run, nothing written) ") : Message("", en: "")
        out.notice(
            Message(
                "\(prefix.zh)数据集 \(dataset)：\(r.values) 个值，\(r.units) 个单位，时期 \(r.periods.joined(separator: ","))；新增 \(r.inserted)，替换 \(r.replaced)",
                en:
                    "\(prefix.en)dataset \(dataset): \(r.values) values, \(r.units) units, periods \(r.periods.joined(separator: ",")); inserted \(r.inserted), replaced \(r.replaced)"
            ))
    }

    /// The stored datasets.
    static func list(_ sets: [(name: String, values: Int, units: Int, periods: String)], _ out: Output) {
        out.table(
            [
                Column("dataset", title: out.t("数据集", "dataset")),
                Column("values", title: out.t("值", "values")),
                Column("units", title: out.t("单位数", "units")),
                Column("periods", title: out.t("时期", "periods")),
            ],
            sets.map {
                [.text($0.name), .int(Int64($0.values)), .int(Int64($0.units)), .text($0.periods)]
            })
    }

    /// What generating a synthetic dataset stored.
    static func generated(_ g: GeneratedDataset, _ out: Output) {
        out.notice(
            Message(
                "已生成合成数据集 \(g.dataset)：\(g.values) 个值，\(g.units) 个区县，\(g.periods.joined(separator: ","))（哈希 \(g.hash.prefix(12))）",
                en:
                    "generated synthetic dataset \(g.dataset): \(g.values) values, \(g.units) units, \(g.periods.joined(separator: ",")) (hash \(g.hash.prefix(12)))"
            ))
    }
}
