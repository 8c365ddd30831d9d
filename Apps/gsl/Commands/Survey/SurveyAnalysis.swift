import ArgumentParser
import Foundation
import GSLCore
import GSLStore
import GSLSurveys
import GSLSurveysStore

extension SurveyCommand {
    /// `gsl survey freq NAME [Q]`.
    struct Freq: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "freq", abstract: "频数与比例（含 95% 置信区间） frequencies with intervals",
            discussion: "已加权的调查默认用权数（--unweighted 不用）。例：gsl survey freq 新生代2023 Q4")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "调查名 survey") var name: String
        @Argument(help: "题目 question (Q4; default: all)") var question: String?
        @Flag(help: "不用权数 ignore the weights") var unweighted = false
        @Flag(help: "显示个人信息 unmask personal fields") var unmask = false

        func execute(_ out: Output) throws(GSLError) {
            let result = try SurveyService(store: global.openStore()).frequencies(
                name, question: question, unweighted: unweighted, unmask: unmask)
            if unmask { global.protectUnmaskedOutput() }
            SurveyPresenter.frequencies(result.tables, weighting: result.weighting, out)
        }
    }

    /// `gsl survey crosstab NAME ROWS COLUMNS`.
    struct Crosstab: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "crosstab", abstract: "交叉表与检验（χ²、Rao–Scott、Cramér's V） crosstab with tests",
            discussion: "例：gsl survey crosstab 新生代2023 Q4 Q10；矩阵题的一行写作 Q13.2")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "调查名 survey") var name: String
        @Argument(help: "行题目 row question") var rows: String
        @Argument(help: "列题目 column question") var columns: String
        @Flag(help: "不用权数 ignore the weights") var unweighted = false

        func execute(_ out: Output) throws(GSLError) {
            let table = try SurveyService(store: global.openStore()).crosstab(
                name, rows: rows, columns: columns, unweighted: unweighted)
            SurveyPresenter.crosstab(table, out)
        }
    }

    /// `gsl survey mean NAME Q`.
    struct Mean: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "mean", abstract: "量表均值、分布与 Cronbach's α scale means and α",
            discussion: "例：gsl survey mean 新生代2023 Q13")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "调查名 survey") var name: String
        @Argument(help: "题目 question") var question: String
        @Flag(help: "不用权数 ignore the weights") var unweighted = false

        func execute(_ out: Output) throws(GSLError) {
            let table = try SurveyService(store: global.openStore()).means(
                name, question: question, unweighted: unweighted)
            SurveyPresenter.means(table, out)
        }
    }

    /// `gsl survey profile NAME --by county|industry|generation`.
    struct Profile: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile", abstract: "受访者画像（按匹配到的企业、人员） describe the respondents",
            discussion: "例：gsl survey profile 新生代2023 --by county（区县）| industry（行业门类）| generation（80后…）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "调查名 survey") var name: String
        @Option(help: "维度 by: county|industry|generation") var by: ProfileDimension
        @Flag(help: "不用权数 ignore the weights") var unweighted = false

        func execute(_ out: Output) throws(GSLError) {
            let lines = try SurveyService(store: global.openStore()).profile(
                name, by: by, unweighted: unweighted)
            SurveyPresenter.profile(lines, out)
        }
    }

    /// `gsl survey report NAME --format md|html`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report", abstract: "调查报告（Markdown/HTML，内嵌 SVG 图） survey report",
            discussion: "例：gsl survey report 新生代2023 --format html --out 报告.html")
        @Argument(help: "调查名 survey") var name: String
        @Option(help: "格式 format: md|html") var format: String = "md"
        @OptionGroup var document: DocumentOptions
        @Flag(help: "不用权数 ignore the weights") var unweighted = false

        func run() throws {
            guard let f = ReportFormat(rawValue: format) else {
                throw GSLError.usage(
                    "未知的报告格式「\(format)」（md、html）", en: "unknown report format '\(format)' (md, html)")
            }
            let store = try document.openStore()
            try document.emit(try SurveyService(store: store).report(name, format: f, unweighted: unweighted))
        }
    }
}
