import Foundation
import GRDB
import GSLCore

/// The one SQLite store: opens the file (WAL, busy timeout, foreign keys), runs every registered
/// migration, and routes each mutation through the audit log.
public final class Store: Sendable {
    /// The database connection pool (or queue, for in-memory stores).
    public let writer: any DatabaseWriter
    /// The file path, or nil for an in-memory store.
    public let path: String?
    /// The migrations this store was opened with, in order.
    public let migrations: [StoreMigration]

    /// Whether the file was opened read-only (it or its folder cannot be written); writes then
    /// fail with a "read-only" error (exit 77).
    public let isReadOnly: Bool

    /// Opens the store at `path` and migrates it. Only with `create` is a missing file created
    /// (mode 0600); a file that is not gsl's, or that a newer gsl wrote, is refused untouched.
    public init(path: String, migrations: [StoreMigration] = Store.coreMigrations, create: Bool = false)
        throws(GSLError)
    {
        self.path = path
        self.migrations = migrations
        let file = try StoreFile.inspect(path: path, migrations: migrations, create: create)
        do {
            switch file.openAccess {
            case .readWrite:
                self.isReadOnly = false
                self.writer = try DatabasePool(path: path, configuration: Store.configuration())
                // Nothing pending (the common case, seen by `inspect` on its read-only connection):
                // skip the migrator, whose barrier write would take the write lock on every start.
                if !file.pending.isEmpty { try Store.migrate(writer, migrations) }
            case .readOnly(let uri):
                self.isReadOnly = true
                var config = Store.configuration(readOnly: true)
                config.readonly = true
                self.writer = try DatabaseQueue(path: uri, configuration: config)
            }
        } catch let error as GSLError {
            throw error
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// A fresh in-memory store, for tests.
    public init(inMemory migrations: [StoreMigration] = Store.coreMigrations) throws(GSLError) {
        self.path = nil
        self.migrations = migrations
        self.isReadOnly = false
        do {
            self.writer = try DatabaseQueue(configuration: Store.configuration())
            try Store.migrate(writer, migrations)
        } catch {
            throw Store.translate(error, path: nil)
        }
    }

    /// How much of a store file reads map into memory (`PRAGMA mmap_size`).
    static let mappedBytes = 1 << 30

    static func configuration(readOnly: Bool = false) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // Reads map the file (up to 1 GiB) instead of copying each page into the page cache: a
            // scan of a hundred thousand postings spent a fifth of its time in the kernel's copies
            // and in faulting in cache memory. Writes still go through the cache and the WAL.
            try db.execute(sql: "PRAGMA mmap_size = \(Store.mappedBytes)")
            if readOnly { return }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB page cache: a large import stays in memory until commit instead of spilling.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        return config
    }

    static func migrate(_ writer: any DatabaseWriter, _ migrations: [StoreMigration]) throws {
        var migrator = DatabaseMigrator()
        for m in migrations {
            migrator.registerMigration(m.identifier) { db in try m.apply(db) }
        }
        try migrator.migrate(writer)
    }

    /// Runs read-only work.
    public func read<T>(_ work: (Database) throws -> T) throws(GSLError) -> T {
        do {
            if let scope = batchScope { return try work(scope.db) }
            return try writer.read(work)
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Runs one write transaction whose changes are recorded in the audit log under `context`.
    /// Either every change and its audit entries commit, or nothing does.
    public func write<T>(_ context: MutationContext, _ work: (Mutation) throws -> T) throws(GSLError) -> T {
        if isReadOnly { throw StoreFile.readOnly(path ?? "", needsMigration: false) }
        do {
            if let scope = batchScope { return try writeInBatch(scope, context, work) }
            return try writer.write { db in
                let mutation = Mutation(db: db, context: context)
                let result = try work(mutation)
                try mutation.settle()
                try mutation.flushAudit()
                return result
            }
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Runs `work` in a write transaction and always rolls it back: validation of a `--dry-run`.
    public func dryRun<T>(_ context: MutationContext, _ work: (Mutation) throws -> T) throws(GSLError) -> T {
        var output: T?
        if isReadOnly { throw StoreFile.readOnly(path ?? "", needsMigration: false) }
        if batchScope != nil {
            throw GSLError(
                .internalError, Message("内部错误：批处理中不能试运行", en: "internal error: a dry run inside a batch"))
        }
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction {
                    let mutation = Mutation(db: db, context: context)
                    output = try work(mutation)
                    try mutation.settle()
                    return .rollback
                }
            }
        } catch {
            throw Store.translate(error, path: path)
        }
        return output!
    }

    /// Turns database and other errors into the one error type with a clear message.
    public static func translate(_ error: any Error, path: String?) -> GSLError {
        if let error = error as? GSLError { return error }
        if let bulk = error as? Mutation.BulkRowError { return translate(bulk.error, path: path) }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return GSLError.conflict("数据库正忙，请稍后重试", en: "the database is busy; try again")
            case .SQLITE_CONSTRAINT:
                return GSLError.conflict(
                    "违反约束：\(db.message ?? "")", en: "constraint violated: \(db.message ?? "")"
                ).because(.storeConstraintViolated)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return GSLError(
                    .data,
                    Message(
                        "不是有效的 gsl 数据库文件：\(path ?? "")",
                        en: "not a valid gsl database file: \(path ?? "")")
                ).because(.storeNotGSL)
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
                return StoreFile.readOnly(path ?? "", needsMigration: false)
            case .SQLITE_CANTOPEN:
                return GSLError(
                    .notFound,
                    Message(
                        "无法打开数据库：\(path ?? "")（\(db.message ?? "")）",
                        en: "cannot open database \(path ?? ""): \(db.message ?? "")"))
            default:
                return GSLError(
                    .internalError,
                    Message(
                        "数据库错误：\(db.message ?? "\(db)")",
                        en: "database error: \(db.message ?? "\(db)")"))
            }
        }
        return GSLError(.internalError, Message("内部错误：\(error)", en: "internal error: \(error)"))
    }
}
