import GSLCore

/// The causes of store errors, for callers and tests to match (the audit chain's are beside
/// `AuditAnchor`).
extension GSLError.Cause {
    /// A SQLite file that belongs to another application; it is left untouched.
    public static let storeNotGSL = Self("store.not-gsl")
    /// A store written by a newer gsl, with migrations this one does not know.
    public static let storeNewerSchema = Self("store.newer-schema")
    /// A write (or a schema upgrade) asked of a store that may only be read.
    public static let storeReadOnly = Self("store.read-only")
    /// A record changed by someone else since the version the caller expected.
    public static let storeStaleVersion = Self("store.stale-version")
    /// An organisation, chamber, person or region named (by id, code or name) that is not in the store.
    public static let storeReferenceNotFound = Self("store.reference-not-found")
    /// An organisation kind, enterprise size or chamber type that is none of the known ones.
    public static let storeUnknownValue = Self("store.unknown-value")
    /// A search with more words than the full-text index takes at once.
    public static let storeSearchTooManyWords = Self("store.search-too-many-words")
}
