/// The cells of one worksheet as text, row by row, with its merged ranges.
public struct XLSXSheet: Sendable, Equatable {
    /// One row that has at least one cell.
    public struct Row: Sendable, Equatable {
        /// Excel's 1-based row number.
        public let number: Int
        /// The cells from column A on; `""` where a cell is empty or absent.
        public let cells: [String]
    }

    /// The sheet's name as its tab shows it.
    public let name: String
    /// The rows that hold cells, in order.
    public let rows: [Row]
    /// The merged ranges (`A1:C1`), in the order the sheet lists them.
    public let merged: [String]
}
