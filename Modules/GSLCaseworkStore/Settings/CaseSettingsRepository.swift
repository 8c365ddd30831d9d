import GRDB
import GSLCasework
import GSLCore
import GSLStore

/// The casework settings stored in the database (one row, audited).
public struct CaseSettingsRepository: Sendable {
    /// The store (with `CaseSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// The stored settings, or the empty settings (every part defaulted) when none are stored.
    public func load() throws(GSLError) -> CaseSettings {
        let text: String? = try store.read { db in
            try String.fetchOne(db, sql: "SELECT json FROM case_settings WHERE id = 1")
        }
        guard let text else { return CaseSettings() }
        return try CaseSettings.parse(text, file: "case_settings")
    }

    /// Stores new settings (audited), replacing the previous ones, and in the same transaction
    /// computes the stored due dates of every open request again under the new SLA policies, so
    /// that the candidate scan of the SLA views agrees with the full view. Returns how many
    /// requests' due dates changed.
    @discardableResult
    public func save(_ settings: CaseSettings, context: MutationContext) throws(GSLError) -> Int {
        let json = settings.json()
        let policies = settings.policies ?? .standard
        return try store.write(context) { m -> Int in
            if try Bool.fetchOne(m.db, sql: "SELECT 1 FROM case_settings WHERE id = 1") == true {
                try m.update(
                    table: "case_settings", entity: "case_settings", key: 1.databaseValue,
                    expectedVersion: nil,
                    changes: [("json", json.databaseValue), ("updated_at", m.context.at.databaseValue)])
            } else {
                try m.insert(
                    into: "case_settings", entity: "case_settings",
                    values: [
                        ("id", 1.databaseValue), ("json", json.databaseValue),
                        ("updated_at", m.context.at.databaseValue),
                    ], key: "1")
            }
            return try CaseSLARepository.recomputeDueDates(policies: policies, m)
        }
    }
}
