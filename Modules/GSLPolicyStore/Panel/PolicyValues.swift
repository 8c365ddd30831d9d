import Foundation
import GSLCore
import GSLPolicy

/// Reads what users type in panel and treatment files: years, amounts, counts.
enum PolicyValues {
    /// A year: `2021`, `2021年`, `２０２１`, or a date (`2021-03-01`, `2021年3月1日`) whose year is taken.
    static func year(_ text: String) throws(GSLError) -> Int {
        let t = TextNormaliser.halfWidth(text).trimmingCharacters(in: .whitespaces)
        let bare = t.hasSuffix("年") ? String(t.dropLast()) : t
        if let y = Int(bare), (1949...2100).contains(y) { return y }
        if let day = try? LocalDate.parse(t), (1949...2100).contains(day.year) { return day.year }
        throw GSLError.data("「\(text)」不是年份（1949–2100）", en: "'\(text)' is not a year (1949–2100)")
            .because(.invalidDate)
    }

    /// A value of `variable`: amounts in 万元 (a plain number is 万元; `1.2亿`, `300万`, `5000元` are
    /// converted), counts as numbers; negative values are refused.
    static func value(_ text: String, _ variable: PanelVariable) throws(GSLError) -> Double {
        let t = TextNormaliser.halfWidth(text).trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: ",", with: "")
        if variable.isMoney, t.contains(where: { "亿万元".contains($0) }) {
            let money = try Money.parse(t)
            guard money.fen >= 0 else {
                throw GSLError.data(
                    "\(variable.chinese)不能为负：\(text)",
                    en: "\(variable.rawValue) must not be negative: \(text)"
                )
                .because(.negativeValue)
            }
            return Double(money.fen) / 1_000_000
        }
        let cleaned = variable.isMoney ? t : t.replacingOccurrences(of: variable.unit.zh, with: "")
        guard let v = Double(cleaned), v.isFinite else {
            throw GSLError.data(
                "\(variable.chinese)应为数值，实际为「\(text)」",
                en: "\(variable.rawValue) must be a number, found '\(text)'"
            ).because(.textInNumberColumn)
        }
        guard v >= 0 else {
            throw GSLError.data(
                "\(variable.chinese)不能为负：\(text)", en: "\(variable.rawValue) must not be negative: \(text)"
            )
            .because(.negativeValue)
        }
        return v
    }
}
