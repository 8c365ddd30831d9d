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
