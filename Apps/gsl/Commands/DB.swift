import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

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
