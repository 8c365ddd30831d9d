import GSLCore
import GSLStore
import GSLTabular

/// Renders a replay's report: the entries replayed (stderr) and one line per table (stdout).
enum AuditReplayPresenter {
    /// The per-table summary: kind, rows in the source and in the replay, whether the content
    /// hashes are equal, and both hashes.
    static func show(_ report: ReplayReport, _ out: Output) {
        out.notice(
            Message(
                "已重放 \(report.entries) 条审计记录到 \(report.target)（改动行的 \(report.rowEntries) 条，只作记录的 \(report.notes) 条）",
                en:
                    "replayed \(report.entries) audit entries into \(report.target) (\(report.rowEntries) changing rows, \(report.notes) notes)"
            ))
        out.table(
            [
                Column("table", title: out.t("表", "table")),
                Column("kind", title: out.t("类别", "kind")),
                Column("source_rows", title: out.t("源库行数", "rows in source"), alignRight: true),
                Column("replay_rows", title: out.t("重放行数", "rows in replay"), alignRight: true),
                Column("equal", title: out.t("内容哈希一致", "hash equal")),
                Column("source_hash", title: out.t("源库哈希", "source hash")),
                Column("replay_hash", title: out.t("重放哈希", "replay hash")),
            ],
            report.tables.map { t in
                [
                    .text(t.table), out.enumValue(t.kind.rawValue, kindLabel(t.kind, out)),
                    .int(Int64(t.source.rows)), .int(Int64(t.replay.rows)),
                    out.enumValue(t.isEqual ? "yes" : "no", t.isEqual ? out.t("是", "yes") : out.t("否", "no")),
                    .text(hash(t.source.hash, out)), .text(hash(t.replay.hash, out)),
                ]
            })
        if report.isFaithful {
            out.notice(
                Message(
                    "每张受审计的表均与源库一致：没有绕过审计日志的写入",
                    en: "every audited table equals the source: no write bypassed the audit log"))
        }
    }

    /// A table kind in the reader's language.
    static func kindLabel(_ kind: StoreTableKind, _ out: Output) -> String {
        switch kind {
        case .audited: out.t("受审计", "audited")
        case .unregistered: out.t("未登记", "unregistered")
        case .log: out.t("审计日志", "log")
        case .derived: out.t("派生（仅参考）", "derived (informative)")
        case .schema: out.t("迁移记录", "schema")
        }
    }

    /// A hash: whole in machine formats, its first 12 digits in a table.
    static func hash(_ text: String, _ out: Output) -> String {
        out.format == .table ? String(text.prefix(12)) : text
    }
}
