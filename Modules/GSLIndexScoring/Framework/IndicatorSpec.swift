/// What an indicator (a leaf of the framework tree) measures and how it is scored.
public struct IndicatorSpec: Sendable, Equatable, Codable {
    /// +1 when more is better, −1 when less is better.
    public var direction: Int
    /// Unit of measurement, free text.
    public var unit: String
    /// Where the data come from, free text.
    public var source: String
    /// UNDP-style goalposts `[min, max]` in the indicator's own units (before any transform).
    public var goalposts: [Double]?
    /// 不允许值: the value scoring 60 under 功效系数 (the worst acceptable value).
    public var unacceptable: Double?
    /// 满意值: the value scoring 100 under 功效系数 (the satisfactory value).
    public var satisfactory: Double?
    /// Target for distance-to-target normalisation.
    public var target: Double?
    /// Transform applied before normalisation: `none` or `log` (natural logarithm).
    public var transform: String
    /// Code of the denominator variable, when the indicator is divided by one.
    public var denominator: String?

    /// An indicator specification.
    public init(
        direction: Int = 1, unit: String = "", source: String = "", goalposts: [Double]? = nil,
        unacceptable: Double? = nil, satisfactory: Double? = nil, target: Double? = nil,
        transform: String = "none", denominator: String? = nil
    ) {
        self.direction = direction
        self.unit = unit
        self.source = source
        self.goalposts = goalposts
        self.unacceptable = unacceptable
        self.satisfactory = satisfactory
        self.target = target
        self.transform = transform
        self.denominator = denominator
    }
}
