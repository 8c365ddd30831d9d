import Foundation
import GSLTestSupport
import Testing

/// Opening the store only where it exists and belongs to gsl; personal data private by default.
@Suite struct SafeDefaultsCLITests {
    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue
            ?? -1
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func onlyInitCreatesTheStore() throws {
        let cli = try CLIRunner()
        let list = try cli.fail(["org", "list"])
        #expect(list.status == 66 && list.cause == "store.missing", "\(list)")
        #expect(!FileManager.default.fileExists(atPath: cli.database))
        try cli.ok(["init"])
        #expect(mode(cli.database) == 0o600)
        try cli.ok(["org", "list"])
    }

    @Test func aForeignSQLiteFileIsLeftUntouched() throws {
        let cli = try CLIRunner()
        let path = cli.directory.appendingPathComponent("other.db").path
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "python3", "-c",
            "import sqlite3; c = sqlite3.connect('\(path)'); c.execute('create table notes (x)'); c.commit()",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for command in [["status"], ["init"]] {
            let result = try cli.fail(command + ["--db", path], useDatabase: false)
            #expect(result.status == 65 && result.cause == "store.not-gsl", "\(command): \(result)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aReadOnlyStoreIsReadAndRefusesWritesWith77() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["org", "add", "--name", "宁波甬联商会", "--kind", "chamber"])
        chmod(cli.database, 0o444)
        let list = try cli.ok(["org", "list", "--format", "csv"])
        #expect(list.stdout.contains("宁波甬联商会"))
        let add = try cli.fail(["org", "add", "--name", "另一商会", "--kind", "chamber"])
        #expect(add.status == 77 && add.cause == "store.read-only", "\(add)")
    }

    @Test func aDirectoryGivenAsTheStoreSaysSo() throws {
        let cli = try CLIRunner()
        let result = try cli.fail(["status", "--db", cli.directory.path], useDatabase: false)
        #expect(result.status == 64 && result.cause == "store.is-directory", "\(result)")
    }

    @Test func backupsAndUnmaskedExportsAreOwnerOnly() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let backup = cli.directory.appendingPathComponent("b.sqlite").path
        try cli.ok(["db", "backup", backup])
        #expect(mode(backup) == 0o600)
        let target = cli.directory.appendingPathComponent("people.csv").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c",
            "umask 022; '\(CLIRunner.executable.path)' person export --unmask --db '\(cli.database)' > '\(target)'",
        ]
        shell.environment = ["GSL_ACTOR": "tester", "PATH": "/usr/bin:/bin"]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(mode(target) == 0o600)
    }

    @Test func auditLogMasksPersonalDataUnlessUnmaskedAndRecordsTheUnmask() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok([
            "person", "add", "--name", "张三", "--id-card", "11010519491231002X", "--phone", "13805741234",
        ])
        let log = try cli.ok(["audit", "log", "--full", "--format", "json"]).stdout
        #expect(!log.contains("11010519491231002X") && !log.contains("13805741234"), "\(log)")
        #expect(log.contains("110105********002X"))
        let unmasked = try cli.ok(["audit", "log", "--full", "--unmask", "--format", "json"]).stdout
        #expect(unmasked.contains("11010519491231002X"))
        let entries =
            try json(try cli.ok(["audit", "log", "--entity", "disclosure", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(entries.count == 1)
        #expect((entries.first?["command"] as? String)?.contains("--unmask") == true)
        try cli.ok(["audit", "verify"])
    }
}
