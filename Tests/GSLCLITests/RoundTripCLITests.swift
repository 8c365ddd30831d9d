import Foundation
import GSLTestSupport
import Testing

/// Exports import back as no-ops, chambers included; text and amounts are checked on the way in.
@Suite struct RoundTripCLITests {
    func loaded() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        return cli
    }

    func auditCount(_ cli: CLIRunner) throws -> Int {
        let status = try cli.ok(["status", "--format", "json"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(status.utf8)) as! [String: Any]
        return object["audit_log"] as! Int
    }

    @Test func anUnmaskedExportImportedBackChangesNothingChambersIncluded() throws {
        let cli = try loaded()
        try cli.ok(["org", "add", "--kind", "chamber", "--name", "宁波市青年企业家商会", "--chamber-type", "直属"])
        try cli.ok([
            "org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "海曙区",
            "--industry", "C3011", "--employees", "120", "--revenue", "3500万", "--phone", "0574-87050028",
        ])
        let export = try cli.ok(["org", "export", "--format", "csv", "--unmask"]).stdout
        let path = try cli.write("export.csv", export)
        let before = try auditCount(cli)
        for _ in 0..<2 {
            let again = try cli.ok(["org", "import", path, "--on-conflict", "update"])
            #expect(again.stderr.contains("新增 0") && again.stderr.contains("未变 2"), "\(again.stderr)")
        }
        #expect(try auditCount(cli) == before)
        #expect(try cli.ok(["org", "export", "--format", "csv", "--unmask"]).stdout == export)
        // Without --on-conflict the existing chamber is a conflict, as an enterprise is.
        let conflict = try cli.fail(["org", "import", path])
        #expect(conflict.status == 75 && conflict.cause == "import.key-exists", "\(conflict)")
    }

    @Test func addingAChamberNameTwiceIsAConflictUnlessAskedFor() throws {
        let cli = try loaded()
        try cli.ok(["org", "add", "--kind", "chamber", "--name", "宁波市青年企业家商会"])
        let again = try cli.fail(["org", "add", "--kind", "chamber", "--name", "宁波市青年企业家商会"])
        #expect(again.status == 75 && again.cause == "import.chamber-name-exists", "\(again)")
        try cli.ok(["org", "add", "--kind", "chamber", "--name", "宁波市青年企业家商会", "--allow-duplicate-name"])
    }

    @Test func controlCharactersInTextAreRefused() throws {
        let cli = try loaded()
        let bytes =
            Array("名称,统一社会信用代码\n".utf8) + Array("NUL".utf8) + [0x00] + Array("公司,91330200711192037M\n".utf8)
        let file = try cli.write("nul.csv", bytes: bytes)
        let result = try cli.fail(["org", "import", file])
        #expect(result.status == 65 && result.cause == "core.control-character", "\(result)")
        #expect(result.file == file && result.line == 2 && result.column == 4, "\(result)")
        // The character is named by its code point.
        #expect(result.en.contains("U+0000") && result.zh.contains("U+0000"), "\(result)")
        let flag = try cli.fail(["org", "add", "--name", "甲\u{7}公司", "--uscc", "91330200711192037M"])
        #expect(
            flag.status == 65 && flag.cause == "core.control-character" && flag.field == "name", "\(flag)")
        #expect(try cli.ok(["org", "list", "--format", "csv"]).stdout.split(separator: "\n").count == 1)
    }

    @Test func negativeRevenueAndAssetsAreRefused() throws {
        let cli = try loaded()
        for field in ["revenue", "assets"] {
            let result = try cli.fail([
                "org", "add", "--name", "甲公司", "--uscc", "91330200711192037M", "--\(field)=-5万",
            ])
            #expect(result.status == 65 && result.cause == "core.negative-value", "\(result)")
            #expect(result.field == field && result.en.contains("-5万"), "\(result)")
        }
        let file = try cli.write("neg.csv", "名称,统一社会信用代码,资产总额(万元)\n甲公司,91330200711192037M,-12\n")
        let imported = try cli.fail(["org", "import", file])
        #expect(imported.status == 65 && imported.cause == "core.negative-value", "\(imported)")
        #expect(imported.file == file && imported.line == 2 && imported.column == 3, "\(imported)")
    }

    @Test func aMaskedExportSaysSoWhenImported() throws {
        let cli = try loaded()
        try cli.ok([
            "org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--phone", "13805741234",
        ])
        let masked = try cli.ok(["org", "export", "--format", "csv"]).stdout
        let result = try cli.fail([
            "org", "import", try cli.write("masked.csv", masked), "--on-conflict", "update",
        ])
        #expect(result.status == 65 && result.cause == "import.masked-value", "\(result)")
        let shown = try cli.ok(["org", "show", "91330200711192037M", "--unmask", "--format", "json"]).stdout
        #expect(shown.contains("13805741234"))
    }
}
