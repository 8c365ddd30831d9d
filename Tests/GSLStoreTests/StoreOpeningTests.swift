import Foundation
import GRDB
import GSLCore
import GSLTestSupport
import Testing

@testable import GSLStore

/// Opening a store file: only asked-for creation, foreign and newer files refused untouched,
/// read-only files read, private modes.
@Suite struct StoreOpeningTests {
    func path(_ name: String) throws -> String {
        try Fixtures.temporaryDirectory().appendingPathComponent(name).path
    }

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue
            ?? -1
    }

    /// Writes one organisation through the audited path (a file with a row in it).
    func addBank(_ store: Store) throws {
        try store.write(MutationContext(actor: "t", command: "t")) { m in
            try m.insert(
                into: "organisations", entity: "organisation",
                values: [
                    ("kind", "bank".databaseValue), ("name", "甲".databaseValue),
                    ("created_at", "t".databaseValue),
                    ("updated_at", "t".databaseValue),
                ])
        }
    }

    @Test func aMissingFileIsNotCreated() throws {
        let file = try path("typo.sqlite")
        #expect(throws: GSLError.self) { try Store(path: file) }
        do {
            _ = try Store(path: file)
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.cause == .storeMissing)
        }
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func createdFilesAreOwnerOnly() throws {
        let file = try path("new.sqlite")
        let store = try Store(path: file, create: true)
        try addBank(store)
        #expect(mode(file) == 0o600)
        #expect(mode(file + "-wal") == 0o600)
        #expect(mode(file + "-shm") == 0o600)
        let backup = (file as NSString).deletingLastPathComponent + "/backup.sqlite"
        try MaintenanceRepository(store: store).backup(to: backup)
        #expect(mode(backup) == 0o600)
    }

    @Test func aForeignSQLiteFileIsRefusedUntouched() throws {
        let file = try path("other.db")
        let queue = try DatabaseQueue(path: file)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (x); INSERT INTO notes VALUES (1)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        for create in [false, true] {
            do {
                _ = try Store(path: file, create: create)
                Issue.record("opened a foreign file")
            } catch {
                #expect(error.kind == .data)
                #expect(error.cause == .storeNotGSL)
                // The message names what the file holds.
                #expect(error.mentions("notes"))
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
    }

    @Test func aFileFromANewerGslIsRefusedNamingBothVersions() throws {
        let file = try path("newer.sqlite")
        do {
            let store = try Store(path: file, create: true)
            try store.writer.write {
                try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('core-99-future')")
            }
        }
        let count = Store.coreMigrations.count
        do {
            _ = try Store(path: file)
            Issue.record("opened a newer file")
        } catch {
            #expect(error.kind == .data)
            #expect(error.cause == .storeNewerSchema)
            // Both schema versions and the migration this gsl does not know.
            #expect(error.mentions("\(count + 1)") && error.mentions("\(count)"))
            #expect(error.mentions("core-99-future"))
        }
    }

    /// Reads map the file (writable and read-only stores alike) and still see every committed write,
    /// of this store and of another on the same file.
    @Test func readsMapTheFileAndSeeEveryWrite() throws {
        let file = try path("mapped.sqlite")
        let store = try Store(path: file, create: true)
        let other = try Store(path: file)
        func mapped(_ s: Store) throws -> Int? {
            try s.read { try Int.fetchOne($0, sql: "PRAGMA mmap_size") }
        }
        func banks(_ s: Store) throws -> Int? {
            try s.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM organisations") }
        }
        #expect(try mapped(store) == Store.mappedBytes && mapped(other) == Store.mappedBytes)
        for n in 1...3 {
            try addBank(n % 2 == 0 ? other : store)
            #expect(try banks(store) == n && banks(other) == n)
        }
        chmod(file, 0o444)
        defer { chmod(file, 0o600) }
        let readOnly = try Store(path: file)
        #expect(readOnly.isReadOnly)
        #expect(try mapped(readOnly) == Store.mappedBytes && banks(readOnly) == 3)
    }

    @Test func aReadOnlyFileIsReadButNotWritten() throws {
        let file = try path("ro.sqlite")
        do {
            let store = try Store(path: file, create: true)
            try addBank(store)
        }
        chmod(file, 0o444)
        let store = try Store(path: file)
        #expect(store.isReadOnly)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM organisations") } == 1)
        do {
            try store.write(MutationContext(actor: "t", command: "t")) { _ in }
            Issue.record("wrote a read-only file")
        } catch {
            #expect(error.kind == .permission)
            #expect(error.kind.exitCode == 77)
            #expect(error.cause == .storeReadOnly)
        }
    }

    @Test func aReadOnlyFolderIsReadAsImmutable() throws {
        let dir = try Fixtures.temporaryDirectory().appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("x.sqlite").path
        _ = try Store(path: file, create: true)
        chmod(dir.path, 0o555)
        defer { chmod(dir.path, 0o755) }
        let store = try Store(path: file)
        #expect(store.isReadOnly)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM organisations") } == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["x.sqlite"])
    }

    @Test func aDirectoryIsNotAStore() throws {
        let dir = try Fixtures.temporaryDirectory().path
        do {
            _ = try Store(path: dir)
            Issue.record("opened a directory")
        } catch {
            #expect(error.cause == .storeIsDirectory)
            #expect(error.mentions(dir))
        }
    }
}

@Suite struct StoreCreationTests {
    @Test func initInAReadOnlyFolderCannotCreate() throws {
        let dir = try Fixtures.temporaryDirectory().appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        chmod(dir.path, 0o555)
        defer { chmod(dir.path, 0o755) }
        let file = dir.appendingPathComponent("new.sqlite").path
        do {
            _ = try Store(path: file, create: true)
            Issue.record("created a store in a read-only folder")
        } catch {
            #expect(error.kind == .cannotCreate)
            #expect(error.kind.exitCode == 73)
        }
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
