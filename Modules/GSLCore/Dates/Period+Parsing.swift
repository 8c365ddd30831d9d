extension Period {
    /// Parses a reporting period: `2023`, `2023H1`/`2023h2`, `2023Q3`, `2023-05`/`2023-5`, and in
    /// Chinese `2023年`, `2023年度`, `2023年上半年`/`下半年`, `2023年第三季度`/`2023年三季度`/`2023年Q3`,
    /// `2023年5月`/`2023年五月`; full-width digits and spaces are accepted.
    public static func parse(_ text: String) throws(GSLError) -> Period {
        do { return try parseText(text) } catch { throw error.because(.invalidPeriod) }
    }

    static func parseText(_ text: String) throws(GSLError) -> Period {
        var body = Substring(TextNormaliser.halfWidth(text).filter { !$0.isWhitespace }.uppercased())
        guard !body.isEmpty else {
            throw .data("报告期为空", en: "The period is empty")
        }
        let yearDigits = body.prefix(while: { $0.gslIsDigit })
        guard yearDigits.count == 4, let year = LocalDate.digitsValue(yearDigits), year >= 1 else {
            throw invalid(text)
        }
        body = body.dropFirst(4)
        let chinese = body.first == "年"
        if chinese { body = body.dropFirst() }

        let kind: Kind
        let index: Int
        if body.isEmpty || (chinese && body == "度") {
            (kind, index) = (.year, 1)
        } else if chinese && (body == "上半年" || body == "下半年") {
            (kind, index) = (.half, body == "上半年" ? 1 : 2)
        } else if let rest = strip(body, prefixes: ["H", "-H"]), let n = LocalDate.digitsValue(rest) {
            (kind, index) = (.half, n)
        } else if let rest = strip(body, prefixes: ["Q", "-Q"]), let n = LocalDate.digitsValue(rest) {
            (kind, index) = (.quarter, n)
        } else if chinese, let n = chineseQuarter(body) {
            (kind, index) = (.quarter, n)
        } else if chinese, body.last == "月", let n = number(body.dropLast()) {
            (kind, index) = (.month, n)
        } else if !chinese, let rest = strip(body, prefixes: ["-", "/", "."]),
            (1...2).contains(rest.count), let n = LocalDate.digitsValue(rest)
        {
            (kind, index) = (.month, n)
        } else {
            throw invalid(text)
        }
        guard let period = Period(kind: kind, year: year, index: index) else {
            let (zh, en) =
                switch kind {
                case .year: ("年份无效", "invalid year")
                case .half: ("半年应为 1 或 2", "a half-year is 1 or 2")
                case .quarter: ("季度应为 1–4", "a quarter is 1–4")
                case .month: ("月份应为 1–12", "a month is 1–12")
                }
            throw .data("“\(text)”不是有效的报告期：\(zh)", en: "\"\(text)\" is not a valid period: \(en)")
        }
        return period
    }

    private static func invalid(_ text: String) -> GSLError {
        .data(
            "“\(text)”不是有效的报告期（应为 2023、2023H1、2023Q3、2023-05 或 2023年第三季度 等）",
            en: "\"\(text)\" is not a valid period (expected 2023, 2023H1, 2023Q3, 2023-05, 2023年第三季度 …)")
    }

    private static func strip(_ text: Substring, prefixes: [String]) -> Substring? {
        for prefix in prefixes where text.hasPrefix(prefix) {
            return text.dropFirst(prefix.count)
        }
        return nil
    }

    /// `第三季度`, `三季度`, `第3季度`, `3季度`, `第三季` → 3.
    private static func chineseQuarter(_ text: Substring) -> Int? {
        var body = text
        if body.hasPrefix("第") { body = body.dropFirst() }
        if body.hasSuffix("季度") {
            body = body.dropLast(2)
        } else if body.hasSuffix("季") {
            body = body.dropLast()
        } else {
            return nil
        }
        return number(body)
    }

    /// ASCII digits or a Chinese numeral 一…十二.
    private static func number(_ text: Substring) -> Int? {
        if let value = LocalDate.digitsValue(text) { return value }
        return chineseNumerals.firstIndex(of: String(text)).flatMap { $0 == 0 ? nil : $0 }
    }
}
