import Foundation
import GSLTestSupport
import Testing

/// Machine-readable output is exact and does not depend on the language.
@Suite struct ExactOutputCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func indexScoresAreExactInJSONAndCSVAndRoundedInTables() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let frameworks = Fixtures.datasets.appendingPathComponent("frameworks").path
        try cli.ok(["index", "framework", "import", "\(frameworks)/qinqing-v2.yaml"])
        try cli.ok(["index", "data", "generate", "--framework", "qinqing@v2", "--dataset", "ningbo"])
        let text = try cli.ok([
            "index", "compute", "--framework", "qinqing@v2", "--dataset", "ningbo", "--period", "2023",
            "--format", "json",
        ]).stdout
        let computed = try json(text) as! [[String: Any]]
        // Read the digits as printed (Foundation's JSON parser may round 17-digit numbers).
        let scores = text.split(separator: "\n").compactMap { line -> Double? in
            guard let range = line.range(of: "\"score\":") else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != "," && $0 != "}" })
        }
        #expect(scores.count == computed.count && !scores.isEmpty)
        // Scores are means of many ratios: at full precision most have more than 4 decimals.
        #expect(scores.contains { ($0 * 10_000).rounded() / 10_000 != $0 }, "\(scores)")
        let csv = try cli.ok(["index", "show", "1", "--format", "csv"]).stdout
        let csvScores = csv.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",")[3])! }
        #expect(csvScores == scores)
        let table = try cli.ok(["index", "show", "1", "--format", "table"]).stdout
        let decimals = table.split(separator: "\n").dropFirst(2).map { line -> Int in
            let score = line.split(separator: " ", omittingEmptySubsequences: true)[3]
            return score.split(separator: ".").dropFirst().first?.count ?? 0
        }
        #expect(decimals.allSatisfy { $0 <= 4 })
    }

    @Test func jsonKeysEnumsAndMoneyDoNotChangeWithTheLanguage() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok([
            "org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "海曙区",
            "--industry", "C3011", "--employees", "120", "--revenue", "1800万", "--assets", "1234.56",
        ])
        var outputs: [[String: Any]] = []
        for lang in ["zh", "en"] {
            let list =
                try json(try cli.ok(["org", "list", "--format", "json", "--lang", lang]).stdout)
                as! [[String: Any]]
            let show =
                try json(try cli.ok(["org", "show", "1", "--format", "json", "--lang", lang]).stdout)
                as! [String: Any]
            let export =
                try json(try cli.ok(["org", "export", "--format", "json", "--lang", lang]).stdout)
                as! [[String: Any]]
            for record in [list[0], show, export[0]] {
                #expect(record["kind"] as? String == "enterprise", "\(record)")
                #expect(record["revenue_yuan"] as? Double == 18_000_000, "\(record)")
                #expect(record["revenue"] == nil)
            }
            for record in [show, export[0]] {
                #expect(record["assets_yuan"] as? Double == 1234.56, "\(record)")
            }
            outputs.append(show)
        }
        #expect(outputs[0]["size"] as? String == outputs[1]["size"] as? String)
        let csv = try cli.ok(["org", "list", "--format", "csv"]).stdout
        #expect(csv.contains("营业收入(元)") && csv.contains("18000000"), "\(csv)")
    }

    @Test func aJSONExportImportsBack() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok([
            "org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--revenue", "1800.5万",
        ])
        let export = try cli.ok(["org", "export", "--format", "json", "--unmask"]).stdout
        let other = try CLIRunner()
        try other.ok(["init"])
        try other.ok(["ref", "load"])
        try other.ok(["org", "import", try other.write("e.json", export)])
        #expect(try other.ok(["org", "export", "--format", "json", "--unmask"]).stdout == export)
    }
}
