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
    /// Two rows of one file with the same key (a USCC, an ID card number or a chamber name; a unit,
    /// period and indicator).
    public static let importDuplicateRow = Self("import.duplicate-row")
    /// A quoted CSV field that never ends.
    public static let importUnterminatedQuote = Self("import.unterminated-quote")
    /// A JSON or NDJSON file that does not parse, or whose records are not objects.
    public static let importMalformedJSON = Self("import.malformed-json")
    /// A file with no records at all.
    public static let importEmptyFile = Self("import.empty-file")
    /// A NumPy file of a kind that cannot be read (not a 2-D float64 or int64 array in C order).
    public static let importNumPyUnsupported = Self("import.numpy-unsupported")
}

extension GSLError.Cause {
    /// No file at the path given.
    public static let fileNotFound = Self("file.not-found")
    /// A path that names a directory where a file is needed (an input file, the store, a backup).
    public static let pathIsDirectory = Self("file.is-directory")
}
