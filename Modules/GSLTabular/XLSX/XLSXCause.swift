import GSLCore

/// Causes of refused Excel workbooks.
extension GSLError.Cause {
    /// A .xlsx file that is not a readable workbook (not a ZIP archive, a part missing or malformed).
    public static let xlsxUnreadable = Self("tabular.xlsx-unreadable")
    /// An Excel 97–2003 .xls (or an encrypted workbook): a binary format the reader does not take.
    public static let xlsBinary = Self("tabular.xls-binary")
    /// The sheet asked for is not in the workbook.
    public static let sheetNotFound = Self("tabular.sheet-not-found")
}
