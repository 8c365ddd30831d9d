import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// `gsl status`: counts per entity, schema version, file and size.
struct Status: GSLCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "数据库概况 counts, schema version, file, size")

    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws(GSLError) {
        let s = try RecordsService(store: global.openStore()).status()
        var fields: [(key: String, label: String, value: Cell)] = [
            ("file", out.t("文件", "file"), .text(s.path ?? ":memory:")),
            ("bytes", out.t("大小（字节）", "size (bytes)"), .int(s.bytes)),
            ("schema_version", out.t("架构版本", "schema version"), .int(Int64(s.migrations.count))),
            ("last_migration", out.t("最近迁移", "last migration"), .text(s.migrations.last ?? "")),
        ]
        for c in s.counts {
            let label =
                out.lang == .zh ? (Self.chineseNames[c.table].map { "\($0) \(c.table)" } ?? c.table) : c.table
            fields.append((c.table, label, .int(Int64(c.rows))))
        }
        out.record(fields)
    }

    /// Chinese names of the tables, shown beside the table name.
    static let chineseNames: [String: String] = [
        "regions": "区划", "organisations": "组织", "people": "人员", "memberships": "会籍", "contacts": "联系方式",
        "audit_log": "审计日志", "audit_head": "审计链头",
        "cases": "诉求", "case_events": "诉求办理记录", "case_callbacks": "回访", "case_escalations": "督办记录",
        "campaigns": "走访活动", "campaign_targets": "走访目标", "visits": "走访", "info_reports": "社情民意信息",
        "info_events": "信息采用与批示", "proposals": "提案", "proposal_events": "提案办理记录",
        "proposal_adoptions": "提案采纳",
        "index_frameworks": "指标体系", "index_units": "指数单位", "index_values": "指标数据", "index_runs": "指数计算",
        "index_scores": "指数得分",
    ]
}
