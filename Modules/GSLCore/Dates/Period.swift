/// A reporting period: a year, a half-year, a quarter or a month.
///
/// Periods order by start date, then by end date, so `2023-01 < 2023Q1 < 2023H1 < 2023`.
public struct Period: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// How long a period is.
    public enum Kind: String, Sendable, Codable {
        /// A calendar year.
        case year
        /// A half-year: H1 is January–June, H2 July–December.
        case half
        /// A calendar quarter, Q1–Q4.
        case quarter
        /// A calendar month.
        case month

        /// How many periods of this kind one year holds.
        public var perYear: Int {
            switch self {
            case .year: 1
            case .half: 2
            case .quarter: 4
            case .month: 12
            }
        }

        /// How many months one period of this kind lasts.
        public var months: Int { 12 / perYear }
    }

    /// How long the period is.
    public let kind: Kind
    /// The calendar year, 1–9999.
    public let year: Int
    /// The position in the year: 1 for a year, 1–2 for a half, 1–4 for a quarter, 1–12 for a month.
    public let index: Int

    /// The period of `kind` in `year` at `index`, or nil when the year or index is out of range.
    public init?(kind: Kind, year: Int, index: Int) {
        guard (1...9999).contains(year), (1...kind.perYear).contains(index) else { return nil }
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// The period of `kind` that contains `date`.
    public init(kind: Kind, containing date: LocalDate) {
        self.kind = kind
        self.year = date.year
        self.index = (date.month - 1) / kind.months + 1
    }

    /// The first day, inclusive.
    public var start: LocalDate {
        LocalDate(year: year, month: (index - 1) * kind.months + 1, day: 1)!
    }

    /// The last day, inclusive.
    public var end: LocalDate {
        let lastMonth = index * kind.months
        return LocalDate(year: year, month: lastMonth, day: LocalDate.daysIn(month: lastMonth, year: year))!
    }

    /// Whether `date` falls inside the period (both ends included).
    public func contains(_ date: LocalDate) -> Bool {
        date.year == year && (date.month - 1) / kind.months + 1 == index
    }

    /// Canonical text: `2023`, `2023H1`, `2023Q3`, `2023-05`.
    public var description: String {
        switch kind {
        case .year: LocalDate.pad(year, 4)
        case .half: "\(LocalDate.pad(year, 4))H\(index)"
        case .quarter: "\(LocalDate.pad(year, 4))Q\(index)"
        case .month: "\(LocalDate.pad(year, 4))-\(LocalDate.pad(index, 2))"
        }
    }

    /// A label for people: `2023年上半年`, `2023年第三季度`, `2023年5月`; in English `2023 H1`,
    /// `2023 Q3`, `May 2023`.
    public func label(_ lang: Lang) -> String {
        switch (lang, kind) {
        case (.zh, .year): "\(year)年"
        case (.zh, .half): "\(year)年\(index == 1 ? "上" : "下")半年"
        case (.zh, .quarter): "\(year)年第\(Period.chineseNumerals[index])季度"
        case (.zh, .month): "\(year)年\(index)月"
        case (.en, .year): "\(year)"
        case (.en, .half): "\(year) H\(index)"
        case (.en, .quarter): "\(year) Q\(index)"
        case (.en, .month): "\(LocalDate.englishMonths[index - 1]) \(year)"
        }
    }

    /// The period of the same kind one step earlier (2023Q1 → 2022Q4).
    public var previous: Period { shifted(by: -1) }

    /// The period of the same kind one step later (2023Q4 → 2024Q1).
    public var next: Period { shifted(by: 1) }

    /// The period of the same kind `steps` steps away (negative: earlier).
    public func shifted(by steps: Int) -> Period {
        let ordinal = year * kind.perYear + (index - 1) + steps
        let newYear = LocalDate.floorDiv(ordinal, kind.perYear)
        let newIndex = ordinal - newYear * kind.perYear + 1
        return Period(uncheckedKind: kind, year: newYear, index: newIndex)
    }

    private init(uncheckedKind kind: Kind, year: Int, index: Int) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// Decodes from text (any form `parse` accepts).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Period.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message.en)
        }
    }

    /// Encodes as canonical text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// 〇 through 十二, for labels and parsing.
    static let chineseNumerals = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
}
