import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// `gsl init`: create and migrate the store.
struct Init: GSLCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "创建并迁移数据库 create and migrate the store",
        discussion: "例：gsl init --db federation.sqlite")

    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws(GSLError) {
        let store = try global.openStore(create: true)
        if store.isReadOnly {
            throw GSLError(
                .permission,
                Message(
                    "数据库只读：\(global.databasePath)", en: "the database is read-only: \(global.databasePath)"))
        }
        let status = try MaintenanceRepository(store: store).status()
        out.notice(
            Message(
                "已就绪：\(global.databasePath)（架构版本 \(status.migrations.count)）",
                en: "ready: \(global.databasePath) (schema version \(status.migrations.count))"))
    }
}

/// `gsl status`: counts per entity, schema version, file and size.
struct Status: GSLCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "数据库概况 counts, schema version, file, size")

    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws(GSLError) {
        let store = try global.openStore()
        let s = try MaintenanceRepository(store: store).status()
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

/// `gsl db check|backup`.
struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "数据库维护 store maintenance", subcommands: [Check.self, Backup.self])

    /// `gsl db check`: integrity, foreign keys, audit chain.
    struct Check: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "检查完整性、外键和审计链 integrity, foreign keys, audit chain")
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws(GSLError) {
            let problems = try MaintenanceRepository(store: global.openStore()).check()
            guard problems.isEmpty else {
                for p in problems.dropLast() { out.notice(p) }
                throw GSLError(.data, problems.last!)
            }
            out.line(out.t("检查通过：完整性、外键、审计链均正常", "ok: integrity, foreign keys and audit chain are sound"))
        }
    }

    /// `gsl db backup FILE`: online backup.
    struct Backup: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup", abstract: "在线备份 online backup to a new file",
            discussion: "例：gsl db backup backup-2026-11-26.sqlite")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "目标文件 target file (must not exist)") var file: String

        func execute(_ out: Output) throws(GSLError) {
            try MaintenanceRepository(store: global.openStore()).backup(to: file)
            out.notice(Message("已备份到 \(file)", en: "backed up to \(file)"))
        }
    }
}
