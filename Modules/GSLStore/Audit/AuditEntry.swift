import Foundation
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
        finishHash(
            hashing(
                seq: seq, at: at, actor: actor, command: command, action: action, entity: entity,
                entityID: entityID, before: before, after: after),
            prevHash: prevHash)
    }

    /// The hash state over every field but the previous hash, which comes last: bulk imports
    /// compute these on all cores and then chain them one after another.
    static func hashing(
        seq: Int64, at: String, actor: String, command: String, action: String,
        entity: String, entityID: String, before: String?, after: String?
    ) -> SHA256 {
        var hasher = SHA256()
        for part in [
            String(seq), at, actor, command, action, entity, entityID, before ?? "\u{0}", after ?? "\u{0}",
        ] {
            hasher.update(part)
            hasher.update(separator)
        }
        return hasher
    }

    /// Completes `hashing(...)` with the previous entry's hash.
    static func finishHash(_ state: SHA256, prevHash: String) -> String {
        var hasher = state
        hasher.update(prevHash)
        hasher.update(separator)
        return SHA256.hexString(hasher.finalize())
    }

    private static let separator = "\u{1F}"

    /// Whether the stored hash matches the fields.
    public var isIntact: Bool {
        hash
            == AuditEntry.computeHash(
                seq: seq, at: at, actor: actor, command: command, action: action,
                entity: entity, entityID: entityID, before: before, after: after,
                prevHash: prevHash)
    }
}

extension AuditEntry {
    /// The ids a bulk entry covers (its entity id is `first..last`); nil for a single-row entry.
    public var idRange: ClosedRange<Int64>? {
        let parts = entityID.components(separatedBy: "..")
        guard parts.count == 2, let first = Int64(parts[0]), let last = Int64(parts[1]), first <= last
        else { return nil }
        return first...last
    }

    /// This entry as it concerns one row: a bulk entry narrowed to the row `id` (its `after` the
    /// object a single-row insert would carry, its entity id still the range); other entries
    /// unchanged. The hash stays the stored
    /// one, so a narrowed entry is for display, not for verification.
    public func narrowed(to id: Int64) -> AuditEntry {
        guard let range = idRange, range.contains(id), let after,
            let object = try? JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any],
            let columns = object["columns"] as? [String], let rows = object["rows"] as? [[Any]],
            Int(id - range.lowerBound) < rows.count
        else { return self }
        let row = rows[Int(id - range.lowerBound)]
        guard row.count == columns.count else { return self }
        let pairs: [(String, DatabaseValue)] = zip(columns, row).map { column, value in
            switch value {
            case let text as String: return (column, text.databaseValue)
            case let number as NSNumber:
                let double = number.doubleValue
                if double == double.rounded(), abs(double) < 9.0e15 {
                    return (column, number.int64Value.databaseValue)
                }
                return (column, double.databaseValue)
            default: return (column, .null)
            }
        }
        var copy = self
        copy.after = AuditJSON.object(pairs)
        return copy
    }
}
