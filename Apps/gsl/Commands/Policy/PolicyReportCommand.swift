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
        @OptionGroup var document: DocumentOptions

        func run() throws {
            try generate()
        }

        func generate() throws(GSLError) {
            let language = document.language
            let store = try document.openStore()
            let report = try PolicyService(store: store).report(runID)
            let text = format == .html ? report.html(language) : report.markdown(language)
            try document.emit(text)
        }
    }
}
