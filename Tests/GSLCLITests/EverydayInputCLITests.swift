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
        let typo = cli.directory.appendingPathComponent("typo.sqlite").path
        let arguments = ["--lang", "en", "--db", typo, "org", "list"]
        let missing = try cli.fail(arguments, useDatabase: false)
        #expect(
            missing.status == 66 && missing.cause == "store.missing" && missing.en.contains(typo),
            "\(missing)")
        // --lang before the subcommand chooses the language of the line.
        let line = try cli.run(arguments, useDatabase: false)
        #expect(line.stderr.contains(missing.en), "\(line.stderr)")
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
        let bad = try cli.fail(["status", "--format", "xml"])
        #expect(bad.status == 64 && bad.cause == "cli.arguments", "\(bad)")
        // Values checked by a module's parser are usage errors on the command line too.
        for args in [["case", "list", "--state", "nonsense"], ["proposal", "list", "--state", "nonsense"]] {
            let result = try cli.fail(args)
            #expect(result.status == 64 && result.cause == "casework.unknown-value", "\(args): \(result)")
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
            let result = try cli.fail(args)
            #expect(result.status == 64 && result.cause == "file.is-directory", "\(args): \(result)")
        }
        // A settings file that is not UTF-8 is refused where the bad byte is, not as "cannot read".
        let latin = try cli.write("spec.yaml", bytes: Array("method: min".utf8) + [0xE9] + Array("\n".utf8))
        let spec = try cli.fail(["index", "compute", "--framework", "x@1", "--dataset", "d", "--spec", latin])
        #expect(spec.status == 65 && spec.cause == "import.invalid-utf8", "\(spec)")
        #expect(spec.file == latin && spec.line == 1 && spec.column == 12, "\(spec)")
    }
}
