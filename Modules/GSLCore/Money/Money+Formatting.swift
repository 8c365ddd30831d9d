extension Money {
    /// Which unit an amount is shown in.
    public enum Style: String, Sendable {
        /// 亿 from 1亿元 up, 万 from 1万元 up, else 元 (English: billion, million, yuan).
        case auto
        /// Yuan with two decimals: `1,234.50元` / `1,234.50 yuan`.
        case yuan
        /// 万元 with up to two decimals: `3.6万元` / English `0.036 million yuan`.
        case wan
        /// 亿元 with up to two decimals: `47.76亿元` / English `4.776 billion yuan`.
        case yi
    }

    /// The amount for people, with thousands separators in the integer part.
    ///
    /// Chinese: `.yuan` `1,234.50元`; `.wan` `3.6万元` and `.yi` `47.76亿元` keep up to two decimals
    /// (rounded half away from zero, trailing zeros dropped); `.auto` picks 亿 when |amount| ≥ 1亿元,
    /// 万 when ≥ 1万元, else 元.
    /// English uses international units: `.yuan` `1,234.50 yuan`; `.wan` becomes millions
    /// (`36.5 million yuan`, up to four decimals, as exact as two decimals of 万) and `.yi` billions
    /// (`4.776 billion yuan`, up to three decimals); `.auto` picks billion when |amount| ≥ 10⁹ yuan,
    /// million when ≥ 10⁶ yuan, else yuan.
    public func formatted(_ style: Style = .auto, lang: Lang = .zh) -> String {
        // The larger unit starts where the smaller one would round up to 10,000万 or 1,000 million
        // (half of its last shown digit, 5,000 fen, below the boundary).
        let magnitude = fen.magnitude
        switch lang {
        case .zh:
            let resolved: Style =
                switch style {
                case .auto: magnitude >= 10_000_000_000 - 5_000 ? .yi : magnitude >= 1_000_000 ? .wan : .yuan
                default: style
                }
            switch resolved {
            case .yi: return Money.decimal(fen, unitFen: 10_000_000_000, decimals: 2, trim: true) + "亿元"
            case .wan: return Money.decimal(fen, unitFen: 1_000_000, decimals: 2, trim: true) + "万元"
            default: return Money.decimal(fen, unitFen: 100, decimals: 2, trim: false) + "元"
            }
        case .en:
            let resolved: Style =
                switch style {
                case .auto:
                    magnitude >= 100_000_000_000 - 5_000 ? .yi : magnitude >= 100_000_000 ? .wan : .yuan
                default: style
                }
            switch resolved {
            case .yi:
                return Money.decimal(fen, unitFen: 100_000_000_000, decimals: 3, trim: true) + " billion yuan"
            case .wan:
                return Money.decimal(fen, unitFen: 100_000_000, decimals: 4, trim: true) + " million yuan"
            default: return Money.decimal(fen, unitFen: 100, decimals: 2, trim: false) + " yuan"
            }
        }
    }

    /// Exact yuan with two decimals and no separators (`1234.50`, `-0.50`); `parse` reads it back.
    public var plainYuan: String {
        let magnitude = fen.magnitude
        let fraction = magnitude % 100
        return (fen < 0 ? "-" : "") + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "")
            + String(fraction)
    }

    /// `fen` in units of `unitFen` fen, rounded half away from zero to `decimals` places, with
    /// thousands separators; trailing fraction zeros dropped when `trim`.
    private static func decimal(_ fen: Int64, unitFen: UInt64, decimals: Int, trim: Bool) -> String {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let quantum = unitFen / scale
        let magnitude = fen.magnitude
        var count = magnitude / quantum
        if (magnitude % quantum) * 2 >= quantum { count += 1 }
        let integerPart = count / scale
        var fraction = String(count % scale)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        if trim {
            while fraction.last == "0" { fraction.removeLast() }
        }
        let sign = fen < 0 && count > 0 ? "-" : ""
        return sign + grouped(integerPart) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Digits with `,` every three places from the right.
    private static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
