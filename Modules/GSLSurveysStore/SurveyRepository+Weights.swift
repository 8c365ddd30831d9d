import Foundation
import GRDB
import GSLCore
import GSLStore
import GSLSurveys

extension SurveyRepository {
    /// Rakes (or post-stratifies, with one margin) the survey's respondents to `spec`'s margins and
    /// stores the weights as the survey's weighting in force.
    public func weight(_ name: String, spec: MarginsFile, context: MutationContext, dryRun: Bool)
        throws(GSLError)
        -> WeightingSummary
    {
        let loaded = try load(name)
        var margins: [Raking.Margin] = []
        for m in spec.margins {
            guard let q = loaded.codebook.question(named: m.question), q.type == .single || q.type == .rating
            else {
                throw GSLError.data(
                    "边际的题目“\(m.question)”不是本调查的单选或评分题",
                    en:
                        "the margin's question \"\(m.question)\" is not a single-choice or rating question of this survey",
                    at: m.at
                ).because(.surveysMarginInvalid)
            }
            var labels: [String] = []
            var targets: [Double] = []
            var indexOfCode: [Int: Int] = [:]
            for t in m.targets {
                guard let option = q.option(label: t.label) ?? Int(t.label).flatMap({ q.option(code: $0) })
                else {
                    throw GSLError.data(
                        "“\(t.label)”不是第 \(q.number) 题的选项（\(q.options.map(\.label).joined(separator: "、"))）",
                        en: "\"\(t.label)\" is not an option of question \(q.number)", at: t.at
                    ).because(.surveysMarginInvalid)
                }
                indexOfCode[option.code] = labels.count
                labels.append(option.label)
                targets.append(t.value)
            }
            var categories: [Int] = []
            categories.reserveCapacity(loaded.respondents.count)
            for r in loaded.respondents {
                guard case .choice(let c) = r.answers[q.number], let k = indexOfCode[c] else {
                    let answer: String
                    if case .choice(let c) = r.answers[q.number] {
                        answer = q.label(of: c)
                    } else {
                        answer = "（未答）"
                    }
                    throw GSLError.data(
                        "序号 \(r.number) 的第 \(q.number) 题答案“\(answer)”在边际中没有目标值",
                        en:
                            "respondent \(r.number): the answer \"\(answer)\" to question \(q.number) has no target in the margin",
                        at: m.at
                    ).because(.surveysMarginInvalid)
                }
                categories.append(k)
            }
            margins.append(
                Raking.Margin(name: q.id, labels: labels, categories: categories, targets: targets))
        }
        // Margins in shares (each adding up to 1) weight to the sample size.
        if margins.allSatisfy({ abs($0.targets.reduce(0, +) - 1) < 1e-9 }) {
            let n = Double(loaded.respondents.count)
            for i in margins.indices { margins[i].targets = margins[i].targets.map { $0 * n } }
        }
        let result = try Raking(margins: margins, trim: spec.trim).run()
        let method: WeightingMethod = margins.count == 1 ? .poststratification : .raking
        let encoder = JSONEncoder()
        let weightsJSON = String(decoding: (try? encoder.encode(result.weights)) ?? Data(), as: UTF8.self)
        let specJSON = String(decoding: (try? encoder.encode(margins.map(\.name))) ?? Data(), as: UTF8.self)
        let work: (Mutation) throws -> Void = { m in
            try m.insert(
                into: "survey_weightings", entity: "survey_weighting",
                values: [
                    ("survey_id", loaded.id.databaseValue), ("method", method.rawValue.databaseValue),
                    ("spec", specJSON.databaseValue), ("respondents", result.weights.count.databaseValue),
                    ("weights", weightsJSON.databaseValue), ("iterations", result.iterations.databaseValue),
                    ("trimmed", result.trimmed.databaseValue),
                    ("design_effect", result.designEffect.databaseValue),
                    ("effective_n", result.effectiveN.databaseValue),
                    ("created_at", context.at.databaseValue),
                ])
        }
        if dryRun { try store.dryRun(context, work) } else { try store.write(context, work) }
        return WeightingSummary(
            method: method, margins: margins.map(\.name), respondents: result.weights.count,
            iterations: result.iterations, trimmed: result.trimmed, designEffect: result.designEffect,
            effectiveN: result.effectiveN, minWeight: result.weights.min() ?? 0,
            maxWeight: result.weights.max() ?? 0,
            totalWeight: result.weights.reduce(0, +), createdAt: context.at)
    }
}
