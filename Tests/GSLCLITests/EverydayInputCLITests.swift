import Foundation
import GSLTestSupport
import Testing

/// Habits from spreadsheets and other tools: options before the subcommand, any-case enum values,
/// lists cut at their limit, a directory given as a file.
@Suite struct EverydayInputCLITests {
    @Test func globalOptionsWorkBeforeTheSubcommand() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let result = try cli.run(
            ["--db", cli.database, "--lang", "en", "status", "--format", "json"], useDatabase: false)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"schema_version\""))
        let missing = try cli.run(
            [
                "--lang", "en", "--db", cli.directory.appendingPathComponent("typo.sqlite").path, "org",
                "list",
            ], useDatabase: false)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("run gsl init"), "\(missing.stderr)")
    }

    @Test func enumValuesInAnyCaseAndKebabCase() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["status", "--format", "JSON"])
        let frameworks = Fixtures.datasets.appendingPathComponent("frameworks").path
        try cli.ok(["index", "framework", "import", "\(frameworks)/qinqing-v2.yaml"])
        try cli.ok(["index", "data", "generate", "--framework", "qinqing@v2", "--dataset", "ningbo"])
        for method in ["min-max", "minmax", "MIN_MAX"] {
            try cli.ok([
                "index", "compute", "--framework", "qinqing@v2", "--dataset", "ningbo", "--period", "2023",
                "--normalise", method,
            ])
        }
        let bad = try cli.run(["status", "--format", "xml"])
        #expect(bad.status == 64)
        // Values checked by a module's parser are usage errors on the command line too.
        for args in [["case", "list", "--state", "nonsense"], ["proposal", "list", "--state", "nonsense"]] {
            let result = try cli.run(args)
            #expect(result.status == 64, "\(args): \(result.status) \(result.stderr)")
        }
    }

    @Test func aListCutAtItsLimitSaysSo() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok([
            "demo", "generate", "--orgs", "60", "--seed", "3", "--out",
            cli.directory.appendingPathComponent("d.csv").path,
        ])
        try cli.ok(["org", "import", "d.csv"])
        let cut = try cli.ok(["org", "list", "--limit", "50", "--format", "csv"])
        #expect(cut.stdout.split(separator: "\n").count == 51)
        #expect(cut.stderr.contains("共 60 条") && cut.stderr.contains("--all"), "\(cut.stderr)")
        let all = try cli.ok(["org", "list", "--all", "--format", "csv"])
        #expect(all.stdout.split(separator: "\n").count == 61 && all.stderr.isEmpty)
    }

    @Test func aDirectoryGivenAsAnInputFileSaysSo() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let dir = cli.directory.path
        for args in [
            ["org", "import", dir], ["index", "framework", "import", dir],
            ["index", "compute", "--framework", "x@1", "--dataset", "d", "--spec", dir],
            ["case", "config", "import", dir],
            ["info", "score", "--points", dir], ["db", "backup", dir],
        ] {
            let result = try cli.run(args)
            #expect(result.status == 64, "\(args): \(result.stderr)")
            #expect(result.stderr.contains("是目录"), "\(args): \(result.stderr)")
        }
        // A settings file that is not UTF-8 is refused where the bad byte is, not as "cannot read".
        let latin = try cli.write("spec.yaml", bytes: Array("method: min".utf8) + [0xE9] + Array("\n".utf8))
        let spec = try cli.run(["index", "compute", "--framework", "x@1", "--dataset", "d", "--spec", latin])
        #expect(spec.status == 65 && spec.stderr.contains("spec.yaml:1:12"), "\(spec.stderr)")
    }
}
