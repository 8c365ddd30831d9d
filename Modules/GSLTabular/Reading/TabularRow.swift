/// One record of a tabular file, with its values aligned to the file's header.
public struct TabularRow: Sendable {
    /// The 1-based physical line where the record starts.
    public let line: Int
    /// The 0-based record number (blank lines not counted).
    public let index: Int
    /// One value per header column; `""` when the record has no value there.
    public let values: [String]

    /// A row starting at `line`.
    public init(line: Int, index: Int, values: [String]) {
        self.line = line
        self.index = index
        self.values = values
    }

    /// The value in `column`, or `""` when out of range.
    public subscript(column: Int) -> String {
        column >= 0 && column < values.count ? values[column] : ""
    }
}
