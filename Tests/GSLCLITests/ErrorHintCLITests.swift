import Foundation
import GSLTestSupport
import Testing

/// Modules name causes; the CLI turns a cause into a hint about its own flags.
@Suite struct ErrorHintCLITests {
    @Test func inconsistentAHPSaysWhichFlagAcceptsIt() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        let framework = Fixtures.datasets.appendingPathComponent("frameworks/qinqing-v2.yaml").path
        try cli.ok(["index", "framework", "import", framework])
        try cli.ok(["index", "data", "generate", "--framework", "qinqing@v2", "--dataset", "ningbo"])
        let matrix = "[[1, 5, 0.142857], [0.2, 1, 5], [7, 0.2, 1]]"
        // Level 3 is the index's own children (near, clean, health) in this four-level tree.
        let weights = "{method: given, byLevel: {\"3\": ahp}, ahp: {QQ: \(matrix)}}"
        let spec = try cli.write("ahp.yaml", "period: \"2023\"\nweights: \(weights)\n")
        let compute = [
            "index", "compute", "--framework", "qinqing@v2", "--dataset", "ningbo", "--spec", spec,
        ]
        let report = try cli.fail(compute)
        #expect(report.status == 65 && report.cause == "index.ahp-inconsistent", "\(report)")
        // The line is the message followed by the CLI's hint for that cause.
        let refused = try cli.run(compute + ["--lang", "en"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains(report.en), "\(refused.stderr)")
        #expect(refused.stderr.contains("(use --force to accept)"), "\(refused.stderr)")
        let zh = try cli.run([
            "index", "compute", "--framework", "qinqing@v2", "--dataset", "ningbo", "--spec", spec,
        ])
        #expect(zh.stderr.contains("（如确需使用请加 --force）"), "\(zh.stderr)")
        let forcedWeights = "{method: given, byLevel: {\"3\": ahp}, force: true, ahp: {QQ: \(matrix)}}"
        let forced = try cli.write("forced.yaml", "period: \"2023\"\nweights: \(forcedWeights)\n")
        try cli.ok(["index", "compute", "--framework", "qinqing@v2", "--dataset", "ningbo", "--spec", forced])
    }

    @Test func importHintsNameTheFlags() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        // 宁波 in GBK after an ASCII header, read as UTF-8 on request.
        let gbk: [UInt8] =
            Array("name,uscc\n".utf8) + [0xC4, 0xFE, 0xB2, 0xA8] + Array(",91330200711192037M\n".utf8)
        let file = try cli.write("gbk.csv", bytes: gbk)
        let refused = try cli.run(["org", "import", file, "--encoding", "utf8", "--lang", "en"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("use --encoding gb18030"), "\(refused.stderr)")
        let good = try cli.write("good.csv", "name,uscc\n宁波银行股份有限公司,91330200711192037M\n")
        try cli.ok(["org", "import", good])
        let again = try cli.run(["org", "import", good])
        #expect(again.status == 75)
        #expect(again.stderr.contains("可用 --on-conflict skip|update"), "\(again.stderr)")
        let missing = try cli.run(
            ["org", "list", "--db", cli.directory.appendingPathComponent("none.sqlite").path],
            useDatabase: false)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("请先运行 gsl init"), "\(missing.stderr)")
    }
}

@Suite struct MachineReadableErrorCLITests {
    @Test func gslErrorsJSONReportsCauseExitAndLocation() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        let csv = try cli.write("bad.csv", "名称,统一社会信用代码,成立日期\n甲公司,91330200MA2XXXXXXX,2023年2月30日\n")
        let report = try cli.fail(["org", "import", csv])
        #expect(report.status == 65 && report.kind == "data", "\(report)")
        #expect(report.cause == "core.invalid-uscc", "\(report)")
        #expect(report.file == csv && report.line == 2 && report.column == 2, "\(report)")
        #expect(!report.zh.isEmpty && !report.en.isEmpty, "\(report)")
        // The human line stays the default.
        let plain = try cli.run(["org", "import", csv])
        #expect(plain.status == 65 && plain.stderr.hasPrefix("gsl: \(csv):2:2 "), "\(plain.stderr)")
    }

    @Test func argumentErrorsReportAsCLIArguments() throws {
        let cli = try CLIRunner()
        let report = try cli.fail(["org", "list", "--no-such-flag"], useDatabase: false)
        #expect(report.status == 64 && report.cause == "cli.arguments" && report.kind == "usage", "\(report)")
        #expect(report.en.contains("--no-such-flag"), "\(report)")
    }
}

/// Module messages name no CLI command; the CLI adds the command that helps as a hint.
@Suite struct CommandHintCLITests {
    @Test func missingReferenceDataNamesTheCommandThatLoadsIt() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let csv = try cli.write("a.csv", "名称,统一社会信用代码,所在地区\n宁波甬联科技有限公司,91330200711192037M,330203\n")
        let noDivisions = try cli.run(["org", "import", csv, "--lang", "en"])
        #expect(noDivisions.status == 65, "\(noDivisions.stderr)")
        #expect(
            noDivisions.stderr.hasSuffix("(run gsl ref load or gsl region import first)\n"),
            "\(noDivisions.stderr)")
        let report = try cli.fail(["org", "import", csv])
        #expect(report.cause == "store.division-code-not-loaded" && !report.zh.contains("gsl "), "\(report)")
        let noFramework = try cli.run(["index", "framework", "show", "nope@v1"])
        #expect(noFramework.stderr.contains("（先用 gsl index framework import 导入）"), "\(noFramework.stderr)")
    }
}
