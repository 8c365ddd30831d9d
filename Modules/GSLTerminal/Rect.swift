/// A rectangle of terminal cells: rows and columns from the top left corner.
public struct Rect: Sendable, Hashable {
    /// Top row.
    public var row: Int
    /// Left column.
    public var column: Int
    /// Rows.
    public var height: Int
    /// Columns.
    public var width: Int

    /// A rectangle.
    public init(row: Int, column: Int, height: Int, width: Int) {
        self.row = row
        self.column = column
        self.height = max(0, height)
        self.width = max(0, width)
    }

    /// The inside of a one-cell border.
    public var inner: Rect { Rect(row: row + 1, column: column + 1, height: height - 2, width: width - 2) }

    /// Split into a left part of `leftWidth` columns and the rest.
    public func splitColumns(_ leftWidth: Int) -> (Rect, Rect) {
        let l = min(max(0, leftWidth), width)
        return (
            Rect(row: row, column: column, height: height, width: l),
            Rect(row: row, column: column + l, height: height, width: width - l)
        )
    }

    /// Split into a top part of `topHeight` rows and the rest.
    public func splitRows(_ topHeight: Int) -> (Rect, Rect) {
        let t = min(max(0, topHeight), height)
        return (
            Rect(row: row, column: column, height: t, width: width),
            Rect(row: row + t, column: column, height: height - t, width: width)
        )
    }
}
