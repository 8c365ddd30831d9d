/// An optimal assignment with its objective and a dual certificate.
///
/// For a minimisation, `cost(i, j) - rowPotentials[i] - columnPotentials[j] >= 0` on every allowed
/// pair and `== 0` on every assigned pair; for a maximisation the reduced costs are `<= 0`.
public struct AssignmentSolution: Sendable, Equatable {
    /// For each row, its column, or -1 when the row is left out (more rows than columns).
    public let rowToColumn: [Int]
    /// For each column, its row, or -1 when the column is left out (more columns than rows).
    public let columnToRow: [Int]
    /// The sum of the costs of the assigned pairs.
    public let total: Double
    /// Dual potential of each row (u).
    public let rowPotentials: [Double]
    /// Dual potential of each column (v).
    public let columnPotentials: [Double]

    /// The assigned pairs `(row, column)` in row order.
    public var pairs: [(row: Int, column: Int)] {
        rowToColumn.enumerated().compactMap { $0.element >= 0 ? (row: $0.offset, column: $0.element) : nil }
    }
}
