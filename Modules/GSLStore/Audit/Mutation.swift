import GRDB
import GSLCore

/// The one path for changes: each insert, update and delete made through it is written together
/// with its audit entry, in the caller's transaction.
public final class Mutation {
    /// The open write transaction, for reading. A row changed through it other than by
    /// `Mutation`'s methods fails the whole write (`settle`), so no module changes the database
    /// unrecorded.
    public let db: Database
    /// Who acts, and by which command.
    public let context: MutationContext
    var head: (seq: Int64, hash: String)?
    /// How deep the audited write scopes are nested.
    private var writeDepth = 0
    /// The connection's count of changed rows after the last audited write.
    private let ledger: ChangeLedger

    /// A mutation on `db`; `ledger` is shared by the writes of one batch (a fresh one otherwise).
    init(db: Database, context: MutationContext, ledger: ChangeLedger? = nil) {
        self.db = db
        self.context = context
        self.ledger = ledger ?? ChangeLedger(db)
    }

    /// Runs GSLStore's own writes (audited by their caller): the rows they change are accounted
    /// for; rows changed before them, since the last audited write, are not, and fail the write.
    func writing<T>(_ body: () throws -> T) throws -> T {
        if writeDepth == 0 { try settle() }
        writeDepth += 1
        defer {
            writeDepth -= 1
            if writeDepth == 0 { ledger.settled = db.totalChangesCount }
        }
        return try body()
    }

    /// Throws when rows changed since the last audited write other than through `Mutation`
    /// (a statement the caller ran on `db` itself): a bug in the module, never the user's doing.
    /// The write transaction, and with it the change, is rolled back. SQLite counts the rows every
    /// INSERT, UPDATE and DELETE changes (`sqlite3_total_changes`), triggers included.
    func settle() throws {
        try ledger.settle(db)
    }

    /// Inserts a row and records it (with its integer id when the table has one, even when the
    /// entry is keyed by `key`); returns the new rowid.
    @discardableResult
    public func insert(
        into table: String, entity: String, values: [(String, DatabaseValue)],
        key: String? = nil
    ) throws -> Int64 {
        let columns = values.map(\.0)
        let sql =
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        let statement = try db.cachedStatement(sql: sql)
        let rowID = try writing {
            try statement.execute(arguments: StatementArguments(values.map(\.1)))
            return db.lastInsertedRowID
        }
        // The row id goes into the entry whenever the table has one (an INTEGER PRIMARY KEY), also
        // for a row recorded under another key: replaying the log must rebuild the same ids.
        var after = values
        if let idColumn = try db.primaryKey(table).rowIDColumn, !columns.contains(idColumn) {
            after.append((idColumn, rowID.databaseValue))
        }
        try audit(
            action: "insert", entity: entity, entityID: key ?? String(rowID),
            before: nil, after: AuditJSON.object(after))
        return rowID
    }

