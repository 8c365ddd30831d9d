import GSLCore

/// The causes of errors in reading input files (CSV, JSON, NDJSON and the settings files read through
/// `InputFile`) that only the tabular reader meets, for callers and tests to match; the general
/// ones (file not found, empty file, unterminated quote, malformed JSON) are in GSLCore's
/// `ImportCause.swift`, where engines reach them too.
extension GSLError.Cause {
    /// A few bytes that are not UTF-8 in a file that otherwise is: refused where they are, and the
    /// file is not converted from GB18030 as a whole.
    public static let strayBytesInUTF8 = Self("tabular.stray-bytes")
    /// A cell with data in a column whose header is empty.
    public static let dataWithoutHeader = Self("tabular.data-without-header")
    /// A title row above the header ("2024年会员企业名录" in A1): line 1 was taken as the header.
    public static let titleRowAsHeader = Self("tabular.title-row")
    /// A JSON value that is a nested object or array where a cell is expected.
    public static let nestedJSONValue = Self("tabular.nested-value")
}

/// Causes of refused number matrices and tables, beside `TabularCause.swift`.
extension GSLError.Cause {
    /// A CSV file with a header row and no data rows.
    public static let headerWithoutRows = Self("tabular.header-without-rows")
}
