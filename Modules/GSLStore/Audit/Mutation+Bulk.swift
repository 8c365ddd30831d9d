import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import GSLCore
import GSLTabular

extension Mutation {
    /// Rows recorded per audit entry of a bulk insert.
    public static let bulkAuditRows = 1_000

    /// A bulk insert failed on one row (`index` into the rows given).
    public struct BulkRowError: Error {
        /// Which row.
        public let index: Int
        /// What SQLite said.
        public let error: any Error
    }

    /// Inserts many new rows through one prepared statement, with consecutive ids after the table's
    /// largest, and records them in the audit log, all in the caller's transaction (`BulkInsert`
    /// with all rows at once). Returns the first new id.
    @discardableResult
    public func insertMany(
        into table: String, entity: String, columns: [String], rows: [[DatabaseValue]]
    ) throws -> Int64 {
        guard !rows.isEmpty else { return 0 }
        let bulk = try BulkInsert(
            self, into: table, entity: entity, columns: columns, expectedRows: rows.count)
        try bulk.append(rows)
        return try bulk.finish()
    }
}

/// New rows written as they come, through one prepared statement, with consecutive ids after the
/// table's largest, in the caller's transaction. `finish()` records them in the audit log: one
/// entry per `Mutation.bulkAuditRows` rows, action `insert`, entity id `first..last`, and as
/// `after` the rows themselves, `{"columns":[…],"rows":[[…],…]}` (columns sorted, `id` included).
/// When the rows expected are at least as many as the table holds, its plain (non-unique) indexes
/// are dropped first and built again by `finish()` — one sort each instead of a B-tree insert per
/// row; unique indexes stay, so constraints are still checked on every row. A failed row throws
/// `Mutation.BulkRowError` with its index among all rows appended.
public final class BulkInsert {
    private let mutation: Mutation
    private let table: String
    private let entity: String
    private let columns: [String]
    /// The id of the first row.
    public let firstID: Int64
    /// Rows written so far.
    public private(set) var count = 0
    /// Rows written but not yet handed to the audit (fewer than `Mutation.bulkAuditRows`).
    private var pending: [[DatabaseValue]] = []
    private let audit: BulkAudit
    private let auditWork = DispatchGroup()
    private let droppedIndexes: [(String, String)]
    private let statement: Statement

    /// Prepares the insert; drops the plain indexes when `expectedRows` outnumber the table's rows,
    /// except those named in `keeping` (ones the caller looks rows up by while it inserts).
    public init(
        _ mutation: Mutation, into table: String, entity: String, columns: [String], expectedRows: Int,
        keeping: Set<String> = []
    ) throws {
        self.mutation = mutation
        self.table = table
        self.entity = entity
        self.columns = columns
        let db = mutation.db
        firstID = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(table)") ?? 0) + 1
        let existing = try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
        let dropped =
            expectedRows > 0 && existing <= Int64(expectedRows)
            ? try Self.plainIndexes(db, of: table).filter { !keeping.contains($0.0) } : []
        droppedIndexes = dropped
        try mutation.writing { for (name, _) in dropped { try db.execute(sql: "DROP INDEX \(name)") } }
        let all = ["id"] + columns
        statement = try db.makeStatement(
            sql:
                "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: all.count).joined(separator: ", ")))"
        )
        audit = BulkAudit(entity: entity, columns: columns, firstID: firstID)
        pending.reserveCapacity(Mutation.bulkAuditRows)
    }

    deinit { auditWork.wait() }

    /// Writes `more` rows (values of `columns`, not `id`).
    public func append(_ more: [[DatabaseValue]]) throws {
        try mutation.writing { try appendRows(more) }
    }

