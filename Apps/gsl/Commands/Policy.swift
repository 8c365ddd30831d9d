import ArgumentParser
import Foundation
import GSLCore
import GSLPolicy
import GSLPolicyStore
import GSLStore

extension EstimationMethod: LenientArgument {}
extension SmallSample: LenientArgument {}
extension PanelVariable: LenientArgument {}

/// `gsl policy …`: 惠企政策绩效评估 — firm × year panels, difference-in-differences, event
/// studies, staggered adoption, matching and the performance scorecard.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "惠企政策效果评估（面板、双重差分、事件研究、绩效评分） policy evaluation",
        discussion: """
            例 examples:
              gsl policy sample --out 样例 --seed 7
              gsl policy panel import 样例/企业面板.csv
              gsl policy treat import 样例/受惠企业.csv
              gsl policy panel describe --outcome rd_spending --svg 趋势.svg
              gsl policy estimate --method cs --outcome rd_spending --control not-yet --bootstrap 999 --seed 1
              gsl policy estimate --method twfe --outcome rd_spending --df stata
              gsl policy report 1 --format html --out 评估报告.html
              gsl policy scorecard Datasets/frameworks/policy-performance.yaml --run 1 \\
                --input basis=90 --input target=85 --satisfaction 91.5
            """,
        subcommands: [
            Panel.self, Treat.self, Estimate.self, Runs.self, Report.self, Scorecard.self, Sample.self,
        ])

    struct Panel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "panel", abstract: "企业 × 年份面板 firm × year outcomes",
            subcommands: [PanelImport.self, Describe.self])
    }

    struct PanelImport: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入企业年度指标 import firm × year outcomes",
            discussion: """
                列 columns: 统一社会信用代码, 年份, 营业收入, 研发投入, 从业人员, 专利数, 纳税额
                （金额以万元计；也可写 1.2亿、300万、5000元）
                例：gsl policy panel import 企业面板.csv
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags

        func execute(_ out: Output) throws(GSLError) {
            let report = try PolicyService(store: global.openStore()).importPanel(
                flags.options(), context: global.context())
            ImportReporting.show(report, entity: Message("面板观测值", en: "panel values"), out)
        }
    }

    struct Describe: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "describe", abstract: "按年份比较受政策与未受政策企业均值 means by year",
            discussion: "例：gsl policy panel describe --outcome rd_spending --svg 趋势.svg")
        @OptionGroup var global: GlobalOptions
        @Option(help: "政策 policy (default: the only one)") var policy: String?
        @Option(help: "结果变量 outcome: revenue|rd_spending|employees|patents|tax") var outcome: PanelVariable =
            .rdSpending
        @Option(help: "趋势图 SVG 文件 trend chart file") var svg: String?

        func execute(_ out: Output) throws(GSLError) {
            let (name, description) = try PolicyService(store: global.openStore()).describe(
                .init(policy: policy, outcome: outcome))
            PolicyPresenter.describe(name, outcome, description, out)
            if let svg {
                try PolicyPresenter.write(
                    PolicyPresenter.trendSVG(name, outcome, description, out.lang), to: svg)
                out.notice(Message("已生成趋势图：\(svg)", en: "trend chart written: \(svg)"))
            }
        }
    }

    struct Treat: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "treat", abstract: "政策受惠企业 policy recipients", subcommands: [TreatImport.self])
    }

    struct TreatImport: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入受惠企业（何时享受何项政策、金额） import recipients",
            discussion: """
                列 columns: 统一社会信用代码, 政策, 受惠年份（或日期）, 金额
                无「政策」列时用 --policy。
                例：gsl policy treat import 受惠企业.csv --policy 科技创新券
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags
        @Option(help: "政策名称（文件无政策列时） policy name for files without one") var policy: String?

        func execute(_ out: Output) throws(GSLError) {
            let report = try PolicyService(store: global.openStore()).importTreatments(
                flags.options(), policy: policy, context: global.context())
            ImportReporting.show(report, entity: Message("受惠记录", en: "recipients"), out)
        }
    }

    struct Runs: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "runs", abstract: "已保存的评估 stored estimates", discussion: "例：gsl policy runs")
        @OptionGroup var global: GlobalOptions
        @Option(help: "最多条数 at most (default 50)") var limit = 50

        func execute(_ out: Output) throws(GSLError) {
            PolicyPresenter.runs(try PolicyService(store: global.openStore()).list(limit: limit), out)
        }
    }
}
