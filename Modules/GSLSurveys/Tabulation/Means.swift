import GSLCore

/// The mean of a scale question, per row for a matrix, with Cronbach's α over a matrix's rows.
public struct MeanTable: Sendable, Equatable, Codable {
    /// One row's mean.
    public struct Line: Sendable, Equatable, Codable {
        /// The row (the question text for a single scale).
        public var label: String
        /// Mean code with its interval (weighted: linearisation).
        public var mean: Estimate
        /// Respondents per scale point, in scale order.
        public var distribution: [Int]
    }

    /// The question id.
    public var question: String
    /// Its text.
    public var text: String
    /// The scale labels, in code order.
    public var scale: [String]
    /// One line per row.
    public var lines: [Line]
    /// Cronbach's α over the rows (respondents answering every row), for a matrix of 2+ rows.
    public var cronbachAlpha: Double?
    /// Respondents in α.
    public var alphaN: Int
    /// Whether weighted.
    public var weighted: Bool
}

extension Tabulation {
    /// Means of a single-choice, rating or matrix question taken as a scale of its codes.
    public static func means(_ q: SurveyQuestion, respondents: [Respondent], weights: [Double]?)
        throws(GSLError)
        -> MeanTable
    {
        guard q.type == .matrix || q.type == .single || q.type == .rating else {
            throw GSLError.usage(
                "第 \(q.number) 题是\(q.type.zh)题，不能求均值（应为矩阵量表、评分或单选题）",
                en:
                    "question \(q.number) is \(q.type.rawValue); a mean needs a matrix, rating or single-choice question"
            ).because(.surveysQuestionInvalid)
        }
        let rowLabels = q.type == .matrix ? q.rows : [q.text]
        let codes = q.options.map(\.code)
        func value(_ r: Respondent, _ row: Int) -> Int? {
            switch r.answers[q.number] {
            case .rows(let v): return row < v.count ? v[row] : nil
            case .choice(let c): return row == 0 ? c : nil
            default: return nil
            }
        }
        var lines: [MeanTable.Line] = []
        for (k, label) in rowLabels.enumerated() {
            var y: [Double] = []
            var w: [Double] = []
            var distribution = Array(repeating: 0, count: codes.count)
            for (i, r) in respondents.enumerated() {
                guard let v = value(r, k) else { continue }
                y.append(Double(v))
                if let weights { w.append(weights[i]) }
                if let at = codes.firstIndex(of: v) { distribution[at] += 1 }
            }
            let mean = weights == nil ? Estimators.mean(y) : Estimators.weightedMean(y, weights: w)
            lines.append(MeanTable.Line(label: label, mean: mean, distribution: distribution))
        }
        var alpha: Double?
        var alphaN = 0
        if q.type == .matrix && q.rows.count > 1 {
            let complete: [[Double]] = respondents.compactMap { r in
                let vs = q.rows.indices.map { value(r, $0) }
                return vs.contains(where: { $0 == nil }) ? nil : vs.map { Double($0!) }
            }
            alphaN = complete.count
            alpha = Estimators.cronbachAlpha(complete)
        }
        return MeanTable(
            question: q.id, text: q.text, scale: q.options.map(\.label), lines: lines, cronbachAlpha: alpha,
            alphaN: alphaN, weighted: weights != nil)
    }
}
