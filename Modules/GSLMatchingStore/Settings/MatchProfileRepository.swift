import GRDB
import GSLCore
import GSLMatching
import GSLStore

/// The weights profile stored in the database (one row, audited).
public struct MatchProfileRepository: Sendable {
    /// The store (with `MatchingSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// The stored profile, or the built-in one when none is stored.
    public func load() throws(GSLError) -> MatchProfile {
        let text: String? = try store.read { db in
            try String.fetchOne(db, sql: "SELECT json FROM match_settings WHERE id = 1")
        }
        guard let text else { return .standard }
        return try MatchProfile.parse(text, file: "match_settings")
    }

    /// Stores a profile (audited), replacing the previous one.
    public func save(_ profile: MatchProfile, context: MutationContext) throws(GSLError) {
        let json = profile.json()
        try store.write(context) { m in
            if try Bool.fetchOne(m.db, sql: "SELECT 1 FROM match_settings WHERE id = 1") == true {
                try m.update(
                    table: "match_settings", entity: "match_settings", key: 1.databaseValue,
                    expectedVersion: nil,
                    changes: [("json", json.databaseValue), ("updated_at", m.context.at.databaseValue)])
            } else {
                try m.insert(
                    into: "match_settings", entity: "match_settings",
                    values: [
                        ("id", 1.databaseValue), ("json", json.databaseValue),
                        ("updated_at", m.context.at.databaseValue),
                    ], key: "1")
            }
        }
    }
}
