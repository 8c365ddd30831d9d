import GSLCore

/// Causes of refused number matrices and tables, beside `TabularCause.swift`.
extension GSLError.Cause {
    /// A cell of a number matrix (a solver's cost CSV) that is not a number.
    public static let matrixCellNotANumber = Self("tabular.matrix-not-a-number")
    /// A control character (NUL, ESC …) in a file's bytes, which no field may hold.
    public static let controlCharacter = Self("tabular.control-character")
    /// A CSV file with a header row and no data rows.
    public static let headerWithoutRows = Self("tabular.header-without-rows")
}
