import GSLCore

/// Infers a questionnaire's structure from an export's headers and values. What the headers do
/// not say is guessed conservatively and can be corrected in a codebook file: option order in the
/// text layout is known Likert order or order of first appearance; option labels in the code
/// layout are the numbers unless the column names them.
public enum CodebookInference {
    /// Ordered scales (Likert worst first, frequency least first), so that text answers get the
    /// codes the questionnaire gave them rather than the order in which they first appear.
    public static let knownScales: [[String]] = [
        ["很不满意", "不太满意", "一般", "比较满意", "很满意"],
        ["非常不满意", "不满意", "一般", "满意", "非常满意"],
        ["非常不同意", "不同意", "一般", "同意", "非常同意"],
        ["很不同意", "不太同意", "一般", "比较同意", "很同意"],
        ["非常不重要", "不重要", "一般", "重要", "非常重要"],
        ["完全不符合", "比较不符合", "一般", "比较符合", "完全符合"],
        ["很不了解", "不太了解", "一般", "比较了解", "很了解"],
        ["完全不了解", "不太了解", "基本了解", "比较了解", "非常了解"],
        ["非常不愿意", "不愿意", "一般", "愿意", "非常愿意"],
        // Frequency, least first.
        ["从不", "偶尔", "经常"],
        ["从不", "很少", "有时", "经常", "总是"],
        ["从未", "偶尔", "有时", "经常"],
    ]

    /// Words in a question's text that mark the respondent's identity.
    static let roleWords: [(PersonalRole, [String])] = [
        (.uscc, ["统一社会信用代码", "信用代码"]),
        (.idCard, ["身份证"]),
        (.phone, ["手机", "电话", "联系方式"]),
        (.enterprise, ["企业名称", "单位名称", "公司名称", "企业全称"]),
        (.name, ["姓名", "名字"]),
    ]

    /// Words that mark a question as free text.
    static let fillInWords = ["建议", "意见", "请填写", "请说明", "请简述", "其他想法", "补充"]

    /// The codebook of `sheet`.
    public static func infer(_ sheet: SurveySheet, title: String? = nil) throws(GSLError) -> Codebook {
        let columns = try ExportColumns(sheet)
        let layout = columns.layout(of: sheet)
        var questions: [SurveyQuestion] = []
        for q in columns.questions {
            questions.append(question(q, sheet: sheet, layout: layout))
        }
        return Codebook(title: title, layout: layout, questions: questions)
    }

    /// The non-empty, answered values of header column `index`.
    static func values(_ sheet: SurveySheet, _ index: Int) -> [String] {
        sheet.rows.compactMap {
            let v = AnswerReader.clean($0.values[index])
            return AnswerReader.isUnanswered(v) ? nil : v
        }
    }

    static func role(of text: String) -> PersonalRole? {
        roleWords.first { _, words in words.contains { text.contains($0) } }?.0
    }

