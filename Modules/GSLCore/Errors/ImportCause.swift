/// Causes shared by every importer and the store's opening, for callers to match and for the
/// CLI to turn into hints about its flags.
extension GSLError.Cause {
    /// A record with the same natural key already exists (an import or an add).
    public static let importKeyExists = Self("import.key-exists")
    /// A chamber with the same name already exists.
    public static let chamberNameExists = Self("import.chamber-name-exists")
    /// A value that masking produced, in a file being imported.
    public static let maskedValueImported = Self("import.masked-value")
    /// A file that is not valid UTF-8 where UTF-8 was expected.
    public static let invalidUTF8 = Self("import.invalid-utf8")
    /// A wide data file without a unit column.
    public static let wideFileUnitColumnMissing = Self("import.wide-unit-column-missing")
    /// A wide data file without a period column, and no period given.
    public static let wideFilePeriodMissing = Self("import.wide-period-missing")
    /// No database file at the path.
    public static let storeMissing = Self("store.missing")
    /// A file without a column the import needs.
    public static let importColumnMissing = Self("import.column-missing")
    /// A column the import does not know (and does not ignore).
    public static let importUnknownColumn = Self("import.unknown-column")
    /// Two columns with the same header.
    public static let importDuplicateColumn = Self("import.duplicate-column")
    /// A row with more or fewer cells than the header.
    public static let importRaggedRow = Self("import.ragged-row")
    /// Text where a number is needed.
    public static let textInNumberColumn = Self("import.text-in-number")
}
