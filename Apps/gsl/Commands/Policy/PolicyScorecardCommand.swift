import ArgumentParser
import Foundation
import GSLCore
import GSLPolicy
import GSLPolicyStore
import GSLStore

extension PolicyCommand {
    /// `gsl policy scorecard FRAMEWORK --run RUN --input code=value …`.
    struct Scorecard: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "scorecard", abstract: "政策绩效评分（决策/过程/产出/效益） performance scorecard",
            discussion: """
                框架为指标体系 YAML（同 gsl index），指标须有 goalposts；effect（估计效应，%）、
                recipients（受惠企业数）由库中记录填入，satisfaction（服务对象满意度）用 --satisfaction。
                例：gsl policy scorecard Datasets/frameworks/policy-performance.yaml --run 1 \\
                      --input basis=90 --input goals=85 --satisfaction 91.5
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "绩效评价框架文件 framework YAML") var framework: String
        @Option(help: "评估编号（效应来源） run id, source of the effect") var run: Int64
        @Option(name: .customLong("input"), help: "指标值 code=value (repeatable)") var inputs: [String] = []
        @Option(help: "服务对象满意度 satisfaction 0–100") var satisfaction: Double?
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
            let summary = try PolicyService(store: global.openStore()).scorecard(
                path: framework, run: run, inputs: values,
                satisfaction: satisfaction.map { .given($0) } ?? .none,
                dryRun: dryRun, context: global.context())
            PolicyPresenter.scorecard(summary, out)
        }
    }
}