    static func question(_ q: ExportColumns.Question, sheet: SurveySheet, layout: SurveyLayout)
        -> SurveyQuestion
    {
        let n = q.number
        let headers = q.columns.map(\.header)
        let everyoneAnswered = { (indices: [Int]) -> Bool in
            sheet.rows.allSatisfy { row in
                indices.contains { !AnswerReader.isUnanswered(AnswerReader.clean(row.values[$0])) }
            }
        }
        // Several columns: a matrix (rows) or, in the code layout, a multiple choice (0/1 columns).
        if headers.count > 1 || headers.contains(where: { if case .part = $0 { true } else { false } }) {
            var labels: [String] = []
            var stem: String?
            for header in headers {
                switch header {
                case .part(_, let label): labels.append(label)
                case .matrixRow(_, let s, let row):
                    labels.append(row)
                    if stem == nil { stem = s }
                case .question(_, let text): labels.append(text)
                default: break
                }
            }
            let all = q.columns.flatMap { values(sheet, $0.index) }
            let binary =
                layout == .code && !all.isEmpty && all.allSatisfy { $0 == "0" || $0 == "1" }
                && headers.allSatisfy { if case .part = $0 { true } else { false } }
            let indices = q.columns.map(\.index)
            if binary {
                let options = labels.enumerated().map {
                    SurveyOption(code: $0.offset + 1, label: $0.element, other: $0.element.hasPrefix("其他"))
                }
                return SurveyQuestion(
                    number: n, text: stem ?? "第\(n)题", type: .multiple, options: options,
                    required: everyoneAnswered(indices))
            }
            return SurveyQuestion(
                number: n, text: stem ?? "第\(n)题", type: .matrix, options: scale(all, layout: layout),
                rows: labels, required: everyoneAnswered(indices))
        }
        let index = q.columns[0].index
        var text = ""
        switch headers[0] {
        case .question(_, let t): text = t
        case .matrixRow(_, let stem, let row): text = stem.map { $0 + "—" + row } ?? row
        default: break
        }
        let vals = values(sheet, index)
        if let role = role(of: text) {
            return SurveyQuestion(number: n, text: text, type: .fillIn, required: false, role: role)
        }
        if fillInWords.contains(where: { text.contains($0) }) || vals.contains(where: { $0.count > 40 }) {
            return SurveyQuestion(number: n, text: text, type: .fillIn)
        }
        let required = everyoneAnswered([index])
        switch layout {
        case .code:
            guard vals.allSatisfy({ Int($0) != nil }) else {
                return SurveyQuestion(number: n, text: text, type: .fillIn)
            }
            let codes = Set(vals.compactMap { Int($0) })
            let top = max(codes.max() ?? 1, 1)
            let options = (1...top).map { SurveyOption(code: $0, label: String($0)) }
            let isRating = text.contains("打分") || text.contains("评分")
            var question = SurveyQuestion(
                number: n, text: text, type: isRating ? .rating : .single, options: options,
                required: required)
            if q.otherText != nil, !question.options.isEmpty {
                question.options[question.options.count - 1].other = true
            }
            return question
        case .text:
            if vals.contains(where: { $0.contains("┋") }) {
                var labels: [String] = []
                var others = Set<String>()
                for v in vals {
                    for part in v.split(separator: "┋").map(String.init) {
                        let (label, other) = AnswerReader.splitOther(part)
                        if other != nil { others.insert(label) }
                        if !labels.contains(label) { labels.append(label) }
                    }
                }
                let options = labels.enumerated().map {
                    SurveyOption(code: $0.offset + 1, label: $0.element, other: others.contains($0.element))
                }
                return SurveyQuestion(
                    number: n, text: text, type: .multiple, options: options, required: required)
            }
            if !vals.isEmpty, vals.allSatisfy({ Int($0) != nil }), text.contains("分") {
                let codes = vals.compactMap { Int($0) }
                let options = (min(codes.min()!, 1)...codes.max()!).map {
                    SurveyOption(code: $0, label: String($0))
                }
                return SurveyQuestion(
                    number: n, text: text, type: .rating, options: options, required: required)
            }
            return SurveyQuestion(
                number: n, text: text, type: .single, options: scale(vals, layout: .text), required: required)
        }
    }

    /// The options of a scale from its values: a known Likert scale, else codes or labels in order.
    static func scale(_ values: [String], layout: SurveyLayout) -> [SurveyOption] {
        if layout == .code {
            let codes = values.compactMap { Int($0) }
            let top = max(codes.max() ?? 1, 1)
            return (1...top).map { SurveyOption(code: $0, label: String($0)) }
        }
        var labels: [String] = []
        var others = Set<String>()
        for v in values {
            let (label, other) = AnswerReader.splitOther(v)
            if other != nil { others.insert(label) }
            if !labels.contains(label) { labels.append(label) }
        }
        if let known = knownScales.first(where: { scale in labels.allSatisfy { scale.contains($0) } }),
            !labels.isEmpty
        {
            return known.enumerated().map { SurveyOption(code: $0.offset + 1, label: $0.element) }
        }
        return labels.enumerated().map {
            SurveyOption(code: $0.offset + 1, label: $0.element, other: others.contains($0.element))
        }
    }
}
