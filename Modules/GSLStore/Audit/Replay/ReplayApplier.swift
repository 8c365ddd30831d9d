import Foundation
import GRDB
import GSLCore

/// Applies audit entries, one after another, to the replayed store's open write transaction.
struct ReplayApplier {
    /// The replayed store's connection (inside its one write transaction).
    let db: Database
    /// Audited entities by name.
    let entities: [String: AuditedEntity]
    /// Entries applied or carried over.
    private(set) var entries = 0
    /// Entries that changed rows.
    private(set) var rowEntries = 0
    /// Entries that changed no table.
    private(set) var notes = 0
    /// Entries whose `before` did not match the replayed row (the first 20).
    private(set) var divergences: [Message] = []
    /// The last entry copied (for the chain's head).
    private var head: (seq: Int64, hash: String)?
    /// Primary-key columns by table.
    private var keys: [String: [String]] = [:]

    /// An applier writing through `db`.
    init(db: Database, entities: [String: AuditedEntity]) {
        self.db = db
        self.entities = entities
    }

    /// Copies `entry` into the log and applies its change.
    mutating func apply(_ entry: AuditEntry) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO audit_log (seq, at, actor, command, action, entity, entity_id, before, after, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            entry.seq, entry.at, entry.actor, entry.command, entry.action, entry.entity, entry.entityID,
            entry.before, entry.after, entry.prevHash, entry.hash,
        ])
        head = (entry.seq, entry.hash)
        entries += 1
        guard let spec = entities[entry.entity] else {
            throw GSLError.data(
                "审计日志第 \(entry.seq) 条的实体「\(entry.entity)」未登记为受审计实体，无法得知它改动哪张表",
                en:
                    "audit entry \(entry.seq): entity '\(entry.entity)' is not registered as audited, so its table is unknown"
            ).because(.replayUnknownEntity)
        }
        guard let table = spec.table else {
            notes += 1
            return
        }
        let after = try entry.after.map { text throws(GSLError) in try Self.payload(text, entry) }
        if case .rows(let columns, let rows)? = after {
            switch entry.action {
            case "insert": try insert(table, columns: columns, rows: rows, upsert: false, entry)
            case "update": try insert(table, columns: columns, rows: rows, upsert: true, entry)
            default: throw Self.unreadable(entry, "行批次只能是插入或更新", "a row batch must be an insert or an update")
            }
            rowEntries += 1
            return
        }
        if spec.batchesOnly {
            notes += 1
            return
        }
        switch entry.action {
        case "insert":
            guard case .row(let values)? = after else {
                throw Self.unreadable(entry, "插入缺少变更后的行", "an insert without the row after")
            }
            try insert(table, columns: values.map(\.0), rows: [values.map(\.1)], upsert: false, entry)
        case "update":
            guard case .row(let values)? = after else {
                throw Self.unreadable(entry, "更新缺少变更后的行", "an update without the row after")
            }
            let before = try beforeRow(entry)
            let key = try keyValues(table, before, entry)
            try check(table, key: key, before: before, entry)
            try run(
                "UPDATE \(table.quotedDatabaseIdentifier) SET \(values.map { "\($0.0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")) WHERE \(key.map { "\($0.0.quotedDatabaseIdentifier) = ?" }.joined(separator: " AND "))",
                values.map(\.1) + key.map(\.1), entry)
        case "delete":
            let before = try beforeRow(entry)
            let key = try keyValues(table, before, entry)
            try check(table, key: key, before: before, entry)
            try run(
                "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE \(key.map { "\($0.0.quotedDatabaseIdentifier) = ?" }.joined(separator: " AND "))",
                key.map(\.1), entry)
        default:
            throw Self.unreadable(entry, "未知动作「\(entry.action)」", "unknown action '\(entry.action)'")
        }
        rowEntries += 1
    }

    /// Records the chain's head (the last entry copied).
    func finish() throws {
        guard let head else { return }
        try db.execute(
            sql: "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)", arguments: [head.seq, head.hash])
    }

    /// Inserts rows (with `upsert`, replacing the other columns of a row whose key exists, as
    /// `Mutation.writeRows` did: every column is set to the recorded value).
    private func insert(
        _ table: String, columns: [String], rows: [[DatabaseValue]], upsert: Bool, _ entry: AuditEntry
    )
        throws
    {
        var sql =
            "INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        if upsert {
            sql +=
                " ON CONFLICT DO UPDATE SET "
                + columns.map { "\($0.quotedDatabaseIdentifier) = excluded.\($0.quotedDatabaseIdentifier)" }
                .joined(separator: ", ")
        }
        let statement: Statement
        do {
            statement = try db.cachedStatement(sql: sql)
        } catch {
            throw Self.failed(entry, error)
        }
        for row in rows {
            do {
                try statement.execute(arguments: StatementArguments(row))
            } catch {
                throw Self.failed(entry, error)
            }
        }
    }

    /// Runs one statement for `entry`; a statement that changed no row is a divergence (the
    /// row the entry names is missing, already reported by `check`).
    private func run(_ sql: String, _ arguments: [DatabaseValue], _ entry: AuditEntry) throws {
        do {
            try db.execute(sql: sql, arguments: StatementArguments(arguments))
        } catch {
            throw Self.failed(entry, error)
        }
    }

    /// Compares the row the replay holds under `key` with the entry's `before`.
    private mutating func check(
        _ table: String, key: [(String, DatabaseValue)], before: [(String, DatabaseValue)],
        _ entry: AuditEntry
    ) throws {
        let keyText = key.map { "\($0.0)=\($0.1.description)" }.joined(separator: ", ")
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE \(key.map { "\($0.0.quotedDatabaseIdentifier) = ?" }.joined(separator: " AND "))",
                arguments: StatementArguments(key.map(\.1)))
        else {
            note(
                Message(
                    "审计日志第 \(entry.seq) 条（\(entry.action) \(entry.entity) \(entry.entityID)）所改的行（\(table) \(keyText)）在重放中不存在",
                    en:
                        "audit entry \(entry.seq) (\(entry.action) \(entry.entity) \(entry.entityID)): the row \(table) \(keyText) does not exist in the replay"
                ))
            return
        }
        for (column, value) in before {
            let held: DatabaseValue = row.hasColumn(column) ? row[column] : .null
            if held != value || held.storage.kind != value.storage.kind {
                note(
                    Message(
                        "审计日志第 \(entry.seq) 条（\(entry.action) \(entry.entity) \(entry.entityID)）记录的变更前 \(column) 为 \(value.description)，重放中为 \(held.description)：此前有改动绕过了审计日志",
                        en:
                            "audit entry \(entry.seq) (\(entry.action) \(entry.entity) \(entry.entityID)) records \(column) = \(value.description) before the change, the replay holds \(held.description): an earlier change bypassed the log"
                    ))
                return
            }
        }
    }

    /// Keeps a divergence (the first 20).
    private mutating func note(_ message: Message) {
        if divergences.count < 20 { divergences.append(message) }
    }

    /// The entry's `before` as a row.
    private func beforeRow(_ entry: AuditEntry) throws(GSLError) -> [(String, DatabaseValue)] {
        guard let text = entry.before, case .row(let values) = try Self.payload(text, entry) else {
            throw Self.unreadable(entry, "缺少变更前的行", "no row before the change")
        }
        return values
    }

    /// The primary-key columns of `table` and their values in `row`.
    private mutating func keyValues(_ table: String, _ row: [(String, DatabaseValue)], _ entry: AuditEntry)
        throws
        -> [(String, DatabaseValue)]
    {
        let columns: [String]
        if let known = keys[table] {
            columns = known
        } else {
            let primaryKey = try db.primaryKey(table)
            if let rowID = primaryKey.rowIDColumn {
                columns = [rowID]
            } else if primaryKey.isRowID {
                throw Self.unreadable(
                    entry, "\(table) 表没有主键列，无法定位行", "table \(table) has no key column to find the row by")
            } else {
                columns = primaryKey.columns
            }
            keys[table] = columns
        }
        return try columns.map { column throws(GSLError) in
            guard let value = row.first(where: { $0.0 == column })?.1 else {
                throw Self.unreadable(
                    entry, "变更前的行缺少主键列 \(column)", "the row before lacks the key column \(column)")
            }
            return (column, value)
        }
    }

    /// Parses an entry's JSON.
    private static func payload(_ text: String, _ entry: AuditEntry) throws(GSLError) -> AuditPayload {
        guard let payload = AuditPayload.parse(text) else {
            throw unreadable(entry, "内容不是可读的 JSON 行", "its content is not a readable JSON row")
        }
        return payload
    }

    /// An entry that cannot be read as a change.
    private static func unreadable(_ entry: AuditEntry, _ zh: String, _ en: String) -> GSLError {
        GSLError.data(
            "审计日志第 \(entry.seq) 条（\(entry.action) \(entry.entity) \(entry.entityID)）无法重放：\(zh)",
            en:
                "audit entry \(entry.seq) (\(entry.action) \(entry.entity) \(entry.entityID)) cannot be replayed: \(en)"
        ).because(.replayUnreadableEntry)
    }

    /// An entry that SQLite refused.
    private static func failed(_ entry: AuditEntry, _ error: any Error) -> GSLError {
        let reason = (error as? DatabaseError)?.message ?? "\(error)"
        return GSLError.data(
            "审计日志第 \(entry.seq) 条（\(entry.action) \(entry.entity) \(entry.entityID)）重放失败：\(reason)",
            en:
                "audit entry \(entry.seq) (\(entry.action) \(entry.entity) \(entry.entityID)) failed to replay: \(reason)"
        ).because(.replayEntryFailed)
    }
}
