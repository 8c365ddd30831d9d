import Foundation
import GSLTestSupport
import Testing

/// `gsl demo generate --year` and `gsl report annual|explain|figures` end to end: a small generated
/// year, its report in every format, provenance, bad input, and the whole year rebuilt from the
/// audit log alone (no write of the generator bypasses it).
@Suite(.serialized) struct ReportCLITests {
    /// A store with a 2023 at scale 0.02 and its index.
    static func year() throws -> CLIRunner {
        var cli = try CLIRunner()
        cli.environment["GSL_ACTOR"] = "演示"
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["demo", "generate", "--year", "2023", "--scale", "0.02", "--seed", "9"])
        try cli.ok([
            "index", "compute", "--framework", "qinqing@v2", "--dataset", "ningbo", "--period", "2023",
        ])
        return cli
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    @Test func theYearsReportInEveryFormat() throws {
        let cli = try Self.year()
        let text = try cli.ok(["report", "annual", "--year", "2023"]).stdout
        for heading in ["亲清政商关系", "民营经济人士成长", "民营经济高质量发展", "商会建设", "商会联村"] {
            #expect(text.contains(heading), "\(heading)")
        }
        let en = try cli.ok(["report", "annual", "--year", "2023", "--lang", "en", "--format", "md"]).stdout
        #expect(en.contains("## 5. Chambers and villages"))
        let doc = try Self.json(
            try cli.ok(["report", "annual", "--year", "2023", "--format", "json"]).stdout)
        let figures = try #require(doc["figures"] as? [[String: Any]])
        let csv = try cli.ok(["report", "figures", "--year", "2023", "--format", "csv"]).stdout
        #expect(csv.split(whereSeparator: \.isNewline).count == figures.count + 1)
        // JSON is exact: a money figure is an integer count of fen.
        let credit = try #require(figures.first { $0["id"] as? String == "match.credit-amount" })
        #expect(credit["unit"] as? String == "fen")
        #expect((credit["value"] as? Int ?? 0) > 0)
        let html = cli.directory.appendingPathComponent("r.html").path
        let written = try cli.ok(["report", "annual", "--year", "2023", "--format", "html", "--out", html])
        #expect(written.stderr.contains("r.html"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("@page{size:A4"))
        #expect(!page.contains("<script") && !page.contains("https://"))
    }

    @Test func explainShowsTheQueryAndTheRecords() throws {
        let cli = try Self.year()
        let e = try Self.json(
            try cli.ok([
                "report", "explain", "events.exhibition-agreements", "--year", "2023", "--format", "json",
            ]).stdout)
        #expect((e["query"] as? String ?? "").contains("event_outcomes"))
        #expect(e["record_count"] as? Int == e["value"] as? Int)
        #expect((e["records"] as? [Any])?.isEmpty == false)
        let unknown = try cli.fail(["report", "explain", "cases.solvd", "--year", "2023"])
        #expect(unknown.status == 66)
        #expect(unknown.cause == "report.figure-unknown")
        #expect(unknown.zh.contains("cases.solved"))
        let year = try cli.fail(["report", "annual", "--year", "99999"])
        #expect(year.status == 64)
    }

    @Test func aBadPlanIsRefusedAndWritesNothing() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        let plan = try String(
            contentsOf: Fixtures.datasets.appendingPathComponent("demo/ningbo-year.yaml"), encoding: .utf8)
        let bad = try cli.write(
            "plan.yaml", plan.replacingOccurrences(of: "  dialogues: 8", with: "  dialoges: 8"))
        let before = try cli.ok(["status", "--format", "json"]).stdout
        let failure = try cli.fail(["demo", "generate", "--year", "2023", "--plan", bad])
        #expect(failure.status == 65)
        #expect(failure.cause == "config.unknown-key")
        #expect(failure.zh.contains("dialogues") || failure.en.contains("dialogues"))
        #expect(try cli.ok(["status", "--format", "json"]).stdout == before)
        let noYear = try cli.fail(["demo", "generate", "--year", "1999"])
        #expect(noYear.status == 64)
    }

    @Test func theGeneratedYearIsRebuiltFromTheAuditLog() throws {
        let cli = try Self.year()
        let target = cli.directory.appendingPathComponent("replay.sqlite").path
        let result = try cli.ok(["audit", "replay", "--into", target, "--format", "json", "--lang", "en"])
        let tables =
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        var seen: Set<String> = []
        for table in tables where ["audited", "unregistered", "log"].contains(table["kind"] as? String ?? "")
        {
            #expect(table["equal"] as? String == "yes", "\(table)")
            if (table["source_rows"] as? Int ?? 0) > 0 { seen.insert(table["table"] as? String ?? "") }
        }
        for t in [
            "organisations", "memberships", "people", "cases", "visits", "info_reports", "proposals",
            "events",
            "event_attendance", "event_outcomes", "match_postings", "match_proposals", "pairings",
            "pair_investments", "pair_workshops", "index_values",
        ] {
            #expect(seen.contains(t), "\(t) empty or not replayed")
        }
    }
}
