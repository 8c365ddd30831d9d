import GRDB
import GSLCore

/// One line of the append-only, hash-chained audit log.
public struct AuditEntry: Sendable, Equatable, FetchableRecord {
    /// Position in the chain, from 1.
    public var seq: Int64
    /// UTC ISO-8601 instant.
    public var at: String
    /// Who acted.
    public var actor: String
    /// The command line that made the change.
    public var command: String
    /// `insert`, `update` or `delete`.
    public var action: String
    /// The entity type, e.g. `organisation`.
    public var entity: String
    /// The entity's key.
    public var entityID: String
    /// The record before the change as JSON (nil for inserts).
    public var before: String?
    /// The record after the change as JSON (nil for deletes).
    public var after: String?
    /// The hash of the previous entry ("" for the first).
    public var prevHash: String
    /// SHA-256 over this entry's fields and `prevHash`.
    public var hash: String

    /// Decodes a row of `audit_log`.
    public init(row: Row) {
        seq = row["seq"]
        at = row["at"]
        actor = row["actor"]
        command = row["command"]
        action = row["action"]
        entity = row["entity"]
        entityID = row["entity_id"]
        before = row["before"]
        after = row["after"]
        prevHash = row["prev_hash"]
        hash = row["hash"]
    }

    /// The hash that an entry with these fields must carry.
    public static func computeHash(
        seq: Int64, at: String, actor: String, command: String, action: String,
        entity: String, entityID: String, before: String?, after: String?,
        prevHash: String
    ) -> String {
        var hasher = SHA256()
        let separator = "\u{1F}"
        for part in [
            String(seq), at, actor, command, action, entity, entityID, before ?? "\u{0}", after ?? "\u{0}",
            prevHash,
        ] {
            hasher.update(part)
            hasher.update(separator)
        }
        return SHA256.hexString(hasher.finalize())
    }

    /// Whether the stored hash matches the fields.
    public var isIntact: Bool {
        hash
            == AuditEntry.computeHash(
                seq: seq, at: at, actor: actor, command: command, action: action,
                entity: entity, entityID: entityID, before: before, after: after,
                prevHash: prevHash)
    }
}
