extension Money {
    /// Parses an amount as written in Chinese forms and reports: `47.76亿`, `287.1亿元`, `3.6万元`,
    /// `1千万`, `1,234.5元`, `1，234`, `１２３`, `¥1,234.50`, `￥5`, `-5`, `5元整`, `1.2亿元人民币`.
    ///
    /// Units: 百, 千, 万, 百万, 千万, 亿, 万亿 (one at most), then optional 元, 整, 人民币; a sign and
    /// a leading ¥, ￥, 人民币, RMB or CNY are allowed; thousands separators must group by three.
    /// Arithmetic is exact: the amount must be a whole number of fen that fits in `Int64`.
    public static func parse(_ text: String) throws(GSLError) -> Money {
        if let fen = fastFen(text) { return Money(fen: fen) }
        return try parseFully(text)
    }

    /// The amount in fen for the common forms `3500`, `-12`, `1,234.5`, `3.6万`, `250万元`, `5元`
    /// (ASCII digits with optional `,` thousands grouping, an optional ASCII sign and point, at most one of 百 千 万 亿 and then 元),
    /// read straight from the bytes; nil for anything else, including every error, which the full
    /// parser then reports.
    static func fastFen(_ text: String) -> Int64? {
        UTF8Scan.withBytes(text) { bytes -> Int64? in
            var end = bytes.count
            func endsWith(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
                end >= 3 && bytes[end - 3] == b0 && bytes[end - 2] == b1 && bytes[end - 1] == b2
            }
            if endsWith(0xE5, 0x85, 0x83) { end -= 3 }  // 元
            var fenPerUnit: Int64 = 100
            if endsWith(0xE4, 0xB8, 0x87) {  // 万
                fenPerUnit = 1_000_000
            } else if endsWith(0xE4, 0xBA, 0xBF) {  // 亿
                fenPerUnit = 10_000_000_000
            } else if endsWith(0xE5, 0x8D, 0x83) {  // 千
                fenPerUnit = 100_000
            } else if endsWith(0xE7, 0x99, 0xBE) {  // 百
                fenPerUnit = 10_000
            }
            if fenPerUnit != 100 { end -= 3 }
            var index = 0
            var negative = false
            if index < end, bytes[index] == 0x2D || bytes[index] == 0x2B {
                negative = bytes[index] == 0x2D
                index += 1
            }
            var value: Int64 = 0
            // Digits, optionally grouped by three with `,` (`1,234,567`).
            var groupLength = 0
            var groups = 0
            while index < end {
                let byte = bytes[index]
                if byte == 0x2C {
                    guard groupLength > 0, groups > 0 || groupLength <= 3, groups == 0 || groupLength == 3
                    else { return nil }
                    groups += 1
                    groupLength = 0
                    index += 1
                    continue
                }
                guard UTF8Scan.isDigit(byte) else { break }
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int64(byte &- 0x30))
                guard !o1, !o2 else { return nil }
                value = sum
                groupLength += 1
                index += 1
            }
            guard groupLength > 0, groups == 0 || groupLength == 3 else { return nil }
            var scale = 0
            if index < end {
                guard bytes[index] == 0x2E else { return nil }
                index += 1
                var fractionEnd = end
                guard fractionEnd > index else { return nil }
                for position in index..<end where !UTF8Scan.isDigit(bytes[position]) { return nil }
                while fractionEnd > index, bytes[fractionEnd - 1] == 0x30 { fractionEnd -= 1 }
                for position in index..<fractionEnd {
                    let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times10.addingReportingOverflow(Int64(bytes[position] &- 0x30))
                    guard !o1, !o2 else { return nil }
                    value = sum
                    scale += 1
                }
            }
            while scale > 0, fenPerUnit % 10 == 0 {
                fenPerUnit /= 10
                scale -= 1
            }
            guard scale == 0 else { return nil }
            let (fen, overflow) = value.multipliedReportingOverflow(by: fenPerUnit)
            guard !overflow else { return nil }
            return negative ? -fen : fen
        }
    }

    /// `parse(_:)` without the byte-level fast path (the reference the fast path must agree with).
    static func parseFully(_ text: String) throws(GSLError) -> Money {
        do { return try parseUntagged(text) } catch { throw error.because(.invalidAmount) }
    }

    static func parseUntagged(_ text: String) throws(GSLError) -> Money {
        var body = Substring(TextNormaliser.halfWidth(text)).gslTrimmed()
        guard !body.isEmpty else {
            throw .data("金额为空", en: "The amount is empty")
        }
        var negative = false
        func takeSign() {
            if let first = body.first, first == "-" || first == "+" || first == "\u{2212}" {
                negative = first != "+"
                body = body.dropFirst().gslTrimmed()
            }
        }
        takeSign()
        for prefix in ["¥", "￥", "人民币", "RMB", "CNY"] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count).gslTrimmed()
            break
        }
        if !negative { takeSign() }
        for suffix in ["人民币", "整", "元"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count).gslTrimmed()
        }

        // The unit: the run of unit characters at the end.
        let unitText = String(body.reversed().prefix(while: { unitCharacters.contains($0) }).reversed())
        body = body.dropLast(unitText.count).gslTrimmed()
        var fenPerUnit: Int64 = 100
        if !unitText.isEmpty {
            guard let multiplier = units[unitText] else {
                throw invalid(
                    text, zh: "单位“\(unitText)”无法识别（只能有一个单位）",
                    en: "unit \"\(unitText)\" is not understood (one unit at most)")
            }
            fenPerUnit = multiplier
        }

        guard let (digits, fractionDigits) = splitNumber(body) else {
            throw invalid(text, zh: "不是数字", en: "not a number")
        }
        // Value in fen = digits × fenPerUnit / 10^fractionDigits, exactly.
        var scale = fractionDigits
        while scale > 0, fenPerUnit % 10 == 0 {
            fenPerUnit /= 10
            scale -= 1
        }
        // Trailing fraction zeros are gone, so any scale left means a part of a fen.
        guard scale == 0 else {
            throw invalid(text, zh: "只能精确到分", en: "amounts are exact to the fen (0.01 yuan)")
        }
        let stripped = digits.drop(while: { $0 == "0" })
        guard stripped.count <= 19, let value = stripped.isEmpty ? 0 : Int64(stripped) else {
            throw tooLarge(text)
        }
        let (fen, overflow) = value.multipliedReportingOverflow(by: fenPerUnit)
        guard !overflow else { throw tooLarge(text) }
        return Money(fen: negative ? -fen : fen)
    }

    /// The characters that make up units.
    private static let unitCharacters: Set<Character> = ["千", "百", "万", "亿"]

    /// Fen per unit.
    private static let units: [String: Int64] = [
        "百": 10_000, "千": 100_000, "万": 1_000_000, "百万": 100_000_000, "千万": 1_000_000_000,
        "亿": 10_000_000_000, "万亿": 100_000_000_000_000,
    ]

    /// All the digits (integer then fraction, trailing fraction zeros dropped) and how many are
    /// fraction digits; nil when `text` is not `123`, `1,234.5` or `0.50`.
    private static func splitNumber(_ text: Substring) -> (String, Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let integer = parts[0]
        var fraction = parts.count == 2 ? parts[1] : ""
        guard !integer.isEmpty, parts.count == 1 || !fraction.isEmpty,
            fraction.allSatisfy(\.gslIsDigit), groupedDigitsOK(integer)
        else { return nil }
        while fraction.last == "0" { fraction = fraction.dropLast() }
        let integerDigits = integer.filter { $0 != "," }
        return (integerDigits + fraction, fraction.count)
    }

    /// Digits, optionally grouped by thousands with `,` (`1,234,567`).
    private static func groupedDigitsOK(_ text: Substring) -> Bool {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.gslIsDigit) }) else { return false }
        guard groups.count > 1 else { return true }
        return groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func invalid(_ text: String, zh: String, en: String) -> GSLError {
        .data("金额“\(text)”无效：\(zh)", en: "Amount \"\(text)\" is invalid: \(en)")
    }

    private static func tooLarge(_ text: String) -> GSLError {
        invalid(text, zh: "数额过大", en: "too large")
    }
}
