import Foundation
import GRDB
import GSLCore
import GSLIndexScoring
import GSLPolicy
import GSLStore
import GSLTabular

/// The Ministry of Finance performance scorecard (财预〔2020〕10号: 决策 / 过程 / 产出 / 效益) of a
/// policy, computed by the index engine: a framework YAML whose indicators have goalposts, one
/// unit (the policy), normalised by goalposts to 0–100 and aggregated by the framework's weights.
/// Three indicators are filled from records, not typed: `effect` (the stored estimate's effect
/// relative to the treated firms' pre-adoption mean, in %; 0 when its 95 % interval covers zero),
/// `recipients` (firms recorded as receiving the policy) and `satisfaction` (from the
/// `SatisfactionSource`). Every other indicator needs a value.
public struct PolicyScorecard: Sendable {
    /// The indicator codes filled from records.
    public static let effectCode = "effect", recipientsCode = "recipients", satisfactionCode = "satisfaction"

    /// The store.
    public let store: Store

    /// A scorecard service over `store`.
    public init(store: Store) { self.store = store }

    /// Computes, and unless `dryRun` stores, the scorecard of run `runID` under the framework file
    /// at `path`, with `inputs` for the typed indicators.
    public func compute(
        path: String, run runID: Int64, inputs: [String: Double], satisfaction: SatisfactionSource,
        dryRun: Bool, context: MutationContext
    ) throws(GSLError) -> ScorecardSummary {
        let yaml = try InputFile.text(path, what: Message("绩效评价框架文件", en: "framework file"))
        let framework = try FrameworkParser.parse(yaml: yaml, file: path)
        let run = try PolicyRunRepository(store: store).run(runID)
        let recipients = try store.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM policy_treatments WHERE policy = ?", arguments: [run.policy])
                ?? 0
        }
        let codes = framework.indicatorCodes
        if inputs[Self.satisfactionCode] != nil, satisfaction != .none {
            throw GSLError.usage(
                "满意度只能给一处：--input satisfaction= 或满意度来源，二者取一",
                en: "satisfaction given twice: as an input and as a source"
            ).because(.policyScorecardInput)
        }
        for key in inputs.keys where !codes.contains(key) {
            let hint = ConfigSuggestion.closest(to: key, among: codes).map { "（是否为 \($0)？）" } ?? ""
            throw GSLError.data(
                "框架 \(framework.reference) 没有指标「\(key)」\(hint)；指标：\(codes.joined(separator: ", "))",
                en:
                    "framework \(framework.reference) has no indicator '\(key)'; indicators: \(codes.joined(separator: ", "))"
            ).because(.policyScorecardInput)
        }
        var values: [String: Double] = [:]
        for code in codes {
            switch code {
            case Self.effectCode:
                let e = run.result.effect
                guard let relative = run.result.relativeEffect else {
                    throw GSLError.data(
                        "评估 #\(runID) 没有可用的相对效应（缺少政策前均值）",
                        en: "run #\(runID) has no relative effect (no pre-adoption mean)"
                    ).because(.policyScorecardInput)
                }
                values[code] = e.low <= 0 && e.high >= 0 ? 0 : relative
            case Self.recipientsCode: values[code] = Double(recipients)
            case Self.satisfactionCode:
                guard let v = inputs[code] ?? satisfaction.value else {
                    throw GSLError.data(
                        "缺少服务对象满意度（satisfaction，0–100）",
                        en: "missing the satisfaction of the firms served (satisfaction, 0–100)"
                    ).because(.policyScorecardInput)
                }
                guard (0...100).contains(v) else {
                    throw GSLError.data("满意度应在 0–100 之间：\(v)", en: "satisfaction must be 0–100: \(v)")
                        .because(.policyScorecardInput)
                }
                values[code] = v
            default:
                guard let v = inputs[code], v.isFinite else {
                    let name = framework.node(code)?.nameZh ?? code
                    throw GSLError.data(
                        "缺少指标「\(name)」（\(code)）的值",
                        en: "missing a value for indicator \(code) (\(framework.node(code)?.nameEn ?? code))"
                    ).because(.policyScorecardInput)
                }
                values[code] = v
            }
        }
        var data = Dataset()
        let unit = run.policy
        for (code, v) in values { data.set(unit: unit, period: "score", variable: code, value: v) }
        let spec = PipelineSpec(normalise: .init(method: .goalposts, low: 0, high: 100, truncate: true))
        let result = try Pipeline.run(framework: framework, data: data, spec: spec)
        let root = framework.rootCode
        guard let total = result.score(unit: unit, node: root) else {
            throw GSLError(.internalError, Message("评分没有总分", en: "the scorecard has no total"))
        }
        let grade = framework.grading.map { $0.label($0.gradeIndex(score: total, rank: 1, count: 1)) }
        let nodes = framework.treeOrder.map { code in
            ScorecardSummary.Node(
                code: code, name: framework.node(code)?.nameZh ?? code, depth: framework.depth(of: code),
                score: result.score(unit: unit, node: code) ?? .nan,
                weight: code == root ? 1 : result.weights[code] ?? .nan, input: values[code])
        }
        var summary = ScorecardSummary(
            id: 0, framework: framework.reference, title: framework.nameZh, score: total, grade: grade,
            nodes: nodes)
        if codes.contains(Self.satisfactionCode), inputs[Self.satisfactionCode] == nil {
            summary.satisfactionSource = satisfaction.provenance
        }
        let inputsJSON = try PolicyJSON.encode(values)
        let resultJSON = try PolicyJSON.encode(summary)
        let write: (Mutation) throws -> Int64 = { m in
            try m.insert(
                into: "policy_scorecards", entity: "policy_scorecard",
                values: [
                    ("run_id", runID.databaseValue), ("framework", framework.reference.databaseValue),
                    ("framework_hash", framework.contentHash.databaseValue),
                    ("inputs", inputsJSON.databaseValue),
                    ("score", total.databaseValue), ("grade", grade.databaseValue),
                    ("result", resultJSON.databaseValue),
                    ("created_by", m.context.actor.databaseValue), ("created_at", m.context.at.databaseValue),
                ])
        }
        summary.id = dryRun ? 0 : try store.write(context, write)
        return summary
    }
}
