import GSLCore

/// The cells of an export as read (header and rows), with where each cell is in the file.
public struct SurveySheet: Sendable {
    /// One row of answers.
    public struct Row: Sendable {
        /// The line (or sheet row) it starts on.
        public var line: Int
        /// One value per header column.
        public var values: [String]

        /// A row.
        public init(line: Int, values: [String]) {
            self.line = line
            self.values = values
        }
    }

    /// The file as the user named it.
    public var file: String
    /// The column headers.
    public var header: [String]
    /// The rows.
    public var rows: [Row]
    /// The 1-based physical column of each header column.
    public var physicalColumns: [Int]

    /// A sheet; `physicalColumns` defaults to 1, 2, 3, ….
    public init(file: String, header: [String], rows: [Row], physicalColumns: [Int]? = nil) {
        self.file = file
        self.header = header
        self.rows = rows
        self.physicalColumns = physicalColumns ?? header.indices.map { $0 + 1 }
    }

    /// Where the cell of `row` in header column `column` is (line 1 for the header).
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(
            file: file, line: line, column: physicalColumns[column], field: header[column])
    }
}
