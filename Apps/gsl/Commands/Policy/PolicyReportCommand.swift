import ArgumentParser
import Foundation
import GSLCore
import GSLPolicy
import GSLPolicyStore
import GSLStore

extension PolicyCommand {
    /// `gsl policy report RUN --format md|html` (its own `--format`, so not the global options').
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report", abstract: "评估报告（Markdown 或含图的 HTML） evaluation report",
            discussion: "例：gsl policy report 1 --format html --out 科技政策评估.html")

        /// Report formats.
        enum Format: String, ExpressibleByArgument { case md, html }

        @Argument(help: ArgumentHelp("评估编号 run id", valueName: "run")) var runID: Int64
        @Option(help: "格式 format: md|html") var format: Format = .md
        @Option(help: "输出文件 output file (default: stdout)") var out: String?
        @Option(help: "数据库文件 database file") var db: String?
        @Option(help: "语言 language: zh|en") var lang: String?

        func run() throws {
            try generate()
        }

        func generate() throws(GSLError) {
            let env = ProcessInfo.processInfo.environment
            let language = Lang.resolve(flag: lang, environment: env)
            let store = try Store(path: db ?? env["GSL_DB"] ?? "gsl.sqlite", migrations: Schema.all)
            let report = try PolicyService(store: store).report(runID)
            let text = format == .html ? report.html(language) : report.markdown(language)
            if let out {
                try PolicyPresenter.write(text, to: out)
                FileHandle.standardError.write(
                    Data((language == .zh ? "已生成报告：\(out)\n" : "report written: \(out)\n").utf8))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
