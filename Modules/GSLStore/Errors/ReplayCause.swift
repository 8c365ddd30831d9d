import GSLCore

/// The causes of errors in replaying the audit log into a new store (`AuditReplay`).
extension GSLError.Cause {
    /// The replay's target file already exists; it is left untouched (exit 75).
    public static let replayTargetExists = Self("store.replay-target-exists")
    /// An audit entry names an entity that no module registers as audited (`AuditedEntity`), so
    /// replay cannot tell which table it changes.
    public static let replayUnknownEntity = Self("store.replay-unknown-entity")
    /// An audit entry's before/after text is not the JSON that `Mutation` writes, or lacks what its
    /// action needs (a row, a key column).
    public static let replayUnreadableEntry = Self("store.replay-unreadable-entry")
    /// SQLite refused to apply an audit entry to the replayed store (a column the table lacks, a
    /// constraint); the entry's number and SQLite's reason are in the message.
    public static let replayEntryFailed = Self("store.replay-entry-failed")
    /// The replayed store differs from the source: a table's content hash, or a row that an entry's
    /// `before` describes otherwise. Something changed the source without the log.
    public static let replayDiffers = Self("store.replay-differs")
}
