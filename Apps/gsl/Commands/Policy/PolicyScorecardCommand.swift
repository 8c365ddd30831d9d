import ArgumentParser
import Foundation
import GSLCore
import GSLPolicy
import GSLPolicyStore
import GSLStore
import GSLSurveys
import GSLSurveysStore

extension PolicyCommand {
    /// `gsl policy scorecard FRAMEWORK --run RUN --input code=value …`.
    struct Scorecard: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "scorecard", abstract: "政策绩效评分（决策/过程/产出/效益） performance scorecard",
            discussion: """
                框架为指标体系 YAML（同 gsl index），指标须有 goalposts；effect（估计效应，%）、
                recipients（受惠企业数）由库中记录填入，satisfaction（服务对象满意度）用 --satisfaction 直接给出，
                或用 --satisfaction-survey 调查名 --satisfaction-question 题号 从已导入的问卷计算（调查已加权则加权）：
                  scaled（默认）均值折算：(均值 − 最低分) / (最高分 − 最低分) × 100
                  top2 满意率：选最高两档（比较满意、很满意）的比例 × 100
                例：gsl policy scorecard Datasets/frameworks/policy-performance.yaml --run 1 \\
                      --input basis=90 --input goals=85 --satisfaction 91.5
                    gsl policy scorecard … --satisfaction-survey 新生代2023 --satisfaction-question Q16
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "绩效评价框架文件 framework YAML") var framework: String
        @Option(help: "评估编号（效应来源） run id, source of the effect") var run: Int64
        @Option(name: .customLong("input"), help: "指标值 code=value (repeatable)") var inputs: [String] = []
        @Option(help: "服务对象满意度 satisfaction 0–100") var satisfaction: Double?
        @Option(name: .customLong("satisfaction-survey"), help: "满意度来自调查 satisfaction from this survey")
        var survey: String?
        @Option(
            name: .customLong("satisfaction-question"), help: "调查中的满意度题 the survey's question (Q16, Q13.10)")
        var question: String?
        @Option(name: .customLong("satisfaction-measure"), help: "折算 measure: scaled|top2")
        var measure: String = "scaled"
        @Flag(name: .customLong("dry-run"), help: "只计算不保存 compute without storing") var dryRun = false

        func execute(_ out: Output) throws(GSLError) {
            var values: [String: Double] = [:]
            for item in inputs {
                let parts = item.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard parts.count == 2, let v = Double(TextNormaliser.halfWidth(parts[1])), v.isFinite else {
                    throw GSLError.usage(
                        "--input 应为 指标=数值：\(item)", en: "--input must be code=number: \(item)")
                }
                values[parts[0]] = v
            }
            let store = try global.openStore()
            let source: SatisfactionSource
            switch (satisfaction, survey, question) {
            case (nil, nil, nil): source = .none
            case (let v?, nil, nil): source = .given(v)
            case (nil, let name?, let q?):
                guard let m = SatisfactionMeasure(rawValue: measure) else {
                    throw GSLError.usage(
                        "--satisfaction-measure 应为 scaled 或 top2：\(measure)",
                        en: "--satisfaction-measure must be scaled or top2: \(measure)")
                }
                let score = try SurveyService(store: store).satisfaction(name, question: q, measure: m)
                source = .survey(score.value, provenance: score.provenance)
            case (nil, _, _):
                throw GSLError.usage(
                    "--satisfaction-survey 与 --satisfaction-question 须同时给出",
                    en: "give both --satisfaction-survey and --satisfaction-question")
            default:
                throw GSLError.usage(
                    "满意度用 --satisfaction 数值或 --satisfaction-survey 问卷，二者取一",
                    en: "give satisfaction as --satisfaction or --satisfaction-survey, not both")
            }
            let summary = try PolicyService(store: store).scorecard(
                path: framework, run: run, inputs: values, satisfaction: source, dryRun: dryRun,
                context: global.context())
            PolicyPresenter.scorecard(summary, out)
        }
    }
}
