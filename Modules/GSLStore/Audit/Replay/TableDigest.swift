import GRDB
import GSLCore

/// One table's content reduced to its row count and a SHA-256: equal digests mean equal rows.
/// The hash covers the column names, then every row in primary-key order (a table without one:
/// ordered by all its columns; a virtual table: by rowid, which it holds as content), each value
/// with its SQLite type (integer, real by its bits, text and blob by length and bytes, null), so
/// `1`, `1.0` and `'1'` differ.
public struct TableDigest: Sendable, Equatable {
    /// The table.
    public var table: String
    /// How many rows it holds.
    public var rows: Int
    /// SHA-256 (hex) over its columns and rows.
    public var hash: String
}

/// What a table is to replay and its comparison.
public enum StoreTableKind: String, Sendable, Equatable {
    /// Rebuilt from the log: an `AuditedEntity` names it.
    case audited
    /// No audited entity names it, so nothing may have written it: it must be as the migrations
    /// left it (a table with rows here was written around the log).
    case unregistered
    /// The audit log itself (`audit_log`, `audit_head`): copied entry by entry.
    case log
    /// Derived from audited tables by triggers (the FTS5 search index); compared for information.
    case derived
    /// The migrations' own bookkeeping (`grdb_migrations`): the same migrations run in the replay.
    case schema

    /// Whether a difference in a table of this kind means the log does not account for the store.
    public var mustMatch: Bool {
        switch self {
        case .audited, .unregistered, .log: true
        case .derived, .schema: false
        }
    }
}

