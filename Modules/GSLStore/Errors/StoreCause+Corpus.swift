import GSLCore

/// Causes of refused rows in the core imports (organisations, people) and of references that find
/// nothing, for callers and tests to match.
extension GSLError.Cause {
    /// A required field (a name, a title) that is empty or missing in a row.
    public static let fieldMissing = Self("store.field-missing")
    /// Text where a whole number is needed (一百二十 for employees).
    public static let fieldNotWholeNumber = Self("store.field-not-whole-number")
    /// A whole number outside the range a field allows (negative employees).
    public static let fieldOutOfRange = Self("store.field-out-of-range")
    /// A control character (NUL, ESC …) inside a text field.
    public static let fieldControlCharacter = Self("store.field-control-character")
    /// A well-formed division code that is not in the loaded region table.
    public static let divisionNotLoaded = Self("store.division-not-loaded")
    /// The same key (USCC, ID-card number) twice in one file.
    public static let duplicateInFile = Self("store.duplicate-in-file")
    /// An organisation kind that is not one of `OrganisationKind`.
    public static let organisationKindUnknown = Self("store.organisation-kind-unknown")
    /// A phone number that is not digits and separators.
    public static let phoneMalformed = Self("store.phone-malformed")
    /// A gender that is neither 男 nor 女.
    public static let genderUnknown = Self("store.gender-unknown")
    /// An organisation reference (id, USCC, name) that matches none of the kind asked for.
    public static let organisationNotFound = Self("store.organisation-not-found")
}

/// Causes of a refused restore (`MaintenanceRepository.restore`).
extension GSLError.Cause {
    /// No backup file at the path given.
    public static let backupNotFound = Self("store.backup-not-found")
    /// A backup that is not a gsl store, is damaged, or whose audit chain does not verify.
    public static let backupInvalid = Self("store.backup-invalid")
    /// A store holding audit entries or migrations that the backup lacks: restoring would lose them.
    public static let restoreWouldLoseChanges = Self("store.restore-would-lose-changes")
}
