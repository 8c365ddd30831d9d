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
        let zh = try cli.run(["index", "framework", "import", file])
        #expect(zh.status == 65)
        #expect(zh.stderr.contains("fw.yaml:8:") && zh.stderr.contains("是否想写 direction？"), "\(zh.stderr)")
        #expect(zh.stderr.split(separator: "\n").count == 1)
        let en = try cli.run(["index", "framework", "import", file, "--lang", "en"])
        #expect(
            en.stderr.contains("unknown key 'directoin'") && en.stderr.hasSuffix("did you mean direction?\n"))
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
        let r = try cli.run(["index", "framework", "import", file])
        // The refusal itself takes milliseconds; the bound leaves room for starting a debug build.
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(r.status == 65 && r.stderr.contains("bomb.yaml") && r.stderr.contains("别名"), "\(r.stderr)")
    }

    @Test func specAndCaseSettingsAreStrict() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let spec = try cli.write("spec.yaml", "period: '2023'\nnormalize: {method: minMax}\n")
        let r = try cli.run(["index", "compute", "--framework", "x@1", "--spec", spec, "--lang", "en"])
        #expect(
            r.status == 65 && r.stderr.contains("spec.yaml:2:1")
                && r.stderr.contains("did you mean normalise?"), "\(r.stderr)")
        let settings = try cli.write("case.json", "{\n  \"warningShare\": 1e400\n}\n")
        let c = try cli.run(["case", "config", "import", settings])
        #expect(
            c.status == 65 && c.stderr.contains("case.json:2:") && c.stderr.contains("数值超出范围：1e400"),
            "\(c.stderr)")
        let typo = try cli.write("typo.json", "{\"warningShar\": 0.5}")
        let t = try cli.run(["case", "config", "import", typo, "--lang", "en"])
        #expect(t.status == 65 && t.stderr.contains("did you mean warningShare?"), "\(t.stderr)")
    }

    @Test func hugeNumbersAndLongSearchesAreMessages() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let instance = try cli.write("a.json", "{\"costs\": [[1, 2],\n  [2, 1e400]]}")
        let s = try cli.run(["solve", "assignment", instance], useDatabase: false)
        #expect(
            s.status == 65 && s.stderr.contains("a.json:2:") && s.stderr.contains("数值超出范围：1e400"),
            "\(s.stderr)")
        #expect(!s.stderr.contains("representable"))
        let fraction = try cli.write(
            "f.json", "{\"nodes\": [{\"supply\": 1},\n {\"supply\": 1.5}], \"arcs\": []}")
        let f = try cli.run(["solve", "flow", fraction, "--lang", "en"], useDatabase: false)
        #expect(
            f.status == 65 && f.stderr.contains("f.json:2:13") && f.stderr.contains("$.nodes[1].supply"),
            "\(f.stderr)")
        #expect(f.stderr.contains("expected an integer in range: 1.5") && !f.stderr.contains("invalid JSON"))
        let words = (0..<1000).map { "词\($0)号" }.joined(separator: " ")
        let q = try cli.run(["search", words])
        #expect(
            q.status == 64 && q.stderr.contains("搜索词过多") && !q.stderr.contains("Expression tree"),
            "\(q.stderr)")
    }
}
