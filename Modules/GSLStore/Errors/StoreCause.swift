import GSLCore

/// The causes of errors in opening and querying a store, for callers and tests to match.
extension GSLError.Cause {
    /// A path that names a directory where a database file is expected.
    public static let storeIsDirectory = Self("store.is-directory")
    /// A file that is not a gsl database (another application's SQLite file, or not SQLite at all);
    /// it is left untouched.
    public static let storeNotGSL = Self("store.not-gsl")
    /// A database written by a newer gsl (migrations this one does not know); it is left untouched.
    public static let storeNewerSchema = Self("store.newer-schema")
    /// A write to a database that may only be read (the file or its folder is read-only).
    public static let storeReadOnly = Self("store.read-only")
    /// A change that SQLite refused for a constraint of the schema (CHECK, UNIQUE, FOREIGN KEY).
    public static let storeConstraintViolated = Self("store.constraint-violated")
    /// A search of more words than one query may hold.
    public static let searchTooManyWords = Self("store.search-too-many-words")
    /// A record changed by someone else since the version the caller expected.
    public static let storeStaleVersion = Self("store.stale-version")
    /// An organisation, chamber, person or region named (by id, code or name) that is not in the store.
    public static let storeReferenceNotFound = Self("store.reference-not-found")
    /// An organisation kind, enterprise size or chamber type that is none of the known ones.
    public static let storeUnknownValue = Self("store.unknown-value")
    /// A division code that is valid but not in the region table (the divisions are not loaded, or
    /// not this one).
    public static let divisionCodeNotLoaded = Self("store.division-code-not-loaded")
    /// An operation that needs the region table, on a store where it is empty.
    public static let divisionsNotLoaded = Self("store.divisions-not-loaded")
}

/// Causes of refused rows in the core imports (organisations, people) and of references that find
/// nothing, for callers and tests to match.
extension GSLError.Cause {
    /// A whole number outside the range a field allows (negative employees).
    public static let fieldOutOfRange = Self("store.field-out-of-range")
    /// A gender that is neither 男 nor 女.
    public static let genderUnknown = Self("store.gender-unknown")
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