/// Content digests and row-by-row comparison of a store's tables.
enum TableContent {
    /// Every table worth comparing, by name, with its kind. Left out: SQLite's own tables
    /// (`sqlite_…`) and the shadow tables of virtual tables (`search_index_data`, `_idx`,
    /// `_config`, `_content`), whose bytes depend on the index's write and merge history; the
    /// virtual table's rows are compared instead.
    static func tables(_ db: Database, entities: [AuditedEntity]) throws -> [(
        name: String, kind: StoreTableKind
    )] {
        let rows = try Row.fetchAll(
            db,
            sql:
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
        let virtual = rows.filter {
            (($0["sql"] as String?) ?? "").uppercased().hasPrefix("CREATE VIRTUAL TABLE")
        }
        .map { $0["name"] as String }
        let audited = Set(entities.compactMap(\.table))
        var out: [(String, StoreTableKind)] = []
        for row in rows {
            let name: String = row["name"]
            if virtual.contains(where: { name.hasPrefix($0 + "_") }) { continue }
            let kind: StoreTableKind =
                if virtual.contains(name) {
                    .derived
                } else if name == "audit_log" || name == "audit_head" {
                    .log
                } else if name == "grdb_migrations" {
                    .schema
                } else if audited.contains(name) {
                    .audited
                } else {
                    .unregistered
                }
            out.append((name, kind))
        }
        return out
    }

    /// The table's rows in a stable order, with the columns that key them (for naming a row).
    static func orderedQuery(_ db: Database, table: String) throws -> (sql: String, key: [String]) {
        let quoted = table.quotedDatabaseIdentifier
        let sql = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
        if (sql ?? "").uppercased().hasPrefix("CREATE VIRTUAL TABLE") {
            return ("SELECT rowid AS rowid, * FROM \(quoted) ORDER BY rowid", ["rowid"])
        }
        let columns = try db.columns(in: table).map(\.name)
        let primaryKey = try db.primaryKey(table)
        let key: [String] =
            if let rowID = primaryKey.rowIDColumn {
                [rowID]
            } else if primaryKey.isRowID {
                columns
            } else {
                primaryKey.columns
            }
        let order = key.map { "\"\($0)\"" }.joined(separator: ", ")
        return ("SELECT * FROM \(quoted) ORDER BY \(order)", key)
    }

    /// The digest of `table`.
    static func digest(_ db: Database, table: String) throws -> TableDigest {
        let query = try orderedQuery(db, table: table)
        var hasher = SHA256()
        var count = 0
        var header = true
        let cursor = try Row.fetchCursor(db, sql: query.sql)
        var bytes: [UInt8] = []
        while let row = try cursor.next() {
            if header {
                hasher.update(row.columnNames.joined(separator: "\u{1F}") + "\u{1E}")
                header = false
            }
            bytes.removeAll(keepingCapacity: true)
            for value in row.databaseValues { append(value, to: &bytes) }
            bytes.append(0x1E)
            hasher.update(bytes)
            count += 1
        }
        if header {
            hasher.update(try db.columns(in: table).map(\.name).joined(separator: "\u{1F}") + "\u{1E}")
        }
        return TableDigest(table: table, rows: count, hash: SHA256.hexString(hasher.finalize()))
    }

    /// A value with its type tag: `n`, `i` + 8 bytes, `r` + the double's 8 bytes, `t`/`b` + length
    /// (8 bytes) + bytes.
    private static func append(_ value: DatabaseValue, to bytes: inout [UInt8]) {
        func word(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        switch value.storage {
        case .null: bytes.append(UInt8(ascii: "n"))
        case .int64(let i):
            bytes.append(UInt8(ascii: "i"))
            word(UInt64(bitPattern: i))
        case .double(let d):
            bytes.append(UInt8(ascii: "r"))
            word(d.bitPattern)
        case .string(let s):
            bytes.append(UInt8(ascii: "t"))
            word(UInt64(s.utf8.count))
            bytes.append(contentsOf: s.utf8)
        case .blob(let data):
            bytes.append(UInt8(ascii: "b"))
            word(UInt64(data.count))
            bytes.append(contentsOf: data)
        }
    }

    /// The first row where `table` differs between two stores, walking both in key order: a column
    /// whose values differ, or a row that only one of them holds at that position.
    static func firstDifference(_ source: Database, _ replay: Database, table: String) throws -> Message? {
        let query = try orderedQuery(source, table: table)
        let left = try Row.fetchCursor(source, sql: query.sql)
        let right = try Row.fetchCursor(replay, sql: query.sql)
        func keyText(_ row: Row) -> String {
            query.key.map { "\($0)=\((row[$0] as DatabaseValue).description)" }.joined(separator: ", ")
        }
        while true {
            let a = try left.next()
            let b = try right.next()
            switch (a, b) {
            case (nil, nil): return nil
            case (let a?, nil):
                return Message(
                    "\(table) 表的行（\(keyText(a))）在源库中有、重放结果中没有",
                    en: "\(table): the row \(keyText(a)) is in the source but not in the replay")
            case (nil, let b?):
                return Message(
                    "\(table) 表的行（\(keyText(b))）在重放结果中有、源库中没有",
                    en: "\(table): the row \(keyText(b)) is in the replay but not in the source")
            case (let a?, let b?):
                if keyText(a) != keyText(b) {
                    return Message(
                        "\(table) 表：源库的行（\(keyText(a))）与重放结果的行（\(keyText(b))）不对应",
                        en: "\(table): the source's row \(keyText(a)) meets the replay's row \(keyText(b))")
                }
                for column in a.columnNames {
                    let x: DatabaseValue = a[column]
                    let y: DatabaseValue = b[column]
                    if x != y || x.storage.kind != y.storage.kind {
                        return Message(
                            "\(table) 表的行（\(keyText(a))）的 \(column) 不同：源库 \(x.description)，重放 \(y.description)",
                            en:
                                "\(table): row \(keyText(a)) differs in \(column): \(x.description) in the source, \(y.description) in the replay"
                        )
                    }
                }
            }
        }
    }
}

extension DatabaseValue.Storage {
    /// The storage class, for telling `1` from `1.0`.
    var kind: Int {
        switch self {
        case .null: 0
        case .int64: 1
        case .double: 2
        case .string: 3
        case .blob: 4
        }
    }
}

extension Store {
    /// The content digest of `table` (see `TableDigest`).
    public func contentDigest(of table: String) throws(GSLError) -> TableDigest {
        try read { db in try TableContent.digest(db, table: table) }
    }
}
