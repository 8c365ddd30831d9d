/// How a node's children are combined into its score.
public enum AggregationMethod: String, Sendable, Codable, CaseIterable {
    /// Weighted arithmetic mean, weights renormalised over non-missing children.
    case arithmetic
    /// Weighted geometric mean (children must be positive).
    case geometric
    /// Weighted harmonic mean (children must be positive).
    case harmonic
    /// Weighted generalised (power) mean with exponent `power`.
    case generalised
    /// Copeland outranking: wins minus losses of weighted pairwise majority contests.
    case copeland
    /// TOPSIS closeness to the ideal solution, scaled to 0–100.
    case topsis
}
