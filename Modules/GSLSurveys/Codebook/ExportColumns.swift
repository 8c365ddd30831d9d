import GSLCore

/// The columns of an export: its metadata columns, and each question's columns in file order.
public struct ExportColumns: Sendable {
    /// Columns of one question.
    public struct Question: Sendable, Equatable {
        /// The question number.
        public var number: Int
        /// The headers read, with their header-column indices.
        public var columns: [(index: Int, header: HeaderColumn)]
        /// The column holding the "other" text, if any.
        public var otherText: Int?

        public static func == (a: Question, b: Question) -> Bool {
            a.number == b.number && a.otherText == b.otherText
                && a.columns.map(\.index) == b.columns.map(\.index)
        }
    }

    /// Metadata column index by name (序号, 提交答卷时间, …).
    public var metadata: [String: Int]
    /// Questions in the order their first column appears.
    public var questions: [Question]

    /// The metadata columns 问卷星 writes, and what they are read as.
    public static let knownMetadata = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "总分", "答卷编号"]

    /// Reads the header of `sheet`: metadata up to the first question column, then question columns only.
    public init(_ sheet: SurveySheet) throws(GSLError) {
        guard let start = sheet.header.firstIndex(where: { HeaderColumn.question($0) != nil }) else {
            throw GSLError.data(
                "找不到题目列：问卷星导出的题目列以“1、”或“第1题(…)”开头",
                en:
                    "no question column found: 问卷星 question columns start with \"1、\" or \"第1题(…)\"",
                at: SourceLocation(file: sheet.file, line: 1)
            ).because(.surveysUnrecognisedColumn)
        }
        var metadata: [String: Int] = [:]
        for i in 0..<start { metadata[sheet.header[i]] = i }
        guard metadata["序号"] != nil else {
            throw GSLError.data(
                "缺少“序号”列：问卷星导出的第一列是序号", en: "the 序号 (respondent number) column is missing",
                at: SourceLocation(file: sheet.file, line: 1)
            ).because(.surveysBadRespondentNumber)
        }
        var order: [Int] = []
        var byNumber: [Int: Question] = [:]
        for i in start..<sheet.header.count {
            guard let parsed = HeaderColumn.question(sheet.header[i]), let n = parsed.number else {
                throw GSLError.data(
                    "第 \(sheet.physicalColumns[i]) 列“\(sheet.header[i])”不是问卷星的题目列（应为“N、题目”“N.行”或“第N题(选项)”）",
                    en:
                        "column \(sheet.physicalColumns[i]) \"\(sheet.header[i])\" is not a 问卷星 question column (expected \"N、question\", \"N.row\" or \"第N题(option)\")",
                    at: sheet.location(line: 1, column: i)
                ).because(.surveysUnrecognisedColumn)
            }
            if byNumber[n] == nil {
                order.append(n)
                byNumber[n] = Question(number: n, columns: [], otherText: nil)
            }
            if case .otherText = parsed {
                byNumber[n]!.otherText = i
            } else if case .part(_, let label) = parsed, label.hasPrefix("其他"),
                byNumber[n]!.columns.contains(where: {
                    if case .part = $0.header { return false }
                    return true
                })
            {
                // 第N题(其他) after a single-choice column N、…: the text typed for "other".
                byNumber[n]!.otherText = i
            } else {
                byNumber[n]!.columns.append((i, parsed))
            }
        }
        self.metadata = metadata
        self.questions = order.map { byNumber[$0]! }
    }

    /// Whether the export is in the code layout: option columns `第N题(…)`, or every choice
    /// column holding numbers only.
    public func layout(of sheet: SurveySheet) -> SurveyLayout {
        for q in questions {
            if q.otherText != nil
                || q.columns.contains(where: { if case .part = $0.header { true } else { false } })
            {
                return .code
            }
        }
        // Only plain columns: numbers everywhere (besides fill-ins, which the caller cannot tell yet)
        // mean codes; any choice text means the text layout.
        var numeric = 0
        var textual = 0
        for q in questions {
            for (index, _) in q.columns {
                var allNumbers = true
                var any = false
                for row in sheet.rows {
                    let v = AnswerReader.clean(row.values[index])
                    if v.isEmpty { continue }
                    any = true
                    if Int(v) == nil { allNumbers = false }
                }
                if any { if allNumbers { numeric += 1 } else { textual += 1 } }
            }
        }
        return numeric > 0 && textual <= numeric / 2
            && questions.allSatisfy({ q in
                !q.columns.contains { column in
                    sheet.rows.contains { AnswerReader.clean($0.values[column.index]).contains("┋") }
                }
            }) ? .code : .text
    }
}
