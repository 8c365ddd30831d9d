import GSLCore

/// One option's line of a frequency table.
public struct FrequencyRow: Sendable, Equatable, Codable {
    /// The option code (for a fill-in, 0).
    public var code: Int
    /// Its label (masked for personal fill-ins unless unmasked).
    public var label: String
    /// Respondents choosing it.
    public var count: Int
    /// Their weighted total, when weighted.
    public var weighted: Double?
    /// Share of the respondents who answered the question (Wilson interval unweighted,
    /// linearisation interval weighted).
    public var share: Estimate
}

/// A question's frequencies.
public struct FrequencyTable: Sendable, Equatable, Codable {
    /// The question id (`Q4`).
    public var question: String
    /// Its text.
    public var text: String
    /// Its type.
    public var type: QuestionType
    /// For a matrix: the row this table is for.
    public var row: String?
    /// Respondents who answered.
    public var answered: Int
    /// Respondents who did not (skipped, not shown, empty).
    public var unanswered: Int
    /// Whether the shares are weighted.
    public var weightedShares: Bool
    /// One line per option (per distinct text for a fill-in).
    public var rows: [FrequencyRow]
}

/// Frequencies, means and crosstabs of a questionnaire's answers.
public enum Tabulation {
    /// The frequency tables of `question` (one per row for a matrix). Multiple choice gives the
    /// share of respondents choosing each option (shares add up to more than 100%).
    public static func frequencies(
        _ q: SurveyQuestion, respondents: [Respondent], weights: [Double]?, unmask: Bool = false
    ) -> [FrequencyTable] {
        switch q.type {
        case .matrix:
            return q.rows.indices.map { r in
                let values: [Int?] = respondents.map {
                    if case .rows(let rows) = $0.answers[q.number], r < rows.count { return rows[r] }
                    return nil
                }
                var table = choiceTable(q, values: values.map { $0.map { [$0] } }, weights: weights)
                table.row = q.rows[r]
                return table
            }
        case .single, .rating:
            let values: [[Int]?] = respondents.map {
                if case .choice(let c) = $0.answers[q.number] { return [c] }
                return nil
            }
            return [choiceTable(q, values: values, weights: weights)]
        case .multiple:
            let values: [[Int]?] = respondents.map {
                if case .choices(let c) = $0.answers[q.number] { return c }
                return nil
            }
            return [choiceTable(q, values: values, weights: weights)]
        case .fillIn:
            var order: [String] = []
            var byText: [String: [Int]] = [:]
            for (i, r) in respondents.enumerated() {
                guard case .text(let t) = r.answers[q.number] else { continue }
                if byText[t] == nil { order.append(t) }
                byText[t, default: []].append(i)
            }
            let answered = byText.values.reduce(0) { $0 + $1.count }
            let totalWeight = weights.map { w in byText.values.joined().reduce(0.0) { $0 + w[$1] } }
            var rows: [FrequencyRow] = []
            for t in order {
                let members = byText[t]!
                let label = unmask || !(q.role?.masked ?? false) ? t : PersonalMask.mask(t, role: q.role!)
                let weighted = weights.map { w in members.reduce(0.0) { $0 + w[$1] } }
                let share =
                    weights == nil
                    ? Estimators.wilson(successes: members.count, n: answered)
                    : Estimate(
                        value: weighted! / totalWeight!, standardError: .nan, lower: .nan, upper: .nan,
                        n: answered)
                rows.append(
                    FrequencyRow(
                        code: 0, label: label, count: members.count, weighted: weighted, share: share))
            }
            rows.sort { $0.count > $1.count }
            return [
                FrequencyTable(
                    question: q.id, text: q.text, type: q.type, row: nil, answered: answered,
                    unanswered: respondents.count - answered, weightedShares: weights != nil, rows: rows)
            ]
        }
    }

    /// A table over option codes; `values[i]` is respondent i's chosen codes or nil when unanswered.
    static func choiceTable(_ q: SurveyQuestion, values: [[Int]?], weights: [Double]?) -> FrequencyTable {
        var codes = q.options.map(\.code)
        for v in values { for c in v ?? [] where !codes.contains(c) { codes.append(c) } }
        let answeredIndices = values.indices.filter { values[$0] != nil }
        let subWeights = weights.map { w in answeredIndices.map { w[$0] } }
        var rows: [FrequencyRow] = []
        for code in codes {
            let chosen = answeredIndices.map { values[$0]!.contains(code) }
            let count = chosen.filter { $0 }.count
            var weighted: Double?
            let share: Estimate
            if let subWeights {
                weighted = zip(chosen, subWeights).reduce(0.0) { $0 + ($1.0 ? $1.1 : 0) }
                share = Estimators.weightedMean(chosen.map { $0 ? 1 : 0 }, weights: subWeights)
            } else {
                share = Estimators.wilson(successes: count, n: answeredIndices.count)
            }
            rows.append(
                FrequencyRow(
                    code: code, label: q.label(of: code), count: count, weighted: weighted, share: share))
        }
        return FrequencyTable(
            question: q.id, text: q.text, type: q.type, row: nil, answered: answeredIndices.count,
            unanswered: values.count - answeredIndices.count, weightedShares: weights != nil, rows: rows)
    }
}

/// Masking of personal answers (names, phones, ID cards) for output.
public enum PersonalMask {
    /// `陈一鸣` → `陈**`, phones and ID cards as GSLCore masks them.
    public static func mask(_ text: String, role: PersonalRole) -> String {
        switch role {
        case .phone: return Masking.phone(text)
        case .idCard: return Masking.idCard(text)
        case .name:
            guard let first = text.first else { return text }
            return String(first) + String(repeating: "*", count: max(1, text.count - 1))
        case .enterprise, .uscc: return text
        }
    }
}
