import Foundation
import GSLCore

/// The strict JSON reader of points tables: exactly the keys `submission`, `adoption` and
/// `instruction`; numbers finite, non-negative and kept as exact decimals; every refusal a
/// `GSLError.data` in both languages (never a decoder's own text).
enum InfoPointsJSON {
    static let keys = ["submission", "adoption", "instruction"]

    static func parse(_ text: String) throws(GSLError) -> InfoPointsTable {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw malformed(error, text)
        }
        guard let top = object as? [String: Any] else {
            throw GSLError.data("积分表 JSON 须为一个对象", en: "a points table in JSON must be one object")
        }
        for key in top.keys.sorted() where !keys.contains(key) {
            let hint = suggestion(key, among: keys)
            throw GSLError.data(
                "积分表未知项 \(key)\(hint.map { "（是否为 \($0)？）" } ?? "")；可用：submission、adoption、instruction",
                en:
                    "unknown points table key \(key)\(hint.map { " (did you mean \($0)?)" } ?? ""); known: submission, adoption, instruction",
                at: SourceLocation(field: key))
        }
        guard let rawSubmission = top["submission"], let rawAdoption = top["adoption"],
            let rawInstruction = top["instruction"]
        else {
            let missing = keys.filter { top[$0] == nil }.joined(separator: "、")
            throw GSLError.data(
                "积分表须含 submission、adoption、instruction（缺少 \(missing)）",
                en: "the points table needs submission, adoption and instruction (missing \(missing))")
        }
        return InfoPointsTable(
            submission: try InfoPointsTable.checked(number(rawSubmission, "submission"), "submission"),
            adoption: try InfoPointsTable.levels(section(rawAdoption, "adoption"), "adoption"),
            instruction: try InfoPointsTable.levels(section(rawInstruction, "instruction"), "instruction"))
    }

    static func section(_ value: Any, _ name: String) throws(GSLError) -> [String: Decimal] {
        guard let levels = value as? [String: Any] else {
            throw GSLError.data(
                "积分表 \(name) 须为「级别: 积分」的对象", en: "points table \(name) must be an object of level: points",
                at: SourceLocation(field: name))
        }
        var out: [String: Decimal] = [:]
        for (level, v) in levels { out[level] = try number(v, "\(name).\(level)") }
        return out
    }

    static func number(_ value: Any, _ name: String) throws(GSLError) -> Decimal {
        // JSON true/false arrive as a boolean NSNumber (and 0/1 may cast to Bool): check the class.
        guard let n = value as? NSNumber, !String(describing: type(of: value)).contains("Boolean"),
            let d = InfoPointsTable.decimal(description(n))
        else {
            throw GSLError.data(
                "积分表 \(name) 须为有限的非负数", en: "points table \(name) must be a finite non-negative number",
                at: SourceLocation(field: name))
        }
        return d
    }

    /// The shortest text of a JSON number (`0.1`, `2`, `150`, `1e-05`).
    static func description(_ n: NSNumber) -> String {
        let d = n.doubleValue
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func malformed(_ error: Error, _ text: String) -> GSLError {
        let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? ""
        if let range = detail.range(of: "Number "), let end = detail.range(of: " is not representable") {
            let number = String(detail[range.upperBound..<end.lowerBound])
            return GSLError.data(
                "积分表中的数 \(number) 超出范围（须为有限的非负数）",
                en: "points table number \(number) is out of range (must be a finite non-negative number)")
        }
        return GSLError.data(
            "积分表不是有效的 JSON（须为 {\"submission\": …, \"adoption\": {…}, \"instruction\": {…}}）",
            en:
                "the points table is not valid JSON (expected {\"submission\": …, \"adoption\": {…}, \"instruction\": {…}})"
        )
    }

    /// The known key closest to `key` (edit distance ≤ 2), if any.
    static func suggestion(_ key: String, among known: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in 1...max(b.count, 1) where !b.isEmpty {
                    let old = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = old
                }
            }
            return row[b.count]
        }
        let scored = known.map { ($0, distance(Array(key.lowercased()), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }
}
