import GSLCore
import GSLSurveys

/// A survey question's answers as one satisfaction figure (0–100), with how it was made.
public struct SatisfactionScore: Sendable, Equatable, Codable {
    /// The survey and the question (`Q16`, `Q13.10` for a matrix row).
    public var survey: String, question: String
    /// The question's text (and row).
    public var text: String
    /// How the answers were turned into the figure.
    public var measure: SatisfactionMeasure
    /// The figure, 0–100.
    public var value: Double
    /// The mean code, and the scale's lowest and highest codes.
    public var mean: Double, low: Int, high: Int
    /// Respondents who answered.
    public var answered: Int
    /// Whether the survey's weights were used.
    public var weighted: Bool

    /// One line saying where the figure comes from: `新生代2023 Q16（加权，2,981 人作答）均值 7.90（1–10）→ 76.7`.
    public var provenance: String {
        let how = weighted ? "加权，" : ""
        let figure =
            measure == .scaled
            ? "均值 \(Markup.fixed(mean, 2))（\(low)–\(high)）→ \(Markup.fixed(value, 1))"
            : "满意率（前两档）\(Markup.fixed(value, 1))%"
        return "\(survey) \(question)（\(how)\(answered) 人作答）\(figure)"
    }
}

extension SurveyService {
    /// The satisfaction figure of `question` (a single-choice or rating question, or a matrix row
    /// `Q13.10`) of survey `name`, weighted when the survey is: what `gsl policy scorecard
    /// --satisfaction-survey` puts in a scorecard's 服务对象满意度.
    public func satisfaction(_ name: String, question: String, measure: SatisfactionMeasure) throws(GSLError)
        -> SatisfactionScore
    {
        let loaded = try surveys.load(name, questions: [question])
        let (q, row) = try Self.question(loaded.codebook, question)
        let scale = q.type == .single || q.type == .rating || (q.type == .matrix && row != nil)
        let codes = q.options.map(\.code)
        guard scale, let low = codes.min(), let high = codes.max(), high > low,
            !q.options.contains(where: \.other)
        else {
            throw GSLError.usage(
                "“\(question)”不是量表题（单选、评分题或矩阵题的一行，选项从不满意到满意编号）",
                en: "\"\(question)\" is not a scale question (single choice, rating or one row of a matrix)"
            ).because(.surveysQuestionInvalid)
        }
        var answered: [Int] = []
        var weights: [Double] = []
        for (i, r) in loaded.respondents.enumerated() {
            let code: Int?
            switch r.answers[q.number] {
            case .choice(let c): code = c
            case .rows(let rs): code = row.flatMap { $0 < rs.count ? rs[$0] : nil }
            default: code = nil
            }
            guard let code else { continue }
            answered.append(code)
            weights.append(loaded.weights?[i] ?? 1)
        }
        guard !answered.isEmpty else {
            throw GSLError.data(
                "“\(question)”没有人作答，无法计算满意度", en: "nobody answered \"\(question)\": no satisfaction figure"
            ).because(.surveysQuestionInvalid)
        }
        let (value, mean) = measure.score(
            codes: answered, weights: loaded.weights == nil ? nil : weights, low: low, high: high)
        let text = row.map { "\(q.text)—\(q.rows[$0])" } ?? q.text
        return SatisfactionScore(
            survey: name, question: row.map { "\(q.id).\($0 + 1)" } ?? q.id, text: text, measure: measure,
            value: value, mean: mean, low: low, high: high, answered: answered.count,
            weighted: loaded.weights != nil)
    }
}