    /// Updates the row `keyColumn = key` with `changes`, checking `version` when given (optimistic
    /// locking); records before and after. Throws not-found or conflict.
    public func update(
        table: String, entity: String, keyColumn: String = "id", key: DatabaseValue,
        expectedVersion: Int64?, changes: [(String, DatabaseValue)]
    ) throws {
        let before = try existingRow(table: table, entity: entity, keyColumn: keyColumn, key: key)
        var sets = changes.map { "\($0.0) = ?" }
        var args = changes.map(\.1)
        let versioned = before.hasColumn("version")
        if versioned {
            sets.append("version = version + 1")
            if before.hasColumn("updated_at") {
                sets.append("updated_at = ?")
                args.append(context.at.databaseValue)
            }
        }
        var sql = "UPDATE \(table) SET \(sets.joined(separator: ", ")) WHERE \(keyColumn) = ?"
        args.append(key)
        if versioned, let expectedVersion {
            sql += " AND version = ?"
            args.append(expectedVersion.databaseValue)
        }
        let changed = try writing {
            try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(args))
            return db.changesCount
        }
        if changed == 0 {
            throw GSLError.conflict(
                "\(entity) \(key.description) 已被他人修改，请重新读取后再试",
                en: "\(entity) \(key.description) was changed by someone else; reload and retry"
            ).because(.storeStaleVersion)
        }
        let after = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM \(table) WHERE \(keyColumn) = ?"), arguments: [key])!
        try audit(
            action: "update", entity: entity, entityID: key.description.trimmingQuotes,
            before: AuditJSON.object(before), after: AuditJSON.object(after))
    }

    /// Deletes the row `keyColumn = key` and records what it was.
    public func delete(table: String, entity: String, keyColumn: String = "id", key: DatabaseValue) throws {
        let before = try existingRow(table: table, entity: entity, keyColumn: keyColumn, key: key)
        try writing {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(keyColumn) = ?").execute(arguments: [
                key
            ])
        }
        try audit(
            action: "delete", entity: entity, entityID: key.description.trimmingQuotes,
            before: AuditJSON.object(before), after: nil)
    }

    /// The row `keyColumn = key` as it stands, or not-found.
    private func existingRow(table: String, entity: String, keyColumn: String, key: DatabaseValue) throws
        -> Row
    {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM \(table) WHERE \(keyColumn) = ?"), arguments: [key])
        else {
            throw GSLError.notFound(
                "\(entity) \(key.description) 不存在", en: "\(entity) \(key.description) not found")
        }
        return row
    }

    /// Appends one audit entry chained to the previous one.
    public func audit(action: String, entity: String, entityID: String, before: String?, after: String?)
        throws
    {
        let last = try currentHead()
        let seq = last.seq + 1
        let hash = AuditEntry.computeHash(
            seq: seq, at: context.at, actor: context.actor, command: context.command,
            action: action, entity: entity, entityID: entityID, before: before,
            after: after, prevHash: last.hash)
        try appendAudit(
            seq: seq, action: action, entity: entity, entityID: entityID, before: before, after: after,
            hash: hash)
    }

    /// The last entry of the chain (0 and "" when the log is empty), read once per transaction.
    func currentHead() throws -> (seq: Int64, hash: String) {
        if let head { return head }
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))
        let found = row.map { (seq: $0["seq"] as Int64, hash: $0["hash"] as String) } ?? (seq: 0, hash: "")
        head = found
        return found
    }

    /// Writes an entry whose hash is already computed and makes it the head.
    func appendAudit(
        seq: Int64, action: String, entity: String, entityID: String, before: String?, after: String?,
        hash: String
    ) throws {
        let prevHash = try currentHead().hash
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO audit_log (seq, at, actor, command, action, entity, entity_id, before, after, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try writing {
            try statement.execute(arguments: [
                seq, context.at, context.actor, context.command, action, entity, entityID,
                before, after, prevHash, hash,
            ])
        }
        head = (seq, hash)
    }

    func flushAudit() throws {
        guard let head else { return }
        try writing {
            try db.cachedStatement(
                sql:
                    "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash"
            ).execute(arguments: [head.seq, head.hash])
        }
    }
}

/// Rows changed on a connection, as last accounted for by an audited write. An earlier design made
/// the connection `query_only` outside `Mutation`'s methods, but every switch of that pragma
/// expires all of the connection's prepared statements, so each statement was compiled again on
/// its next use; counting changed rows costs nothing and keeps cached statements.
final class ChangeLedger {
    var settled: Int

    init(_ db: Database) { settled = db.totalChangesCount }

    func settle(_ db: Database) throws {
        let now = db.totalChangesCount
        guard now != settled else { return }
        let rows = now - settled
        settled = now
        throw GSLError(
            .internalError,
            Message(
                "内部错误：有写入绕过了审计日志（\(rows) 行）",
                en: "internal error: a write bypassed the audit log (\(rows) row\(rows == 1 ? "" : "s"))")
        ).because(.writeBypassedAudit)
    }
}

extension String {
    /// `"abc"` → `abc`: DatabaseValue descriptions quote strings.
    var trimmingQuotes: String {
        if count >= 2 && hasPrefix("\"") && hasSuffix("\"") { return String(dropFirst().dropLast()) }
        return self
    }
}

extension Mutation {
    /// Refuses a change made from a stale read: `expected` (when given) must be the `found` version.
    /// `what` names the record, e.g. 诉求 #3 / request #3.
    public static func checkVersion(_ expected: Int64?, found: Int64, what: Message) throws(GSLError) {
        guard let expected, expected != found else { return }
        throw GSLError.conflict(
            "\(what.zh) 已被他人修改（版本 \(found)），请重新查看后再操作",
            en: "\(what.en) was changed by someone else (version \(found)); reload and retry"
        ).because(.storeStaleVersion)
    }
}
