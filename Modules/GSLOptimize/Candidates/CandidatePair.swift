/// One allowed pairing kept for a sparse problem: a row, a column and its cost.
public struct CandidatePair: Sendable, Hashable {
    /// The row (left side) index.
    public let row: Int
    /// The column (right side) index.
    public let column: Int
    /// The cost of the pair.
    public let cost: Double

    /// A candidate pair.
    public init(row: Int, column: Int, cost: Double) {
        self.row = row
        self.column = column
        self.cost = cost
    }
}

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
