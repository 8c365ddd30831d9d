import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// `gsl db check|backup|restore`.
struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "数据库维护 store maintenance",
        subcommands: [Check.self, Backup.self, Restore.self])

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

    /// `gsl db restore FILE`: replaces the store with a verified backup.
    struct Restore: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore", abstract: "从备份恢复 replace the store with a verified backup",
            discussion: """
                先校验备份（gsl 数据库、完整性、审计链），当前数据库有备份之后的改动时拒绝（退出码 75），除非加 --force。
                The backup is verified first; a store with changes the backup lacks is kept unless --force.
                例：gsl db restore backup-2026-11-26.sqlite
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "备份文件 backup file (from gsl db backup)") var file: String
        @Flag(name: .long, help: "当前数据库比备份新时也恢复（丢弃其后的改动） restore even over newer changes")
        var force = false

        func execute(_ out: Output) throws(GSLError) {
            let report = try MaintenanceRepository(store: global.openStore(create: true)).restore(
                from: file, force: force)
            if report.discardedEntries > 0 {
                out.notice(
                    Message(
                        "已丢弃当前数据库中不在备份里的 \(report.discardedEntries) 条审计记录及其改动",
                        en:
                            "discarded \(report.discardedEntries) audit entries (and their changes) not in the backup"
                    ))
            }
            out.notice(
                Message(
                    "已从 \(file) 恢复（审计记录 \(report.auditEntries) 条）",
                    en: "restored from \(file) (\(report.auditEntries) audit entries)"))
        }
    }
}
