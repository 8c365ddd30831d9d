import GSLCore

/// A crosstab of two questions with their labels.
public struct CrosstabTable: Sendable, Equatable, Codable {
    /// Row question id and text.
    public var rowQuestion: String
    /// Column question id and text.
    public var columnQuestion: String
    /// Row labels (categories with respondents).
    public var rowLabels: [String]
    /// Column labels.
    public var columnLabels: [String]
    /// The table and its tests.
    public var table: Crosstab
    /// Whether weighted.
    public var weighted: Bool
}

extension Tabulation {
    /// The categories of a single-choice or rating question, or one matrix row (`Q6.2`).
    static func categories(_ q: SurveyQuestion, row: Int?, respondents: [Respondent]) -> [Int?] {
        let codes = q.options.map(\.code)
        return respondents.map { r in
            switch r.answers[q.number] {
            case .choice(let c): return codes.firstIndex(of: c)
            case .rows(let v):
                return row.flatMap { $0 < v.count ? v[$0] : nil }.flatMap { codes.firstIndex(of: $0) }
            default: return nil
            }
        }
    }

    /// The crosstab of `rowQ` by `columnQ` (single-choice, rating, or a matrix row), weighted when
    /// weights are given.
    public static func crosstab(
        _ rowQ: SurveyQuestion, rowOfMatrix: Int? = nil, by columnQ: SurveyQuestion,
        columnOfMatrix: Int? = nil,
        respondents: [Respondent], weights: [Double]?
    ) throws(GSLError) -> CrosstabTable {
        for (q, row) in [(rowQ, rowOfMatrix), (columnQ, columnOfMatrix)] {
            let ok = q.type == .single || q.type == .rating || (q.type == .matrix && row != nil)
            guard ok else {
                throw GSLError.usage(
                    "第 \(q.number) 题是\(q.type.zh)题，交叉表需要单选、评分题或矩阵题的一行（如 Q\(q.number).1）",
                    en:
                        "question \(q.number) is \(q.type.rawValue); a crosstab needs a single-choice or rating question or one matrix row (e.g. Q\(q.number).1)"
                ).because(.surveysQuestionInvalid)
            }
        }
        let rows = categories(rowQ, row: rowOfMatrix, respondents: respondents)
        let columns = categories(columnQ, row: columnOfMatrix, respondents: respondents)
        guard
            let table = Crosstab.compute(
                rows: rows, columns: columns, rowCount: rowQ.options.count,
                columnCount: columnQ.options.count,
                weights: weights)
        else {
            throw GSLError.data(
                "交叉表至少需要两行两列有受访者", en: "a crosstab needs at least two rows and two columns with respondents"
            ).because(.surveysQuestionInvalid)
        }
        func name(_ q: SurveyQuestion, _ row: Int?) -> String {
            row.map { "\(q.id).\($0 + 1) \(q.text)—\(q.rows[$0])" } ?? "\(q.id) \(q.text)"
        }
        return CrosstabTable(
            rowQuestion: name(rowQ, rowOfMatrix), columnQuestion: name(columnQ, columnOfMatrix),
            rowLabels: table.rowCategories.map { rowQ.options[$0].label },
            columnLabels: table.columnCategories.map { columnQ.options[$0].label }, table: table,
            weighted: weights != nil)
    }
}
