import Foundation
import GSLTestSupport
import Testing

/// `gsl index …` end to end: versioned frameworks, data import with checks, runs with provenance,
/// analyses, assessment and reports.
@Suite struct IndexCLITests {
    static var frameworks: String { Fixtures.datasets.appendingPathComponent("frameworks").path }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// A store with both Ningbo frameworks and seeded synthetic data.
    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok([
            "index", "framework", "import", "\(Self.frameworks)/qinqing-v1.yaml",
            "\(Self.frameworks)/qinqing-v2.yaml",
        ])
        try cli.ok(["index", "data", "generate", "--framework", "qinqing@v2", "--dataset", "ningbo"])
        return cli
    }

    @Test func frameworkVersionsAreImmutableAndDiffed() throws {
        let cli = try prepared()
        // Same content again: a no-op.
        let again = try cli.ok([
            "index", "framework", "import", "\(Self.frameworks)/qinqing-v2.yaml", "--format", "json",
        ])
        #expect(again.stdout.contains("已存在"))
        // Same id@version with changed content: refused, nothing stored.
        let original = try String(contentsOfFile: "\(Self.frameworks)/qinqing-v2.yaml", encoding: .utf8)
        let edited = try cli.write(
            "v2-edited.yaml", original.replacingOccurrences(of: "weight: 0.4", with: "weight: 0.5"))
        let refused = try cli.fail(["index", "framework", "import", edited])
        #expect(refused.status == 75 && refused.cause == "index.framework-version-changed", "\(refused)")
        #expect(refused.en.contains("qinqing@v2"), "\(refused)")
        let list =
            try json(try cli.ok(["index", "framework", "list", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(list.count == 2)
        let diff = try cli.ok(["index", "framework", "diff", "qinqing@v1", "qinqing@v2", "--format", "csv"])
            .stdout
        #expect(diff.contains("added"))
        #expect(diff.contains("健康发展") || diff.contains("health"))
    }

    @Test func badDataIsRefusedAndNothingWritten() throws {
        let cli = try prepared()
        let before = try cli.ok(["index", "data", "list", "--format", "csv"]).stdout
        // File, body, cause, line, and the input value the message quotes.
        let cases: [(String, String, String, Int, String?)] = [
            (
                "unknown.csv", "unit,period,indicator,value\n330203,2024,no_such_indicator,1\n",
                "index.unknown-indicator", 2, "no_such_indicator"
            ),
            (
                "dup.csv", "unit,period,indicator,value\n330203,2024,gs_visits,1\n330203,2024,gs_visits,2\n",
                "import.duplicate-row", 3, nil
            ),
            (
                "text.csv", "unit,period,indicator,value\n330203,2024,gs_visits,很多\n",
                "import.text-in-number", 2,
                "很多"
            ),
        ]
        for (name, body, cause, line, quoted) in cases {
            let path = try cli.write(name, body)
            let r = try cli.fail([
                "index", "data", "import", path, "--framework", "qinqing@v2", "--dataset", "ningbo",
            ])
            #expect(r.status == 65 && r.cause == cause, "\(name): \(r)")
            #expect(r.file == path && r.line == line, "\(name): \(r)")
            if let quoted { #expect(r.en.contains(quoted) && r.zh.contains(quoted), "\(name): \(r)") }
        }
        // Units checked against the loaded divisions on request.
        try cli.ok(["ref", "load"])
        let unit = try cli.write("unit.csv", "unit,period,indicator,value\n330299,2024,gs_visits,1\n")
        let badUnit = try cli.fail([
            "index", "data", "import", unit, "--framework", "qinqing@v2", "--dataset", "ningbo", "--regions",
        ])
        #expect(badUnit.status == 65 && badUnit.cause == "index.unknown-unit", "\(badUnit)")
        #expect(badUnit.file == unit && badUnit.line == 2 && badUnit.en.contains("330299"), "\(badUnit)")
        #expect(try cli.ok(["index", "data", "list", "--format", "csv"]).stdout == before)
        // A good long file adds a period.
        let good = try cli.write("good.csv", "单位,时期,指标,值\n330203,2024,gs_visits,31.5\n")
        try cli.ok(["index", "data", "import", good, "--framework", "qinqing@v2", "--dataset", "ningbo"])
        #expect(try cli.ok(["index", "data", "list", "--format", "csv"]).stdout.contains("2019–2024"))
    }

    @Test func computeStoresProvenanceAndAnalysesUseIt() throws {
        let cli = try prepared()
        for period in ["2022", "2023"] {
            try cli.ok([
                "index", "compute", "--framework", "qinqing@v2", "--dataset", "ningbo", "--period", period,
                "--normalise", "efficacy",
            ])
        }
        let ranking =
            try json(try cli.ok(["index", "show", "2", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(ranking.count == 10)
        let scores = ranking.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        // 功效系数 scores lie in 60–100 when every value sits between 不允许值 and 满意值.
        #expect(scores.allSatisfy { $0 >= 40 && $0 <= 100 })
        let runs = try json(try cli.ok(["index", "runs", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(runs.count == 2)
        // Provenance: the run recomputes exactly from what was stored; after the data change it is flagged.
        let verified =
            try json(try cli.ok(["index", "verify", "2", "--format", "json"]).stdout) as! [String: Any]
        #expect(verified["result_identical"] as? Bool == true && verified["data_unchanged"] as? Bool == true)
        let shown = try cli.ok(["index", "show", "2"])
        #expect(shown.stderr.contains("qinqing@v2") && shown.stderr.contains("ningbo"))

        // What-if: a much better value for the last unit raises its score.
        let last = ranking.last!["unit"] as! String
        let whatif =
            try json(
                try cli.ok(["index", "whatif", "2", last, "--set", "gs_rule_of_law=99", "--format", "json"])
                    .stdout) as! [String: Any]
        #expect((whatif["score_after"] as! Double) > (whatif["score_before"] as! Double))

        // Uncertainty is stored on the run and used by the assessment.
        try cli.ok([
            "index", "uncertainty", "2", "--runs", "200", "--seed", "3", "--aggregations",
            "arithmetic,geometric",
        ])
        let grades =
            try json(try cli.ok(["index", "assess", "2", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(grades.count == 10)
        #expect(
            grades.allSatisfy {
                ["Excellent", "Good", "Pass", "Fail"].contains($0["grade"] as? String ?? "")
            })
        #expect(grades.allSatisfy { ($0["interval"] as? String)?.contains("–") == true })

        // Trend over the two periods, explain, compare.
        let trend =
            try json(try cli.ok(["index", "trend", "--unit", last, "--format", "json"]).stdout)
            as! [[String: Any]]
        // Every period of the dataset, with the latest run's spec (run 2 for 2023, computed for the others).
        #expect(trend.map { $0["period"] as? String } == ["2019", "2020", "2021", "2022", "2023"])
        #expect(trend.map { $0["run"] as? Int }.suffix(2) == [1, 2])
        let explain = try cli.ok(["index", "explain", "2", last, "--format", "csv"])
        #expect(explain.stderr.contains("短板"))
        let compare = try cli.ok(["index", "compare", "1", "2", "--format", "csv"])
        #expect(compare.stderr.contains("Spearman"))

        // Reports: Markdown and one self-contained HTML file with SVG charts.
        let md = try cli.ok(["index", "report", "2", "--format", "md"]).stdout
        #expect(md.contains("| 排名 |") && md.contains("示意"))
        let htmlPath = cli.directory.appendingPathComponent("r.html").path
        try cli.ok(["index", "report", "2", "--format", "html", "--out", htmlPath])
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        // Self-contained: no external scripts, styles or images.
        #expect(!html.contains("src=") && !html.contains("<link"))
        #expect(html.contains("Q5"))
    }

    @Test func unknownRunAndFrameworkAreNotFound() throws {
        let cli = try prepared()
        #expect(try cli.run(["index", "show", "99"]).status == 66)
        #expect(
            try cli.run(["index", "compute", "--framework", "nope@v9", "--dataset", "ningbo"]).status == 66)
        #expect(
            try cli.run(["index", "compute", "--framework", "qinqing@v2", "--dataset", "empty"]).status == 66)
    }
}
