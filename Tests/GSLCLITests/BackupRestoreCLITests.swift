import Foundation
import GSLTestSupport
import Testing

/// `gsl db backup` and `gsl db restore`: a private backup, a verified restore that refuses to lose
/// newer changes unless forced, and refusals of files that are not sound gsl stores.
@Suite struct BackupRestoreCLITests {
    /// A store with divisions and one enterprise.
    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "海曙区"])
        return cli
    }

    /// Runs the sqlite3 shell on `database` (read-only unless `write`) and returns its output.
    @discardableResult
    func sqlite(_ database: String, _ sql: String, write: Bool = false) throws -> String {
        try SQLiteShell.run(database, [sql], readOnly: !write)
    }

    /// Every table's rows and the schema (see `BadInputCorpusCLITests.content`).
    func content(_ cli: CLIRunner) throws -> String { try sqlite(cli.database, ".dump") }

    /// The file's permission bits.
    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
            ?? -1
    }

    /// The organisations as JSON.
    func organisations(_ cli: CLIRunner) throws -> String {
        try cli.ok(["org", "list", "--format", "json"]).stdout
    }

    /// Backup, more writes, a refused restore, a forced one: the backup's data and a sound store.
    @Test func restoreForcedOverNewerChangesGivesTheBackupBack() throws {
        let cli = try prepared()
        let backup = cli.directory.appendingPathComponent("backup.sqlite").path
        try cli.ok(["db", "backup", backup])
        #expect(try mode(backup) == 0o600)
        let saved = try organisations(cli)
        let savedAudit = try cli.ok(["audit", "log", "--format", "json"]).stdout
        try cli.ok(["org", "add", "--name", "宁波天一模具有限公司", "--uscc", "91330200704800698F", "--region", "海曙区"])
        let newer = try content(cli)
        // Newer than the backup: refused, nothing changed.
        let refused = try cli.fail(["db", "restore", backup])
        #expect(refused.status == 75 && refused.cause == "store.restore-would-lose-changes", "\(refused)")
        #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try content(cli) == newer)
        // Forced: the backup's data, a sound store, the backup file itself untouched.
        let backupBefore = try Data(contentsOf: URL(fileURLWithPath: backup))
        let restored = try cli.ok(["db", "restore", backup, "--force"])
        #expect(restored.stderr.contains("backup.sqlite"), "\(restored.stderr)")
        #expect(try organisations(cli) == saved)
        #expect(try cli.ok(["audit", "log", "--format", "json"]).stdout == savedAudit)
        try cli.ok(["audit", "verify"])
        try cli.ok(["db", "check"])
        #expect(try mode(cli.database) == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == backupBefore)
        // The store now equals the backup: restoring again needs no force.
        try cli.ok(["db", "restore", backup])
        // And work goes on: a write after the restore extends the chain.
        try cli.ok(["org", "add", "--name", "宁波天一模具有限公司", "--uscc", "91330200704800698F", "--region", "海曙区"])
        try cli.ok(["audit", "verify"])
    }

    /// A store whose history the backup extends is restored without --force.
    @Test func restoreIntoAnOlderStoreNeedsNoForce() throws {
        let cli = try prepared()
        let backup = cli.directory.appendingPathComponent("later.sqlite").path
        // A copy of the store taken later than a second store that shares its history up to then.
        let early = cli.directory.appendingPathComponent("early.sqlite").path
        try cli.ok(["db", "backup", early])
        try cli.ok(["org", "add", "--name", "宁波天一模具有限公司", "--uscc", "91330200704800698F", "--region", "海曙区"])
        try cli.ok(["db", "backup", backup])
        let later = try organisations(cli)
        var old = cli
        old.environment["GSL_DB"] = early
        let result = try old.run(["db", "restore", backup], useDatabase: false)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try old.run(["org", "list", "--format", "json"], useDatabase: false).stdout == later)
        #expect(try mode(early) == 0o600)
    }

    /// Files that are not sound gsl stores are refused, with or without --force, and the store stays as it was.
    @Test func unsoundBackupsAreRefusedAndTheStoreUnchanged() throws {
        let cli = try prepared()
        let before = try content(cli)
        let good = cli.directory.appendingPathComponent("good.sqlite").path
        try cli.ok(["db", "backup", good])
        let goodBytes = try Data(contentsOf: URL(fileURLWithPath: good))

        // Another application's SQLite file.
        let foreign = cli.directory.appendingPathComponent("foreign.sqlite").path
        try sqlite(foreign, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);", write: true)
        // Not SQLite at all, and an empty file.
        let text = try cli.write("notes.sqlite", "这不是数据库\n")
        let empty = try cli.write("empty.sqlite", "")
        // A damaged copy: the second half of the pages overwritten.
        var damagedBytes = goodBytes
        for i in (damagedBytes.count / 2)..<damagedBytes.count {
            damagedBytes[i] = UInt8(truncatingIfNeeded: i * 31)
        }
        let damaged = try cli.write("damaged.sqlite", bytes: Array(damagedBytes))
        // A truncated copy.
        let truncated = try cli.write("truncated.sqlite", bytes: Array(goodBytes.prefix(goodBytes.count / 3)))
        // A copy whose audit log was edited (the triggers dropped first): the chain does not verify.
        let tampered = cli.directory.appendingPathComponent("tampered.sqlite").path
        try goodBytes.write(to: URL(fileURLWithPath: tampered))
        let triggers = try sqlite(
            tampered, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log';")
        let drops = triggers.split(separator: "\n").map { "DROP TRIGGER \"\($0)\";" }.joined()
        try sqlite(
            tampered, drops + "UPDATE audit_log SET actor = 'someone else' WHERE seq = 1;", write: true)

        for (file, status, cause) in [
            (foreign, 65, "store.backup-invalid"), (text, 65, "store.backup-invalid"),
            (empty, 65, "store.backup-invalid"), (damaged, 65, "store.backup-invalid"),
            (truncated, 65, "store.backup-invalid"), (tampered, 65, "store.backup-invalid"),
            (cli.directory.appendingPathComponent("missing.sqlite").path, 66, "store.backup-not-found"),
        ] as [(String, Int32, String)] {
            for force in [false, true] {
                let report = try cli.fail(["db", "restore", file] + (force ? ["--force"] : []))
                #expect(report.status == status && report.cause == cause, "\(file): \(report)")
                #expect(!report.zh.contains("\n") && !report.en.contains("\n"), "\(file): \(report)")
                #expect(try content(cli) == before, "\(file) changed the store")
            }
        }
        // No temporary file is left beside the store.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
            .filter { $0.contains(".restore-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        try cli.ok(["db", "check"])
    }
}
