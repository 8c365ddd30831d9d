import GRDB

/// What the search index holds for each entity, and a bulk path for imports: maintaining the
/// trigram index row by row through triggers costs several times more than indexing the new rows
/// in one statement at the end of the import's transaction.
enum SearchIndexing {
    /// The indexed body text of an organisation (`prefix` is `new.` inside a trigger). Credit codes
    /// are not in it: they are found through their unique index.
    static func organisationBody(_ prefix: String) -> String {
        "trim(coalesce(\(prefix)address, '') || ' ' || coalesce(\(prefix)legal_rep, '') || ' ' || coalesce(\(prefix)note, ''))"
    }

    /// The indexed body text of a person.
    static func personBody(_ prefix: String) -> String {
        "trim(coalesce(\(prefix)title, '') || ' ' || coalesce(\(prefix)note, ''))"
    }

    /// Runs `work` (inserts into `table`) with the row-by-row insert trigger removed, then indexes
    /// every row added by it in one statement and restores the trigger, all in the caller's
    /// transaction: other connections never see the trigger missing.
    static func bulkInserting<T>(_ m: Mutation, table: String, _ work: () throws -> T) throws -> T {
        let db = m.db
        let (tag, entity, title, body): (Int, String, String, String)
        switch table {
        case "organisations": (tag, entity, title, body) = (1, "organisation", "name", organisationBody(""))
        case "people": (tag, entity, title, body) = (2, "person", "name", personBody(""))
        default: return try work()
        }
        let trigger = "\(table)_search_insert"
        guard
            let createSQL = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                arguments: [trigger])
        else {
            return try work()
        }
        let before = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(table)") ?? 0
        // The search index is derived from audited rows, so its upkeep is not audited itself.
        try m.writing { try db.execute(sql: "DROP TRIGGER \(trigger)") }
        let result = try work()
        try m.writing {
            try db.execute(
                sql: """
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    SELECT id * 16 + \(tag), '\(entity)', id, \(title), \(body) FROM \(table) WHERE id > ?
                    """, arguments: [before])
            try db.execute(sql: createSQL)
        }
        return result
    }
}
