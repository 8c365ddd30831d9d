import ArgumentParser
import Foundation
import GSLCore
import GSLPolicy
import GSLPolicyStore
import GSLStore

extension PolicyCommand {
    /// `gsl policy estimate --method …`.
    struct Estimate: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "estimate", abstract: "估计政策效应并保存 estimate and store an effect",
            discussion: """
                方法 methods: twfe | did2x2 | event | cs | psm | psm-did
                标准误按企业聚类；--df stata 计入吸收的企业固定效应，--df fixest（默认）不计入。
                例：gsl policy estimate --method event --outcome rd_spending --window=-4,4
                    gsl policy estimate --method cs --control not-yet --bootstrap 999 --seed 7
                    gsl policy estimate --method psm-did --covariates revenue,employees --caliper 0.2
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "方法 method: twfe|did2x2|event|cs|psm|psm-did") var method: EstimationMethod
        @Option(help: "政策 policy (default: the only one)") var policy: String?
        @Option(help: "结果变量 outcome (default rd_spending)") var outcome: PanelVariable = .rdSpending
        @Option(help: "小样本口径 small-sample convention: stata|fixest") var df: SmallSample = .fixest
        @Option(help: "对照组 controls (cs): never|not-yet") var control: String = "never"
        @Option(help: "协变量（逗号分隔，取面板首年值） covariates, first panel year") var covariates: String?
        @Option(help: "自助法次数 multiplier-bootstrap draws (cs)") var bootstrap = 0
        @Option(help: "随机种子 seed") var seed: UInt64 = 1
        @Option(help: "政策年份 adoption year (did2x2, psm)") var adoption: Int?
        @Option(help: "事件窗口 event window, e.g. --window=-4,4") var window: String?
        @Option(help: "卡尺（倾向得分标准差倍数） caliper in SDs of the score") var caliper = 0.2
        @Option(help: "事件研究图 SVG 文件（event、cs） event-study plot file") var plot: String?
        @Flag(name: .customLong("dry-run"), help: "只估计不保存 estimate without storing") var dryRun = false

        func execute(_ out: Output) throws(GSLError) {
            var options = PolicyEvaluation.Options()
            options.convention = df.rawValue
            guard CallawaySantAnna.Control(rawValue: control) != nil else {
                throw GSLError.usage("--control 应为 never 或 not-yet", en: "--control must be never or not-yet")
            }
            options.control = control
            options.bootstrap = bootstrap
            options.seed = seed
            options.adoption = adoption
            options.caliper = caliper
            var chosen: [PanelVariable] = []
            for name in (covariates ?? "").split(whereSeparator: { $0 == "," || $0 == "，" }) {
                let text = name.trimmingCharacters(in: .whitespaces)
                guard let v = PanelVariable(name: text) else {
                    throw GSLError.usage(
                        "未知的协变量「\(text)」（可选：\(PanelVariable.allCases.map(\.rawValue).joined(separator: ", "))）",
                        en:
                            "unknown covariate '\(text)' (one of \(PanelVariable.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                chosen.append(v)
            }
            options.outcomeRegression = method == .cs && !chosen.isEmpty
            if let window {
                let parts = window.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo < hi else {
                    throw GSLError.usage(
                        "--window 应为「前,后」如 -4,4", en: "--window must be 'low,high', e.g. -4,4")
                }
                options.windowLow = lo
                options.windowHigh = hi
            }
            let estimate = try PolicyService(store: global.openStore()).estimate(
                method, selection: .init(policy: policy, outcome: outcome, covariates: chosen),
                options: options,
                dryRun: dryRun, context: global.context())
            PolicyPresenter.estimate(estimate, out)
            if let plot {
                guard let svg = PolicyReport.eventPlot(estimate.result, out.lang) else {
                    throw GSLError.usage(
                        "只有 event 和 cs 方法有事件研究图", en: "only the event and cs methods have an event-study plot"
                    )
                }
                try PolicyPresenter.write(svg, to: plot)
                out.notice(Message("已生成事件研究图：\(plot)", en: "event-study plot written: \(plot)"))
            }
        }
    }
}
