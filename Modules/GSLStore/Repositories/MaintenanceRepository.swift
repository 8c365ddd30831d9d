import Foundation
import GRDB
import GSLCore

/// Counts per entity and schema state, for `gsl status`.
public struct StoreStatus: Sendable, Equatable {
    /// Rows per table, in a fixed order.
    public var counts: [(table: String, rows: Int)]
    /// The applied migrations, in order.
    public var migrations: [String]
    /// The file path, or nil in memory.
    public var path: String?
    /// File size in bytes (main file plus WAL).
    public var bytes: Int64

    /// Compares counts by value.
    public static func == (a: StoreStatus, b: StoreStatus) -> Bool {
        a.counts.map(\.table) == b.counts.map(\.table) && a.counts.map(\.rows) == b.counts.map(\.rows)
            && a.migrations == b.migrations && a.path == b.path && a.bytes == b.bytes
    }
}

/// Store maintenance: status, integrity check, online backup.
public struct MaintenanceRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// The tables shown by `gsl status`: every user table except FTS shadow tables.
    public func status() throws(GSLError) -> StoreStatus {
        let (counts, migrations) = try store.read { db -> ([(String, Int)], [String]) in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name NOT LIKE 'grdb_%' AND name NOT LIKE 'search_index%' ORDER BY rowid
                    """)
            var counts: [(String, Int)] = []
            for table in tables {
                counts.append((table, try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0))
            }
            let migrations = try String.fetchAll(
                db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            return (counts, migrations)
        }
        var bytes: Int64 = 0
        if let path = store.path {
            for file in [path, path + "-wal"] {
                let size =
                    (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
                    ?? 0
                bytes += size
            }
        }
        return StoreStatus(
            counts: counts.map { (table: $0.0, rows: $0.1) }, migrations: migrations, path: store.path,
            bytes: bytes)
    }

    /// Problems found by SQLite's integrity and foreign-key checks and by the audit chain; empty when healthy.
    public func check() throws(GSLError) -> [Message] {
        var problems = try store.read { db -> [Message] in
            var out: [Message] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                out.append(Message("完整性检查：\(line)", en: "integrity check: \(line)"))
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                out.append(
                    Message(
                        "外键失效：\(table) 第 \(rowid ?? 0) 行引用的 \(parent) 不存在",
                        en: "broken foreign key: \(table) row \(rowid ?? 0) refers to a missing \(parent)"))
            }
            return out
        }
        problems += try searchIndexProblems()
        problems += try AuditRepository(store: store).verify().problems
        return problems
    }

    /// Copies the store to `path` with SQLite's online backup (safe while others write).
    public func backup(to path: String) throws(GSLError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw GSLError.usage(
                "\(path) 是目录；请给出备份文件名", en: "\(path) is a directory; give a file name for the backup"
            ).because(.pathIsDirectory)
        }
        if FileManager.default.fileExists(atPath: path) {
            throw GSLError.conflict("目标文件已存在：\(path)", en: "target file exists: \(path)")
        }
        // The copy holds the same personal data: only its owner may read it.
        try StoreFile.createPrivate(path)
        do {
            let target = try DatabaseQueue(path: path)
            try store.writer.backup(to: target)
            try target.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw Store.translate(error, path: path)
        }
    }
}
