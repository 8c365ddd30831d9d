import ArgumentParser
import GSLCore
import GSLStore

extension Audit {
    /// `gsl audit replay --into FILE`: rebuilds every audited table from the log alone into a new
    /// store and compares it with this one table by table.
    struct Replay: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "replay", abstract: "由审计日志重建新库并逐表比对 rebuild a new store from the log and compare",
            discussion: """
                例：gsl audit replay --into 重放.sqlite
                只用审计日志在新文件中重建每张受审计的表，再按内容哈希逐表与当前库比对：
                全部一致说明没有绕过审计日志的写入；不一致时退出码 65，并指出第一处差异。
                新文件须不存在（否则退出码 75）；搜索索引由触发器重建，仅供参考比对。
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "重放写入的新库文件（须不存在） new store file to replay into (must not exist)") var into: String

        func execute(_ out: Output) throws(GSLError) {
            let report = try AuditReplay(source: global.openStore(), entities: Schema.audited).replay(
                into: into)
            AuditReplayPresenter.show(report, out)
            if let problem = report.firstProblem {
                for divergence in report.divergences.dropFirst(report.differing.isEmpty ? 1 : 0) {
                    out.notice(divergence)
                }
                throw GSLError(.data, problem).because(.replayDiffers)
            }
        }
    }
}
