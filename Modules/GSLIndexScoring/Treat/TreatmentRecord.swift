/// What the treatment step did to one indicator (COINr's treatment log).
public struct TreatmentRecord: Sendable, Equatable, Codable {
    /// Indicator code.
    public var indicator: String
    /// Skewness before treatment.
    public var skewBefore: Double
    /// Kurtosis before treatment.
    public var kurtosisBefore: Double
    /// True when within thresholds before treatment (then nothing was done).
    public var passedBefore: Bool
    /// Points winsorised (0 when not treated).
    public var winsorised: Int
    /// Units whose values were winsorised.
    public var winsorisedUnits: [String]
    /// Winsorised at the high end (true) or low end (false).
    public var highEnd: Bool
    /// Skewness after winsorising (nil when not treated).
    public var skewAfter: Double?
    /// Kurtosis after winsorising (nil when not treated).
    public var kurtosisAfter: Double?
    /// True when winsorising brought it within thresholds.
    public var passedAfter: Bool?
    /// The fallback transform applied, if any (`log`, `boxCox`).
    public var fallback: String?

    /// A record.
    public init(
        indicator: String, skewBefore: Double, kurtosisBefore: Double, passedBefore: Bool,
        winsorised: Int = 0,
        winsorisedUnits: [String] = [], highEnd: Bool = true, skewAfter: Double? = nil,
        kurtosisAfter: Double? = nil, passedAfter: Bool? = nil, fallback: String? = nil
    ) {
        self.indicator = indicator
        self.skewBefore = skewBefore
        self.kurtosisBefore = kurtosisBefore
        self.passedBefore = passedBefore
        self.winsorised = winsorised
        self.winsorisedUnits = winsorisedUnits
        self.highEnd = highEnd
        self.skewAfter = skewAfter
        self.kurtosisAfter = kurtosisAfter
        self.passedAfter = passedAfter
        self.fallback = fallback
    }
}
