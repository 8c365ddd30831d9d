import Foundation
import GSLTestSupport
import Testing

/// Settings files end to end: misspelt keys, alias bombs and decoder failures become one line in the
/// user's language with an exit code, and nothing is stored.
@Suite struct StrictConfigCLITests {
    static let framework = """
        id: t
        version: "1"
        nodes:
          - code: R
            children:
              - code: a
                indicator:
                  directoin: -1
              - {code: b, indicator: {direction: 1}}
        """

    @Test func misspeltFrameworkKeyIsRefusedAndNothingStored() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let file = try cli.write("fw.yaml", Self.framework)
        let report = try cli.fail(["index", "framework", "import", file])
        #expect(report.status == 65 && report.cause == "config.unknown-key", "\(report)")
        #expect(report.file == file && report.line == 8 && report.field == "directoin", "\(report)")
        // The message suggests the key that was meant.
        #expect(report.zh.contains("direction") && report.en.contains("direction"), "\(report)")
        #expect(report.stderr.split(separator: "\n").count == 1)
        // One line in the chosen language.
        let en = try cli.run(["index", "framework", "import", file, "--lang", "en"])
        #expect(en.status == 65 && en.stderr.hasSuffix(report.en + "\n"), "\(en.stderr)")
        #expect(en.stderr.split(separator: "\n").count == 1)
        let list = try cli.ok(["index", "framework", "list", "--format", "json"]).stdout
        #expect(list.trimmingCharacters(in: .whitespacesAndNewlines) == "[]" || !list.contains("\"t\""))
    }

    @Test func aliasBombIsRefusedQuickly() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        var lines = ["id: t", "version: '1'", "x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for k in 1...9 {
            lines.append(
                "x\(k): &x\(k) [" + Array(repeating: "*x\(k - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("nodes: []")
        let file = try cli.write("bomb.yaml", lines.joined(separator: "\n"))
        let start = Date()
        let r = try cli.fail(["index", "framework", "import", file])
        // The refusal itself takes milliseconds; the bound leaves room for starting a debug build.
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(r.status == 65 && r.cause == "config.too-large" && r.file == file, "\(r)")
    }

    @Test func specAndCaseSettingsAreStrict() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let spec = try cli.write("spec.yaml", "period: '2023'\nnormalize: {method: minMax}\n")
        let r = try cli.fail(["index", "compute", "--framework", "x@1", "--spec", spec])
        #expect(r.status == 65 && r.cause == "config.unknown-key", "\(r)")
        #expect(r.file == spec && r.line == 2 && r.column == 1 && r.field == "normalize", "\(r)")
        #expect(r.en.contains("normalise"), "\(r)")
        let settings = try cli.write("case.json", "{\n  \"warningShare\": 1e400\n}\n")
        let c = try cli.fail(["case", "config", "import", settings])
        #expect(c.status == 65 && c.cause == "config.number-out-of-range", "\(c)")
        #expect(c.file == settings && c.line == 2 && c.en.contains("1e400"), "\(c)")
        let typo = try cli.write("typo.json", "{\"warningShar\": 0.5}")
        let t = try cli.fail(["case", "config", "import", typo])
        #expect(t.status == 65 && t.cause == "config.unknown-key" && t.field == "warningShar", "\(t)")
        #expect(t.en.contains("warningShare"), "\(t)")
    }

    @Test func hugeNumbersAndLongSearchesAreMessages() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let instance = try cli.write("a.json", "{\"costs\": [[1, 2],\n  [2, 1e400]]}")
        let s = try cli.fail(["solve", "assignment", instance], useDatabase: false)
        #expect(s.status == 65 && s.cause == "config.number-out-of-range", "\(s)")
        #expect(
            s.file == instance && s.line == 2 && s.field == "$.costs[1][1]" && s.en.contains("1e400"), "\(s)")
        let fraction = try cli.write(
            "f.json", "{\"nodes\": [{\"supply\": 1},\n {\"supply\": 1.5}], \"arcs\": []}")
        let f = try cli.fail(["solve", "flow", fraction], useDatabase: false)
        #expect(f.status == 65 && f.cause == "config.number-out-of-range", "\(f)")
        #expect(f.file == fraction && f.line == 2 && f.column == 13 && f.field == "$.nodes[1].supply", "\(f)")
        #expect(f.en.contains("1.5"), "\(f)")
        let words = (0..<1000).map { "词\($0)号" }.joined(separator: " ")
        let q = try cli.fail(["search", words])
        #expect(q.status == 64 && q.cause == "store.search-too-many-words", "\(q)")
    }
}
