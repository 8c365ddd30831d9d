import GSLCore

extension AnswerReader {
    /// Which columns hold each question of the codebook in this file.
    struct Plan {
        struct QuestionPlan {
            let question: SurveyQuestion
            /// Columns in codebook order (options of a code-layout multiple choice, matrix rows, or one).
            let columns: [Int]
            let otherText: Int?
            /// Whether the columns are option 0/1 columns (code-layout multiple choice).
            let optionColumns: Bool
        }

        var questions: [QuestionPlan]

        init(columns: ExportColumns, codebook: Codebook, sheet: SurveySheet, layout: SurveyLayout)
            throws(GSLError)
        {
            var plans: [QuestionPlan] = []
            for found in columns.questions {
                guard let question = codebook.question(found.number) else {
                    let index = found.columns.first?.index ?? found.otherText!
                    throw GSLError.data(
                        "第 \(sheet.physicalColumns[index]) 列“\(sheet.header[index])”：码本中没有第 \(found.number) 题",
                        en:
                            "column \(sheet.physicalColumns[index]) \"\(sheet.header[index])\": the codebook has no question \(found.number)",
                        at: sheet.location(line: 1, column: index)
                    ).because(.surveysColumnMismatch)
                }
                let indices = found.columns.map(\.index)
                var expected = 1
                var optionColumns = false
                switch question.type {
                case .matrix: expected = question.rows.count
                case .multiple where layout == .code:
                    expected = question.options.count
                    optionColumns = true
                default: expected = 1
                }
                if indices.count != expected {
                    let index = indices.first ?? found.otherText!
                    throw GSLError.data(
                        "第 \(found.number) 题在文件中有 \(indices.count) 列，码本要 \(expected) 列（\(question.type.zh)题）",
                        en:
                            "question \(found.number) has \(indices.count) columns in the file; the codebook expects \(expected) (\(question.type.rawValue))",
                        at: sheet.location(line: 1, column: index)
                    ).because(.surveysColumnMismatch)
                }
                // Labels in the headers must be the codebook's (a matrix row or an option renamed or moved).
                let expectedLabels =
                    question.type == .matrix
                    ? question.rows : optionColumns ? question.options.map(\.label) : []
                for (k, column) in found.columns.enumerated() where !expectedLabels.isEmpty {
                    var label: String?
                    switch column.header {
                    case .part(_, let l): label = l
                    case .matrixRow(_, _, let row): label = row
                    default: label = nil
                    }
                    if let label, label != expectedLabels[k] {
                        throw GSLError.data(
                            "第 \(sheet.physicalColumns[column.index]) 列是“\(label)”，码本中第 \(found.number) 题此处是“\(expectedLabels[k])”",
                            en:
                                "column \(sheet.physicalColumns[column.index]) is \"\(label)\"; the codebook has \"\(expectedLabels[k])\" there in question \(found.number)",
                            at: sheet.location(line: 1, column: column.index)
                        ).because(.surveysColumnMismatch)
                    }
                }
                plans.append(
                    QuestionPlan(
                        question: question, columns: indices, otherText: found.otherText,
                        optionColumns: optionColumns))
            }
            let present = Set(columns.questions.map(\.number))
            if let missing = codebook.questions.first(where: { !present.contains($0.number) }) {
                throw GSLError.data(
                    "码本中的第 \(missing.number) 题（\(missing.text)）在文件中没有对应的列",
                    en:
                        "question \(missing.number) of the codebook (\(missing.text)) has no column in the file",
                    at: SourceLocation(file: sheet.file, line: 1)
                ).because(.surveysColumnMismatch)
            }
            questions = plans
        }
    }
}

extension AnswerReader.Plan.QuestionPlan {
    /// Reads this question's cells of `row` into `respondent`.
    func read(
        _ row: SurveySheet.Row, sheet: SurveySheet, layout: SurveyLayout, into respondent: inout Respondent
    ) throws(GSLError) {
        let q = question
        func cell(_ index: Int) -> String { AnswerReader.clean(row.values[index]) }
        func unknown(_ value: String, _ index: Int) -> GSLError {
            let known = q.options.prefix(12).map(\.label).joined(separator: "、")
            return GSLError.data(
                "第 \(q.number) 题的答案“\(value)”不是码本中的选项（\(known)）",
                en:
                    "the answer \"\(value)\" to question \(q.number) is not an option of the codebook (\(known))",
                at: sheet.location(line: row.line, column: index)
            ).because(.surveysUnknownOption)
        }
        func code(_ value: String, _ index: Int) throws(GSLError) -> Int {
            if layout == .code || q.type == .rating, let n = Int(value) {
                guard q.options.isEmpty || q.option(code: n) != nil else { throw unknown(value, index) }
                return n
            }
            let (label, other) = AnswerReader.splitOther(value)
            guard
                let option = q.option(label: label) ?? (other != nil ? q.options.first(where: \.other) : nil)
            else {
                throw unknown(value, index)
            }
            if let other { respondent.otherText[q.number] = other }
            return option.code
        }
        var answer: Answer?
        switch q.type {
        case .fillIn:
            let v = cell(columns[0])
            if !AnswerReader.isUnanswered(v) { answer = .text(v) }
        case .single, .rating:
            let v = cell(columns[0])
            if !AnswerReader.isUnanswered(v) { answer = .choice(try code(v, columns[0])) }
        case .multiple:
            if optionColumns {
                var chosen: [Int] = []
                var anyAnswered = false
                for (k, index) in columns.enumerated() {
                    let v = cell(index)
                    if AnswerReader.isUnanswered(v) { continue }
                    anyAnswered = true
                    guard v == "0" || v == "1" else { throw unknown(v, index) }
                    if v == "1" { chosen.append(q.options[k].code) }
                }
                if anyAnswered { answer = .choices(chosen) }
            } else {
                let v = cell(columns[0])
                if !AnswerReader.isUnanswered(v) {
                    var chosen: [Int] = []
                    for part in v.split(separator: "┋") {
                        chosen.append(try code(AnswerReader.clean(String(part)), columns[0]))
                    }
                    answer = .choices(Array(Set(chosen)).sorted())
                }
            }
        case .matrix:
            var values: [Int?] = []
            for index in columns {
                let v = cell(index)
                values.append(AnswerReader.isUnanswered(v) ? nil : try code(v, index))
            }
            if values.contains(where: { $0 != nil }) { answer = .rows(values) }
        }
        if let otherText {
            let v = cell(otherText)
            if !AnswerReader.isUnanswered(v) { respondent.otherText[q.number] = v }
        }
        if let answer {
            respondent.answers[q.number] = answer
        } else if q.required {
            let index = columns[0]
            let v = cell(index)
            // A cell the form's logic skipped (跳过, -2, -3) is not a missing answer; an empty one is.
            if v.isEmpty {
                throw GSLError.data(
                    "第 \(q.number) 题是必答题，这一格却是空的",
                    en: "question \(q.number) is required but the cell is empty",
                    at: sheet.location(line: row.line, column: index)
                ).because(.surveysMissingAnswer)
            }
        }
    }
}
