import GSLIndexScoring

/// Two stored runs' rankings compared on their indices.
public struct RunComparison: Sendable {
    /// Run A.
    public let a: StoredRun
    /// Run B.
    public let b: StoredRun
    /// Rank changes from A to B, Spearman's ρ and Kendall's τ.
    public let comparison: RankComparison
    /// Unit names by code, from run B's dataset.
    public let unitNames: [String: String]
}
