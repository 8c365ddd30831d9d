extension LocalDate {
    /// Parses a date as people type it: `2023-05-06`, `2023-5-6`, `2023/5/6`, `2023.5.6`, `20230506`,
    /// `2023年5月6日` (日 or 号 optional), full-width digits, surrounding spaces, and a trailing time
    /// part as spreadsheets write it (`2023-05-06 00:00:00`, `2023-05-06T08:30`), which is ignored.
    public static func parse(_ text: String) throws(GSLError) -> LocalDate {
        if let date = fastParse(text) { return date }
        return try parseFully(text)
    }

    /// The date for the common forms `2023-05-06`, `2023/5/6`, `2023.5.6` and `20230506` with
    /// nothing around them, read straight from the bytes; nil for anything else, including every
    /// invalid date, which the full parser then reports.
    static func fastParse(_ text: String) -> LocalDate? {
        UTF8Scan.withBytes(text) { bytes -> LocalDate? in
            var count = bytes.count
            func number(_ from: Int, _ to: Int) -> Int? {
                var value = 0
                for index in from..<to {
                    let byte = bytes[index]
                    guard UTF8Scan.isDigit(byte) else { return nil }
                    value = value * 10 + Int(byte &- 0x30)
                }
                return value
            }
            guard count >= 8, let year = number(0, 4) else { return nil }
            if bytes[4] == 0xE5 {
                // 2023年5月6日: 年 E5 B9 B4, 月 E6 9C 88, then 日 E6 97 A5 or 号 E5 8F B7 (optional).
                func isChar(_ at: Int, _ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
                    at + 2 < count && bytes[at] == b0 && bytes[at + 1] == b1 && bytes[at + 2] == b2
                }
                if isChar(count - 3, 0xE6, 0x97, 0xA5) || isChar(count - 3, 0xE5, 0x8F, 0xB7) { count -= 3 }
                guard isChar(4, 0xE5, 0xB9, 0xB4) else { return nil }
                var monthEnd = 7
                while monthEnd < count, UTF8Scan.isDigit(bytes[monthEnd]) { monthEnd += 1 }
                guard (1...2).contains(monthEnd - 7), isChar(monthEnd, 0xE6, 0x9C, 0x88),
                    (1...2).contains(count - monthEnd - 3), let m = number(7, monthEnd),
                    let d = number(monthEnd + 3, count)
                else { return nil }
                return LocalDate(year: year, month: m, day: d)
            }
            guard count <= 10 else { return nil }
            let month: Int
            let day: Int
            if count == 8, let m = number(4, 6), let d = number(6, 8) {
                (month, day) = (m, d)
            } else {
                let separator = bytes[4]
                guard separator == 0x2D || separator == 0x2F || separator == 0x2E else { return nil }
                var second = 5
                while second < count, bytes[second] != separator { second += 1 }
                guard second < count, (1...2).contains(second - 5), (1...2).contains(count - second - 1),
                    let m = number(5, second), let d = number(second + 1, count)
                else { return nil }
                (month, day) = (m, d)
            }
            return LocalDate(year: year, month: month, day: day)
        }
    }

    /// `parse(_:)` without the byte-level fast path (the reference the fast path must agree with).
    static func parseFully(_ text: String) throws(GSLError) -> LocalDate {
        do { return try parseUntagged(text) } catch { throw error.because(.invalidDate) }
    }

    static func parseUntagged(_ text: String) throws(GSLError) -> LocalDate {
        let trimmed = Substring(TextNormaliser.halfWidth(text)).gslTrimmed()
        guard !trimmed.isEmpty else {
            throw .data("日期为空", en: "The date is empty")
        }
        guard let datePart = stripTime(trimmed), let (year, month, day) = splitDate(datePart) else {
            if let hint = excelHint(trimmed) { throw notADate(text, zh: hint.zh, en: hint.en) }
            throw notADate(text, zh: "应为 2023-05-06 或 2023年5月6日", en: "expected 2023-05-06 or 2023年5月6日")
        }
        guard (1...12).contains(month) else {
            throw notADate(text, zh: "没有 \(month) 月", en: "there is no month \(month)")
        }
        let length = daysIn(month: month, year: year)
        guard let date = LocalDate(year: year, month: month, day: day) else {
            if year == 0 {
                throw notADate(text, zh: "没有 0 年", en: "there is no year 0")
            }
            throw notADate(
                text, zh: "\(year)年\(month)月只有 \(length) 天",
                en: "\(englishMonths[month - 1]) \(year) has only \(length) days")
        }
        return date
    }

    /// What Excel made of a date: a serial number (45052, the days since 1899-12-30) or a month
    /// without a day (2020年1月, 2020-01).
    static func excelHint(_ text: Substring) -> Message? {
        if let serial = digitsValue(text), text.count == 5, serial >= 1 {
            let date = LocalDate(year: 1899, month: 12, day: 30)!.adding(days: serial)
            return Message(
                "这像是 Excel 的日期序号（\(serial) 即 \(date.iso)）；请在 Excel 中把该列设为日期格式后再导出",
                en:
                    "this looks like an Excel date serial number (\(serial) is \(date.iso)); format the column as a date in Excel and export again"
            )
        }
        var body = text
        if body.last == "月" { body = body.dropLast() }
        let parts = body.split(whereSeparator: { $0 == "年" || $0 == "-" || $0 == "/" || $0 == "." })
        if parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
            digitsValue(parts[0]) != nil, let month = digitsValue(parts[1]), (1...12).contains(month),
            text.contains("年") == text.hasSuffix("月")
        {
            return Message(
                "只有年月，缺少日；这里需要具体日期，如 \(parts[0])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-01",
                en:
                    "a month without a day; a full date is needed here, e.g. \(parts[0])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-01"
            )
        }
        return nil
    }

    /// English month names, January first.
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    private static func notADate(_ text: String, zh: String, en: String) -> GSLError {
        .data("“\(text)”不是有效日期：\(zh)", en: "\"\(text)\" is not a valid date: \(en)")
    }

    /// The date part without a trailing time of day, or nil when what follows is not a time.
    private static func stripTime(_ text: Substring) -> Substring? {
        let cut =
            text.firstIndex(where: { $0.isWhitespace })
            ?? text.firstIndex(where: { $0 == "T" || $0 == "t" })
        guard let cut else { return text }
        let time = text[text.index(after: cut)...].gslTrimmed()
        let isTime =
            !time.isEmpty && time.first!.gslIsDigit && time.contains(":")
            && time.allSatisfy { $0.gslIsDigit || $0 == ":" || $0 == "." }
        return isTime ? text[..<cut] : nil
    }

    /// Year, month and day numbers from the date forms accepted; range checks come later.
    private static func splitDate(_ text: Substring) -> (Int, Int, Int)? {
        if text.count == 8, let _ = digitsValue(text) {
            let chars = Array(text)
            guard let y = digitsValue(Substring(String(chars[0..<4]))),
                let m = digitsValue(Substring(String(chars[4..<6]))),
                let d = digitsValue(Substring(String(chars[6..<8])))
            else { return nil }
            return (y, m, d)
        }
        var body = text
        let parts: [Substring]
        if body.contains("年") {
            if body.last == "日" || body.last == "号" { body = body.dropLast() }
            let yearSplit = body.split(separator: "年", omittingEmptySubsequences: false)
            guard yearSplit.count == 2 else { return nil }
            let monthSplit = yearSplit[1].split(separator: "月", omittingEmptySubsequences: false)
            guard monthSplit.count == 2 else { return nil }
            parts = [yearSplit[0], monthSplit[0], monthSplit[1]].map { $0.gslTrimmed() }
        } else {
            guard let separator = body.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) else {
                return nil
            }
            parts = body.split(separator: separator, omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
            (1...2).contains(parts[2].count),
            let y = digitsValue(parts[0]), let m = digitsValue(parts[1]), let d = digitsValue(parts[2])
        else { return nil }
        return (y, m, d)
    }

    /// The value of a non-empty run of ASCII digits (at most 18), else nil.
    static func digitsValue(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 18 else { return nil }
        var value = 0
        for ch in text {
            guard ch.gslIsDigit, let digit = ch.wholeNumberValue else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}

extension Character {
    /// Whether this is one of `0`…`9`.
    var gslIsDigit: Bool { isASCII && isNumber }
}

extension Substring {
    /// This text without leading and trailing whitespace.
    func gslTrimmed() -> Substring {
        // Fast path: a first byte whose scalar is not whitespace and a last byte that is ASCII and not
        // whitespace mean the first and last characters are not whitespace (a character is
        // whitespace when its first scalar is, and a character ending in such an ASCII byte either
        // is that byte or starts with a non-whitespace prepended scalar).
        let untouched = UTF8Scan.withBytes(self) { bytes -> Bool in
            guard let firstByte = bytes.first, let lastByte = bytes.last, lastByte < 0x80,
                !UTF8Scan.isASCIIWhitespace(lastByte)
            else { return false }
            if firstByte < 0x80 { return !UTF8Scan.isASCIIWhitespace(firstByte) }
            guard let scalar = unicodeScalars.first else { return false }
            return !UTF8Scan.isWhitespace(scalar: scalar.value)
        }
        if untouched { return self }
        return gslTrimmedFully()
    }

    /// `gslTrimmed()` over characters (the reference for the fast path).
    func gslTrimmedFully() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex...] }
        return self[first...last]
    }
}
