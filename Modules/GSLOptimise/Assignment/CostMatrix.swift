/// A dense rows × columns cost matrix stored row-major in one contiguous array; an infinite entry
/// (either sign) marks a forbidden pair.
public struct CostMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Row-major entries: `values[i * columns + j]` is the cost of row i with column j.
    public private(set) var values: [Double]

    /// A matrix from row-major entries; NaN entries and a wrong count are rejected.
    public init(rows: Int, columns: Int, values: [Double]) throws(OptimiseError) {
        guard rows >= 0, columns >= 0 else { throw .invalidInput("negative matrix size \(rows)×\(columns)") }
        guard values.count == rows * columns else {
            throw .invalidInput(
                "expected \(rows * columns) entries for \(rows)×\(columns), got \(values.count)")
        }
        if let bad = values.firstIndex(where: { $0.isNaN }) {
            throw .invalidInput("NaN cost at row \(bad / max(columns, 1)), column \(bad % max(columns, 1))")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.values = Array(repeating: value, count: self.rows * self.columns)
    }

    /// A matrix from nested rows; `nil` marks a forbidden pair. Rows must all have the same length.
    public init(_ nested: [[Double?]]) throws(OptimiseError) {
        let columns = nested.first?.count ?? 0
        var values: [Double] = []
        values.reserveCapacity(nested.count * columns)
        for (i, row) in nested.enumerated() {
            guard row.count == columns else {
                throw .invalidInput("row \(i) has \(row.count) entries, row 0 has \(columns)")
            }
            for (j, entry) in row.enumerated() {
                guard let entry else { values.append(.infinity); continue }
                guard entry.isFinite else { throw .invalidInput("non-finite cost at row \(i), column \(j)") }
                values.append(entry)
            }
        }
        try self.init(rows: nested.count, columns: columns, values: values)
    }

    /// The cost of row `i` with column `j` (infinite when forbidden).
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// Whether row `i` may be paired with column `j`.
    public func isAllowed(_ row: Int, _ column: Int) -> Bool { values[row * columns + column].isFinite }
}
