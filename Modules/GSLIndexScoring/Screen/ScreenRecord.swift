/// Data availability of one unit at the screening step.
public struct ScreenRecord: Sendable, Equatable, Codable {
    /// Unit code.
    public var unit: String
    /// Indicators missing.
    public var missing: Int
    /// Indicators equal to zero.
    public var zeros: Int
    /// Fraction of indicators present.
    public var availability: Double
    /// 1 − zeros / indicators (COINr `Non_Zero`).
    public var nonZero: Double
    /// True when the unit stays in the computation.
    public var included: Bool

    /// A record.
    public init(unit: String, missing: Int, zeros: Int, availability: Double, nonZero: Double, included: Bool)
    {
        self.unit = unit
        self.missing = missing
        self.zeros = zeros
        self.availability = availability
        self.nonZero = nonZero
        self.included = included
    }
}