    private func appendRows(_ more: [[DatabaseValue]]) throws {
        let handle = statement.sqliteStatement
        let width = columns.count
        let db = mutation.db
        defer { sqlite3_reset(handle) }
        // Each row's text goes into one reused buffer bound in place (SQLITE_STATIC): no copy or
        // allocation per value inside SQLite.
        var bytes: [UInt8] = []
        var spans: [(Int, Int)] = Array(repeating: (0, 0), count: width)
        for row in more {
            let index = count
            bytes.removeAll(keepingCapacity: true)
            for k in 0..<width {
                if case .string(var text) = row[k].storage {
                    let start = bytes.count
                    text.withUTF8 { bytes.append(contentsOf: $0) }
                    spans[k] = (start, bytes.count - start)
                }
            }
            bytes.append(0)
            let rc = bytes.withUnsafeBufferPointer { buffer -> Int32 in
                sqlite3_reset(handle)
                sqlite3_bind_int64(handle, 1, firstID + Int64(index))
                let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                for k in 0..<width {
                    let position = Int32(k + 2)
                    switch row[k].storage {
                    case .null: sqlite3_bind_null(handle, position)
                    case .int64(let v): sqlite3_bind_int64(handle, position, v)
                    case .double(let v): sqlite3_bind_double(handle, position, v)
                    case .string:
                        sqlite3_bind_text(handle, position, base + spans[k].0, Int32(spans[k].1), nil)
                    case .blob(let data):
                        data.withUnsafeBytes {
                            _ = sqlite3_bind_blob(
                                handle, position, $0.baseAddress, Int32($0.count),
                                unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                        }
                    }
                }
                return sqlite3_step(handle)
            }
            if rc != SQLITE_DONE {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                throw Mutation.BulkRowError(
                    index: index, error: DatabaseError(resultCode: ResultCode(rawValue: rc), message: message)
                )
            }
            count += 1
            pending.append(row)
            if pending.count == Mutation.bulkAuditRows { handOver() }
        }
    }

    /// Gives the pending rows to the audit, whose JSON is written on another core; the rows are
    /// then let go, so a large import holds its audit text, not its values.
    private func handOver() {
        guard !pending.isEmpty else { return }
        let rows = pending
        let first = count - rows.count
        let audit = self.audit
        pending.removeAll(keepingCapacity: true)
        DispatchQueue.global().async(group: auditWork) { audit.add(rows, firstIndex: first) }
    }

    /// Builds the dropped indexes again and appends the audit entries (their hash states are
    /// computed on other cores meanwhile: the chain needs each previous hash only at the end, so
    /// the hash state over an entry's own fields comes first). Returns the first id (0 when no row
    /// was written).
    @discardableResult
    public func finish() throws -> Int64 {
        let db = mutation.db
        handOver()
        guard count > 0 else {
            try mutation.writing { for (_, sql) in droppedIndexes { try db.execute(sql: sql) } }
            return 0
        }
        let head = try mutation.currentHead()
        let context = mutation.context
        let audit = self.audit
        let hashing = DispatchGroup()
        auditWork.wait()
        DispatchQueue.global().async(group: hashing) { audit.hash(firstSeq: head.seq + 1, context: context) }
        do {
            try mutation.writing { for (_, sql) in droppedIndexes { try db.execute(sql: sql) } }
        } catch {
            hashing.wait()
            throw error
        }
        hashing.wait()
        var previous = head.hash
        for chunk in 0..<audit.afters.count {
            let hash = AuditEntry.finishHash(audit.states[chunk], prevHash: previous)
            try mutation.appendAudit(
                seq: head.seq + 1 + Int64(chunk), action: "insert", entity: entity,
                entityID: audit.entityIDs[chunk], before: nil, after: audit.afters[chunk], hash: hash)
            previous = hash
        }
        return firstID
    }

    /// The non-unique indexes created on `table` (name and CREATE statement).
    private static func plainIndexes(_ db: Database, of table: String) throws -> [(String, String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
                """, arguments: [table]
        ).map { ($0["name"], $0["sql"]) }
    }
}

/// The audit entries of one bulk insert: each chunk's JSON, written on other cores as the rows
/// come, then each entry's hash state up to (not including) the previous entry's hash.
private final class BulkAudit: @unchecked Sendable {
    let entity: String
    let firstID: Int64
    /// Position of each sorted column in a row (`-1` is the id).
    let order: [Int]
    let header: String
    private let lock = NSLock()
    /// Per chunk, in id order once every chunk is in.
    private(set) var afters: [String] = []
    private(set) var entityIDs: [String] = []
    private(set) var states: [SHA256] = []

    init(entity: String, columns: [String], firstID: Int64) {
        self.entity = entity
        self.firstID = firstID
        let named = [("id", -1)] + columns.enumerated().map { ($0.element, $0.offset) }
        let sorted = named.sorted { $0.0 < $1.0 }
        order = sorted.map(\.1)
        var head = "{\"columns\":["
        head += sorted.map { JSONText.quoted($0.0) }.joined(separator: ",")
        head += "],\"rows\":["
        header = head
    }

    /// Writes the entry for `rows`, the rows numbered from `firstIndex` (0 is `firstID`); chunks
    /// are whole multiples of `Mutation.bulkAuditRows` except the last.
    func add(_ rows: [[DatabaseValue]], firstIndex: Int) {
        var json = header
        json.reserveCapacity(header.utf8.count + rows.count * 200)
        for (offset, row) in rows.enumerated() {
            json += offset == 0 ? "[" : ",["
            for (k, column) in order.enumerated() {
                if k > 0 { json += "," }
                if column < 0 {
                    json += String(firstID + Int64(firstIndex + offset))
                } else {
                    AuditJSON.appendValue(row[column], to: &json)
                }
            }
            json += "]"
        }
        json += "]}"
        let id = "\(firstID + Int64(firstIndex))..\(firstID + Int64(firstIndex + rows.count - 1))"
        let chunk = firstIndex / Mutation.bulkAuditRows
        lock.lock()
        while afters.count <= chunk {
            afters.append("")
            entityIDs.append("")
        }
        afters[chunk] = json
        entityIDs[chunk] = id
        lock.unlock()
    }

    /// The hash state of every entry, on all cores (after the last `add`).
    func hash(firstSeq: Int64, context: MutationContext) {
        let count = afters.count
        var out = [SHA256](repeating: SHA256(), count: count)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let states = buffer
            DispatchQueue.concurrentPerform(iterations: count) { chunk in
                states[chunk] = AuditEntry.hashing(
                    seq: firstSeq + Int64(chunk), at: context.at, actor: context.actor,
                    command: context.command, action: "insert", entity: entity, entityID: entityIDs[chunk],
                    before: nil, after: afters[chunk])
            }
        }
        states = out
    }
}
