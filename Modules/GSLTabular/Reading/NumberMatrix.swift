/// A dense matrix of numbers read from a file: rows × columns, row-major; a missing cell (JSON
/// `null`, an empty CSV cell, a non-finite `.npy` value) holds the reader's `missing` value.
public struct NumberMatrix: Sendable, Equatable {
    /// Number of rows.
    public var rows: Int
    /// Number of columns.
    public var columns: Int
    /// Row-major entries: `values[i * columns + j]`.
    public var values: [Double]

    /// A matrix from row-major entries.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "\(values.count) values for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }
}
