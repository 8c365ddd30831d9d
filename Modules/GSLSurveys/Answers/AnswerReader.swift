import Foundation
import GSLCore

/// Reads the answers of an export against a codebook: every question column must fit the codebook,
/// every answer must be one of its options, a required question must be answered, and 序号 must be
/// unique. The first problem is refused at its file, line and column.
public enum AnswerReader {
    /// What was read: the layout found and the respondents in file order.
    public struct Result: Sendable {
        /// The layout of the file.
        public var layout: SurveyLayout
        /// The respondents.
        public var respondents: [Respondent]
    }

    /// `text` trimmed of spaces (including the ideographic space and a stray BOM); most cells have
    /// none, and are returned as they are without building anything.
    static func clean(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            // ASCII and CJK answers without a Unicode property lookup (it showed in the import profile).
            if s.value < 0x80 { return s.value == 0x20 || (0x09...0x0D).contains(s.value) }
            if (0x3400..<0xFE00).contains(s.value) { return false }
            return s.properties.isWhitespace || s.value == 0xFEFF
        }
        guard isSpace(first) || isSpace(last) else { return text }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start && isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// Whether a cell holds no answer: empty, 问卷星's skipped/not shown marks.
    static func isUnanswered(_ value: String) -> Bool {
        value.isEmpty || value == "(跳过)" || value == "(空)" || value == "（跳过）" || value == "（空）"
            || value == "-2" || value == "-3"
    }

    /// `其他〖海外市场准入〗` → (`其他`, `海外市场准入`); other text → (text, nil).
    static func splitOther(_ value: String) -> (String, String?) {
        guard let open = value.firstIndex(of: "〖"), value.last == "〗" else { return (value, nil) }
        let inner = value[value.index(after: open)..<value.index(before: value.endIndex)]
        return (String(value[..<open]), String(inner))
    }

    /// Reads `sheet` against `codebook`.
    public static func read(_ sheet: SurveySheet, codebook: Codebook) throws(GSLError) -> Result {
        let columns = try ExportColumns(sheet)
        let layout = columns.layout(of: sheet)
        let plan = try Plan(columns: columns, codebook: codebook, sheet: sheet, layout: layout)
        var respondents: [Respondent] = []
        respondents.reserveCapacity(sheet.rows.count)
        var seen: [Int: Int] = [:]
        let numberColumn = columns.metadata["序号"]!
        for row in sheet.rows {
            let rawNumber = clean(row.values[numberColumn])
            guard let number = Int(rawNumber), number > 0 else {
                throw GSLError.data(
                    "序号应为正整数：“\(rawNumber)”", en: "序号 must be a positive whole number: \"\(rawNumber)\"",
                    at: sheet.location(line: row.line, column: numberColumn)
                ).because(.surveysBadRespondentNumber)
            }
            if let earlier = seen[number] {
                throw GSLError.data(
                    "序号 \(number) 重复（第 \(earlier) 行已有）",
                    en: "序号 \(number) appears twice (line \(earlier) has it too)",
                    at: sheet.location(line: row.line, column: numberColumn)
                ).because(.importDuplicateRow)
            }
            seen[number] = row.line
            var respondent = Respondent(number: number, line: row.line)
            func meta(_ name: String) -> String? {
                columns.metadata[name].map { clean(row.values[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            respondent.submittedAt = meta("提交答卷时间").map(isoTime)
            respondent.durationSeconds = meta("所用时间").flatMap(seconds)
            respondent.source = meta("来源")
            respondent.sourceDetail = meta("来源详情")
            respondent.ip = meta("来自IP")
            for q in plan.questions {
                try q.read(row, sheet: sheet, layout: layout, into: &respondent)
            }
            respondents.append(respondent)
        }
        return Result(layout: layout, respondents: respondents)
    }

    /// `2023/5/6 10:11:12` → `2023-05-06T10:11:12`; text it cannot read is kept as it is.
    static func isoTime(_ text: String) -> String {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard let datePart = parts.first else { return text }
        let ymd = datePart.split(whereSeparator: { $0 == "/" || $0 == "-" }).compactMap { Int($0) }
        guard ymd.count == 3 else { return text }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = "\(ymd[0])-\(pad(ymd[1]))-\(pad(ymd[2]))"
        if parts.count > 1 {
            let hms = parts[1].split(separator: ":").compactMap { Int($0) }
            if hms.count >= 2 { out += "T\(pad(hms[0])):\(pad(hms[1])):\(pad(hms.count > 2 ? hms[2] : 0))" }
        }
        return out
    }

    /// `185秒` → 185, `3分5秒` → 185, `185` → 185.
    static func seconds(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        var total = 0
        var number = 0
        var any = false
        for ch in text {
            if let d = ch.wholeNumberValue, ch.isASCII {
                number = number * 10 + d
                any = true
            } else if ch == "时" || ch == "小" {
                if ch == "时" { total += number * 3600 }
                if ch == "时" { number = 0 }
            } else if ch == "分" {
                total += number * 60
                number = 0
            } else if ch == "秒" {
                total += number
                number = 0
            } else {
                return nil
            }
        }
        return any ? total + number : nil
    }
}
