import GSLCore

/// A decoded tabular file: its header, its records and any notices about how it was read.
public struct TabularFile: Sendable {
    /// The path as the user gave it.
    public let path: String
    /// The format it was read as.
    public let format: TabularFormat
    /// The column names, trimmed, in file order.
    public let header: [String]
    /// The records, in file order.
    public let rows: [TabularRow]
    /// Things the user should know about the reading (e.g. "converted from GB18030").
    public let notices: [Message]
    /// For CSV and workbooks, the 1-based physical column of each header column (empty columns are dropped).
    let physicalColumns: [Int]?

    /// A file with the given parts (for callers that build tables in memory, e.g. tests).
    public init(
        path: String, format: TabularFormat, header: [String], rows: [TabularRow], notices: [Message] = []
    ) {
        self.init(
            path: path, format: format, header: header, rows: rows, notices: notices, physicalColumns: nil)
    }

    /// A file with the given parts; `physicalColumns` maps header columns to CSV columns.
    init(
        path: String, format: TabularFormat, header: [String], rows: [TabularRow], notices: [Message],
        physicalColumns: [Int]?
    ) {
        self.path = path
        self.format = format
        self.header = header
        self.rows = rows
        self.notices = notices
        self.physicalColumns = physicalColumns
    }

    /// Where a value is: file, the row's line (a sheet's row), the 1-based CSV or sheet column and the header name as field.
    public func location(row: TabularRow, column: Int?) -> SourceLocation {
        var location = SourceLocation(file: path, line: row.line)
        if let column, column >= 0, column < header.count {
            location.field = header[column]
            if format == .csv || format == .xlsx {
                location.column = physicalColumns.map { $0[column] } ?? column + 1
            }
        }
        return location
    }
}
