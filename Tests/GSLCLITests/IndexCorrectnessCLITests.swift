import Foundation
import GSLTestSupport
import Testing

/// Issue 20, items 1–6, end to end: explain with a missing value, uncertainty and what-if inputs,
/// stats as one JSON document, trend by dataset and spec, verify by period, geometric-mean errors.
@Suite struct IndexCorrectnessCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    static let framework = """
        id: small
        version: "1"
        nodes:
          - code: R
            children:
              - code: P
                weight: 3
                children:
                  - {code: a, weight: 1, indicator: {direction: 1}}
                  - {code: b, weight: 1, indicator: {direction: 1}}
                  - {code: c, weight: 2, indicator: {direction: 1}}
              - code: Q
                weight: 1
                children:
                  - {code: d, indicator: {direction: -1}}

        """

    /// Five units over 2022–2023; u1 has no value of `a` in 2023.
    static var data: String {
        var lines = ["unit,period,indicator,value"]
        let base: [String: [Double]] = [
            "u1": [1, 9, 4, 7], "u2": [5, 2, 8, 3], "u3": [3, 6, 1, 5], "u4": [8, 4, 6, 2],
            "u5": [2, 7, 9, 9],
        ]
        for period in ["2022", "2023"] {
            for unit in base.keys.sorted() {
                for (i, code) in ["a", "b", "c", "d"].enumerated() {
                    let v = base[unit]![i] + (period == "2023" ? 0.5 : 0)
                    lines.append(
                        "\(unit),\(period),\(code),\(unit == "u1" && code == "a" && period == "2023" ? "NA" : "\(v)")"
                    )
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["index", "framework", "import", try cli.write("small.yaml", Self.framework)])
        try cli.ok([
            "index", "data", "import", try cli.write("small.csv", Self.data), "--framework", "small@1",
            "--dataset", "s",
        ])
        return cli
    }

    @Test func explainWithAMissingValueAddsUpToTheScore() throws {
        let cli = try prepared()
        try cli.ok(["index", "compute", "--framework", "small@1", "--dataset", "s", "--period", "2023"])
        let items =
            try json(try cli.ok(["index", "explain", "1", "u1", "--node", "P", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(items.map { $0["indicator"] as! String }.sorted() == ["b", "c"])
        let weights = Dictionary(
            uniqueKeysWithValues: items.map { ($0["indicator"] as! String, $0["weight"] as! Double) })
        #expect(abs(weights["b"]! - 1.0 / 3) < 1e-12 && abs(weights["c"]! - 2.0 / 3) < 1e-12)
        let ranking =
            try json(try cli.ok(["index", "show", "1", "--node", "P", "--format", "json"]).stdout)
            as! [[String: Any]]
        let score = ranking.first { $0["unit"] as? String == "u1" }!["score"] as! Double
        let sum = items.reduce(0.0) { $0 + ($1["contribution"] as! Double) }
        #expect(abs(sum - score) < 1e-3, "\(sum) vs \(score)")
        let root = try cli.ok(["index", "explain", "1", "u1", "--lang", "en"])
        // Four indicators present under R: two strengths and two weaknesses at most, never the same one.
        let line = root.stderr
        let strengths = line.components(separatedBy: "strengths: ")[1].components(separatedBy: ";")[0]
        let weaknesses = line.components(separatedBy: "weaknesses: ")[1].trimmingCharacters(in: .newlines)
        let s = Set(strengths.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let w = Set(weaknesses.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(s.isDisjoint(with: w), "\(line)")
    }

    @Test func uncertaintyAndWhatIfInputsAreChecked() throws {
        let cli = try prepared()
        try cli.ok(["index", "compute", "--framework", "small@1", "--dataset", "s"])
        for noise in ["nan", "2", "-0.5", "inf"] {
            // `=` so that -0.5 reaches the range check instead of reading as another option.
            let r = try cli.fail(["index", "uncertainty", "1", "--runs", "20", "--weight-noise=\(noise)"])
            #expect(r.status == 64 && r.cause == "index.weight-noise-out-of-range", "\(noise): \(r)")
        }
        let runs = try json(try cli.ok(["index", "runs", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(runs.first?["uncertainty"] as? Bool == false)
        let inf = try cli.run(["index", "whatif", "1", "u2", "--set", "a=inf"])
        #expect(inf.status == 65, "\(inf.stderr)")
        let table = try cli.ok(["index", "uncertainty", "1", "--runs", "1000", "--format", "table"]).stdout
        // No binary-fraction noise such as 4.899999999999999 in the table.
        #expect(!table.contains("99999") && !table.contains("00000"), "\(table)")
    }

    @Test func statsJSONIsOneDocument() throws {
        let cli = try prepared()
        try cli.ok(["index", "compute", "--framework", "small@1", "--dataset", "s", "--period", "2022"])
        let out = try cli.ok(["index", "stats", "1", "--format", "json", "--correlations", "spearman"]).stdout
        let doc = try json(out) as! [String: Any]
        #expect((doc["indicators"] as! [[String: Any]]).count == 4)
        #expect(doc["alpha"] is Double)
        let pca = doc["pca"] as! [String: Any]
        #expect((pca["eigenvalues"] as! [Double]).count == 4)
        #expect((pca["loadings"] as! [[Double]]).count == 4)
        let shares = pca["variance_explained"] as! [Double]
        #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
        let eff = doc["effective_weights"] as! [String: Double]
        #expect(abs(eff["c"]! - 0.75 * 0.5) < 1e-12)
        #expect(((doc["correlations"] as! [String: Any])["matrix"] as! [[Double]]).count == 4)
        let bad = try cli.run(["index", "stats", "1", "--stage", "treated"])
        #expect(bad.status == 64)
        let help = try cli.ok(["index", "stats", "--help"]).stdout
        #expect(help.contains("indicator × indicator"))
    }

    @Test func trendUsesOneDatasetAndOneSpec() throws {
        let cli = try prepared()
        // A second dataset and runs with other specs must not leak into the trend.
        try cli.ok([
            "index", "data", "import",
            try cli.write("other.csv", Self.data.replacingOccurrences(of: "NA", with: "4")),
            "--framework", "small@1", "--dataset", "other",
        ])
        try cli.ok(["index", "compute", "--framework", "small@1", "--dataset", "s", "--period", "2022"])
        try cli.ok([
            "index", "compute", "--framework", "small@1", "--dataset", "s", "--period", "2023", "--treat",
        ])
        try cli.ok(["index", "compute", "--framework", "small@1", "--dataset", "other", "--period", "2023"])
        let rows =
            try json(
                try cli.ok(["index", "trend", "--unit", "u2", "--run", "1", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(rows.map { $0["period"] as? String } == ["2022", "2023"])
        #expect(Set(rows.map { $0["dataset"] as! String }) == ["s"])
        #expect(Set(rows.map { $0["spec"] as! String }).count == 1)
        #expect(rows.first?["run"] as? Int == 1)
        // Neither the treated 2023 run (#2) nor the other dataset's (#3): a new untreated run.
        #expect(![2, 3].contains(rows.last?["run"] as? Int ?? 2))
        let treated =
            try json(
                try cli.ok([
                    "index", "trend", "--unit", "u2", "--framework", "small@1", "--dataset", "s", "--treat",
                    "--format", "json",
                ]).stdout) as! [[String: Any]]
        #expect(treated.last?["run"] as? Int == 2)
        #expect(treated.first?["run"] as? Int != 1)
    }

    @Test func verifyLooksOnlyAtTheRunsPeriod() throws {
        let cli = try prepared()
        try cli.ok(["index", "compute", "--framework", "small@1", "--dataset", "s", "--period", "2022"])
        try cli.ok(["index", "compute", "--framework", "small@1", "--dataset", "s", "--period", "2023"])
        try cli.ok([
            "index", "data", "import",
            try cli.write("edit.csv", "unit,period,indicator,value\nu2,2023,b,1\n"),
            "--framework", "small@1", "--dataset", "s",
        ])
        let old = try json(try cli.ok(["index", "verify", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(old["data_unchanged"] as? Bool == true && old["result_identical"] as? Bool == true)
        let changed = try cli.fail(["index", "verify", "2", "--format", "json"])
        #expect(changed.status == 65 && changed.cause == "index.run-not-reproducible", "\(changed)")
        // What changed is in the record printed before the error: the data, not the spec.
        let fields = try json(changed.stdout) as! [String: Any]
        #expect(fields["data_unchanged"] as? Bool == false && fields["spec_unchanged"] as? Bool == true)
    }

    @Test func geometricMeanErrorNamesNodeChildAndUnit() throws {
        let cli = try prepared()
        let r = try cli.fail([
            "index", "compute", "--framework", "small@1", "--dataset", "s", "--period", "2022", "--normalise",
            "zScore", "--aggregate", "geometric",
        ])
        #expect(r.status == 65 && r.cause == "index.aggregation-needs-positive", "\(r)")
        // The child is named by its code (not its position), with its node and the unit.
        let child = try #require(r.field, "\(r)")
        #expect(["a", "b", "c", "d"].contains(child), "\(r)")
        let node = child == "d" ? "Q" : "P"
        for message in [r.zh, r.en] {
            #expect(message.contains(node), "\(r)")
            #expect(["u1", "u2", "u3", "u4", "u5"].contains { message.contains($0) }, "\(r)")
            // The value is shown with at most four decimals.
            #expect(message.range(of: #"\d\.\d{5}"#, options: .regularExpression) == nil, "\(r)")
        }
    }
}
