/// Candidate pairs chosen with a given K, and whether the sparse problem they define is feasible.
public struct CandidateSet: Sendable, Equatable {
    /// The K that was used (each row kept its K cheapest columns and each column its K cheapest rows).
    public let k: Int
    /// The union of both sides' nearest pairs, sorted by row then column.
    public let pairs: [CandidatePair]
    /// Whether the feasibility check accepted `pairs`.
    public let feasible: Bool
    /// True when `pairs` holds every allowed pair, so an infeasible answer is proven for the dense problem.
    public let complete: Bool
}
