import Foundation
import GRDB
import GSLCore

/// What `MaintenanceRepository.restore` did.
public struct RestoreReport: Sendable, Equatable {
    /// The backup file restored from.
    public var backup: String
    /// The number of audit entries in the backup (and now in the store).
    public var auditEntries: Int64
    /// The audit entries of the replaced store that the backup does not hold (lost by `force`).
    public var discardedEntries: Int64
    /// Migrations applied to the backup's copy because it was written by an older gsl.
    public var migrated: Int
}

extension MaintenanceRepository {
    /// Replaces this store's content with the backup at `source`.
    ///
    /// The backup is never written: it is first copied (SQLite's backup API, read-only on the
    /// source) into a private temporary file beside the store, which is opened as a store (refused
    /// when it is not gsl's or a newer gsl wrote it; migrated when an older one did) and checked
    /// (integrity, foreign keys, search index, audit chain). Unless `force`, the restore is refused
    /// when this store holds anything the backup does not: an audit entry beyond the backup's head
    /// (or a chain that went another way), or a migration the backup lacks. The verified copy then
    /// replaces the store's pages through SQLite's backup API in one write transaction on the
    /// store: other connections wait on the lock and then see either the old or the new content,
    /// never a mixture, and a kill at any moment leaves the old store. The temporary file is removed
    /// in every case.
    public func restore(from source: String, force: Bool) throws(GSLError) -> RestoreReport {
        guard let target = store.path else {
            throw GSLError(.usage, Message("内存数据库不能恢复", en: "an in-memory store cannot be restored"))
        }
        let sourceMigrations = try Self.backupMigrations(source)
        let temporary = Self.temporaryPath(beside: target)
        try StoreFile.createPrivate(temporary)
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: temporary + suffix)
            }
        }
        do {
            var config = Configuration()
            config.readonly = true
            let reader = try DatabaseQueue(
                path: StoreFile.uri(source, immutable: false), configuration: config)
            let copy = try DatabaseQueue(path: temporary)
            try reader.backup(to: copy)
            try reader.close()
            try copy.close()
        } catch {
            throw Self.invalidBackup(source, detail: Store.translate(error, path: source).message)
        }
        let verified: Store
        do {
            verified = try Store(path: temporary, migrations: store.migrations)
        } catch {
            throw Self.invalidBackup(source, detail: error.message, cause: error.cause)
        }
        let problems = try MaintenanceRepository(store: verified).check()
        if let first = problems.first {
            throw Self.invalidBackup(source, detail: first)
        }
        let backupHead = try AuditRepository(store: verified).head()
        let discarded = try entriesMissing(from: verified, head: backupHead)
        let newerMigrations = try currentMigrations().filter { !sourceMigrations.contains($0) }
        if !force && (discarded > 0 || !newerMigrations.isEmpty) {
            let zh =
                discarded > 0
                ? "当前数据库比备份新：有 \(discarded) 条审计记录不在备份中" : "当前数据库比备份新：架构含备份没有的迁移 \(newerMigrations[0])"
            let en =
                discarded > 0
                ? "the current store is newer than the backup: \(discarded) audit entries are not in the backup"
                : "the current store is newer than the backup: its schema has migration \(newerMigrations[0]), the backup's has not"
            throw GSLError(
                .conflict,
                Message(
                    zh + "；恢复会丢失这些改动，数据库未作改动",
                    en: en + "; restoring would lose them. The store was not changed")
            )
            .because(.restoreWouldLoseChanges)
        }
        do {
            // The copy commits with a full sync, then the WAL is folded into the main file, so
            // that a power loss right after "restored" cannot bring the old pages back.
            try store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            try verified.writer.backup(to: store.writer)
            try store.writer.writeWithoutTransaction { db in
                _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            try verified.writer.close()
        } catch {
            throw Store.translate(error, path: target)
        }
        return RestoreReport(
            backup: source, auditEntries: backupHead?.seq ?? 0, discardedEntries: discarded,
            migrated: store.migrations.count - sourceMigrations.count)
    }

    /// The migrations applied in this store.
    private func currentMigrations() throws(GSLError) -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }

    /// How many of this store's audit entries the backup (whose chain ends at `head`) does not hold:
    /// those after the newest entry both chains share (same seq, same hash).
    private func entriesMissing(from backup: Store, head: (seq: Int64, hash: String)?) throws(GSLError)
        -> Int64
    {
        guard let current = try AuditRepository(store: store).head() else { return 0 }
        if let head, head.seq >= current.seq {
            let same = try backup.read { db in
                try String.fetchOne(
                    db, sql: "SELECT hash FROM audit_log WHERE seq = ?", arguments: [current.seq])
            }
            if same == current.hash { return 0 }
        }
        // Walk back to the newest entry the two chains share.
        let hashes = try backup.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq").map {
                ($0["seq"] as Int64, $0["hash"] as String)
            }
        }
        let shared = Dictionary(hashes, uniquingKeysWith: { a, _ in a })
        return try store.read { db in
            var missing: Int64 = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC")
            while let row = try rows.next() {
                if shared[row["seq"] as Int64] == (row["hash"] as String) { break }
                missing += 1
            }
            return missing
        }
    }

    /// The migrations the backup file records, read without writing it; refuses a file that is
    /// missing, not SQLite, or not gsl's.
    private static func backupMigrations(_ source: String) throws(GSLError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory),
            !isDirectory.boolValue
        else {
            throw GSLError(.notFound, Message("备份文件不存在：\(source)", en: "no backup file at \(source)"))
                .because(.backupNotFound)
        }
        do throws(GSLError) {
            guard
                let applied = try StoreFile.appliedMigrations(
                    uri: StoreFile.uri(source, immutable: false), path: source)
            else { throw invalidBackup(source, detail: Message("文件中没有数据表", en: "the file holds no tables")) }
            return applied
        } catch {
            if error.cause == .backupInvalid { throw error }
            throw invalidBackup(source, detail: error.message, cause: error.cause)
        }
    }

    /// A private temporary file name in the folder of `target` (so that the copy is on the same
    /// file system and never in a shared /tmp).
    private static func temporaryPath(beside target: String) -> String {
        "\(target).restore-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// The refusal of a backup that cannot be restored, with why.
    private static func invalidBackup(_ source: String, detail: Message, cause: GSLError.Cause? = nil)
        -> GSLError
    {
        GSLError(
            .data,
            Message(
                "备份不能恢复：\(source)（\(detail.zh)），数据库未作改动",
                en: "cannot restore the backup \(source) (\(detail.en)); the store was not changed")
        ).because(cause == .storeNewerSchema ? .storeNewerSchema : .backupInvalid)
    }
}
