import ArgumentParser
import Foundation
import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLStore

extension IndexCommand {
    /// `gsl index report RUN --format md|html`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "生成报告（Markdown 或含 SVG 图的单个 HTML） report as Markdown or one HTML file with SVG charts",
            discussion: "例：gsl index report 3 --format html --out 亲清指数2023.html")

        /// Report formats.
        enum Format: String, ExpressibleByArgument { case md, html }

        @Argument(help: ArgumentHelp("计算编号 run id", valueName: "run")) var runID: Int64
        @Option(help: "格式 format: md|html") var format: Format = .md
        @Option(help: "对比的上次计算 previous run to compare (default: the previous period's)") var previous: Int64?
        @OptionGroup var document: DocumentOptions

        func run() throws {
            try generate()
        }

        func generate() throws(GSLError) {
            let language = document.language
            let store = try document.openStore()
            let input = try IndexService(store: store).report(run: runID, previous: previous)
            let text =
                format == .html
                ? IndexReport.html(input, lang: language) : IndexReport.markdown(input, lang: language)
            try document.emit(text)
        }
    }
}
