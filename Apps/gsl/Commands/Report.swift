import ArgumentParser
import Foundation
import GSLCore
import GSLReports
import GSLStore
import GSLTabular

/// `gsl report …`: the federation's annual report, every figure a query over the records.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "年度报告：每个数字由记录查询得出 annual report computed from records",
        discussion: """
            例 examples:
              gsl report annual --year 2023                       文本（终端）text
              gsl report annual --year 2023 --format html --out 年度报告2023.html
              gsl report annual --year 2023 --compare 2022 --format md
              gsl report explain cases.solved --year 2023         查询、记录数与前几条记录
              gsl report figures --year 2023 --format csv --bom > 指标2023.csv
            """,
        subcommands: [Annual.self, Explain.self, Figures.self])

    /// `gsl report annual`.
    struct Annual: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annual",
            abstract: "年度报告（文本、Markdown、HTML 或 JSON） the year's report as text, Markdown, HTML or JSON")

        /// Report formats.
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, html, json }

        @Option(help: "年份 year") var year: Int
        @Option(help: "对比年份 year to compare with") var compare: Int?
        @Option(help: "格式 format: text|md|html|json") var format: Format = .text
        @OptionGroup var document: DocumentOptions

        func run() throws { try generate() }

        func generate() throws(GSLError) {
            let language = document.language
            let store = try document.openStore()
            let report = try AnnualReportService(store: store).annual(year: year, compare: compare)
            let text: String
            switch format {
            case .text: text = AnnualReportText.text(report, lang: language)
            case .md: text = AnnualReportText.markdown(report, lang: language)
            case .html: text = AnnualReportHTML.html(report, lang: language)
            case .json: text = ReportPresenter.json(report).render(pretty: true) + "\n"
            }
            try document.emit(text)
        }
    }

    /// `gsl report explain FIGURE`.
    struct Explain: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "一个数字从哪里来：查询、数值、记录数与前几条记录 a figure's query, value, record count and first records",
            discussion: "例：gsl report explain match.credit-amount --year 2023 --limit 5")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("指标编号 figure id (gsl report figures lists them)", valueName: "figure"))
        var figure: String
        @Option(help: "年份 year") var year: Int
        @Option(help: "列出的记录数 records to list") var limit: Int = 10

        func execute(_ output: Output) throws(GSLError) {
            let store = try global.openStore()
            let explanation = try AnnualReportService(store: store).explain(
                figure, year: year, limit: max(0, limit))
            ReportPresenter.explain(explanation, output)
        }
    }

    /// `gsl report figures`.
    struct Figures: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "figures",
            abstract: "全部指标：编号、数值、单位与查询 every figure: id, value, unit and query",
            discussion: "例：gsl report figures --year 2023 --format csv --bom > 指标2023.csv")
        @OptionGroup var global: GlobalOptions
        @Option(help: "年份 year") var year: Int
        @Option(help: "对比年份 year to compare with") var compare: Int?

        func execute(_ output: Output) throws(GSLError) {
            let store = try global.openStore()
            let report = try AnnualReportService(store: store).annual(year: year, compare: compare)
            ReportPresenter.figures(report, output)
        }
    }
}
