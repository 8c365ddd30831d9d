/// Rank distribution of each unit over the Monte Carlo runs.
public struct UncertaintyResult: Sendable, Equatable, Codable {
    /// Unit codes.
    public var units: [String]
    /// Nominal rank (the spec as given).
    public var nominalRank: [Int]
    /// Median rank over runs.
    public var medianRank: [Double]
    /// 5th percentile of rank (type 7).
    public var q5: [Double]
    /// 95th percentile of rank (type 7).
    public var q95: [Double]
    /// Mean rank over runs.
    public var meanRank: [Double]
    /// Runs performed.
    public var runs: Int
    /// Node studied.
    public var node: String
}
