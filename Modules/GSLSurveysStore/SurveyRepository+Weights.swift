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
        let loaded = try load(name, questions: spec.margins.flatMap(\.questions))
        var margins: [Raking.Margin] = []
        for m in spec.margins {
            var questions: [SurveyQuestion] = []
            for reference in m.questions {
                guard let q = loaded.codebook.question(named: reference),
                    q.type == .single || q.type == .rating
                else {
                    throw GSLError.data(
                        "边际的题目“\(reference)”不是本调查的单选或评分题",
                        en:
                            "the margin's question \"\(reference)\" is not a single-choice or rating question of this survey",
                        at: m.at
                    ).because(.surveysMarginInvalid)
                }
                questions.append(q)
            }
            let name =
                questions.map(\.id).joined(separator: String(MarginsFile.Margin.jointSeparator))
                + (m.source.map { "（\($0)）" } ?? "")
            var labels: [String] = []
            var targets: [Double] = []
            // The cell of a combination of option codes, one per question.
            var indexOfCodes: [[Int]: Int] = [:]
            for t in m.targets {
                let parts = t.label.split(
                    separator: MarginsFile.Margin.jointSeparator, omittingEmptySubsequences: false
                )
                .map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == questions.count else {
                    throw GSLError.data(
                        "“\(t.label)”应为 \(questions.count) 个选项以“×”相连（\(name)）",
                        en: "\"\(t.label)\" should be \(questions.count) options joined by × (\(name))",
                        at: t.at
                    ).because(.surveysMarginInvalid)
                }
                var codes: [Int] = []
                var optionLabels: [String] = []
                for (q, part) in zip(questions, parts) {
                    guard let option = q.option(label: part) ?? Int(part).flatMap({ q.option(code: $0) })
                    else {
                        throw GSLError.data(
                            "“\(part)”不是第 \(q.number) 题的选项（\(q.options.map(\.label).joined(separator: "、"))）",
                            en: "\"\(part)\" is not an option of question \(q.number)", at: t.at
                        ).because(.surveysMarginInvalid)
                    }
                    codes.append(option.code)
                    optionLabels.append(option.label)
                }
                guard indexOfCodes[codes] == nil else {
                    throw GSLError.data(
                        "“\(t.label)”在边际 \(name) 中出现两次", en: "\"\(t.label)\" appears twice in margin \(name)",
                        at: t.at
                    ).because(.surveysMarginInvalid)
                }
                indexOfCodes[codes] = labels.count
                labels.append(optionLabels.joined(separator: String(MarginsFile.Margin.jointSeparator)))
                targets.append(t.value)
            }
            var categories: [Int] = []
            categories.reserveCapacity(loaded.respondents.count)
            for r in loaded.respondents {
                var codes: [Int] = []
                for q in questions {
                    if case .choice(let c) = r.answers[q.number] { codes.append(c) }
                }
                guard codes.count == questions.count, let k = indexOfCodes[codes] else {
                    let answer = questions.map { q in
                        if case .choice(let c) = r.answers[q.number] { return q.label(of: c) }
                        return "（未答）"
                    }.joined(separator: String(MarginsFile.Margin.jointSeparator))
                    throw GSLError.data(
                        "序号 \(r.number) 的 \(name) 答案“\(answer)”在边际中没有目标值",
                        en:
                            "respondent \(r.number): the answer \"\(answer)\" to \(name) has no target in the margin",
                        at: m.at
                    ).because(.surveysMarginInvalid)
                }
                categories.append(k)
            }
            margins.append(
                Raking.Margin(name: name, labels: labels, categories: categories, targets: targets))
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

/// Which enterprises of the store a weighting takes as its population.
public enum PopulationScope: String, Sendable, CaseIterable {
    /// Enterprises with a membership of a chamber or the federation in force on the day.
    case members
    /// Every enterprise in the store.
    case enterprises

    /// 会员企业 or 全部企业.
    public var message: Message {
        switch self {
        case .members: Message("会员企业", en: "member enterprises")
        case .enterprises: Message("库中企业", en: "enterprises in the store")
        }
    }
}

extension SurveyRepository {
    /// The store's enterprises in `scope` counted by `dimensions` (county by the registered
    /// division's first six digits, size class, industry section); enterprises missing one of
    /// them are counted apart.
    public func population(_ dimensions: [PopulationDimension], scope: PopulationScope, on day: String)
        throws(GSLError) -> PopulationTable
    {
        let columns = dimensions.map { d in
            switch d {
            case .county: "CASE WHEN length(o.region_code) >= 6 THEN substr(o.region_code, 1, 6) END"
            case .size: "o.size"
            case .industry: "o.industry_section"
            }
        }
        let member =
            scope == .members
            ? """
             AND EXISTS (SELECT 1 FROM memberships m WHERE m.member_org_id = o.id
                 AND (m.start_date IS NULL OR m.start_date <= :day) AND (m.end_date IS NULL OR m.end_date >= :day))
            """ : ""
        let sql = """
            SELECT \(columns.enumerated().map { "\($1) AS d\($0)" }.joined(separator: ", ")), COUNT(*) AS n
            FROM organisations o WHERE o.kind = 'enterprise'\(member)
            GROUP BY \(columns.indices.map { "d\($0)" }.joined(separator: ", "))
            """
        return try store.read { db in
            var countyNames: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, name FROM regions WHERE level = 'county'") {
                countyNames[row["code"]] = row["name"]
            }
            var cells: [PopulationTable.Cell] = []
            var unknown = 0
            for row in try Row.fetchAll(db, sql: sql, arguments: ["day": day]) {
                let n: Int = row["n"]
                var names: [String] = []
                for (i, d) in dimensions.enumerated() {
                    guard let raw: String = row["d\(i)"] else { break }
                    switch d {
                    case .county: names.append(countyNames[raw] ?? raw)
                    case .size: names.append(EnterpriseSize(rawValue: raw)?.chinese ?? raw)
                    case .industry: names.append(raw)
                    }
                }
                if names.count == dimensions.count {
                    cells.append(PopulationTable.Cell(names: names, count: n))
                } else {
                    unknown += n
                }
            }
            return PopulationTable(
                description: scope.message, dimensions: dimensions, cells: cells, unknown: unknown)
        }
    }
}
