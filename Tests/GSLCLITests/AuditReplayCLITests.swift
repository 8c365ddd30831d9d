import Foundation
import GSLTestSupport
import Testing

/// `gsl audit replay --into FILE` end to end: the log of the demo's steps rebuilds every audited
/// table with the same content hash; a row changed with SQLite directly (around the log) makes the
/// command fail with exit 65 and name the row.
@Suite(.serialized) struct AuditReplayCLITests {
    /// The replay's per-table report as JSON objects.
    static func tables(_ result: CLIResult) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// Runs the commands of `scripts/tour.sh` in order (its reads too: an `--unmask` or an SLA view
    /// may write), with the same arguments; output files go to the scratch folder.
    static func runDemo(_ cli: CLIRunner) throws {
        let out = cli.directory.path
        let frameworks = Fixtures.datasets.appendingPathComponent("frameworks").path
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["demo", "generate", "--orgs", "3300", "--seed", "2025", "--out", "\(out)/demo-firms.csv"])
        try cli.ok(["org", "import", "\(out)/demo-firms.csv", "--kind", "enterprise"])
        try cli.ok([
            "org", "add", "--kind", "chamber", "--name", "宁波市青年企业家商会", "--chamber-type", "direct",
            "--region", "宁波市",
        ])
        try cli.ok([
            "person", "add", "--name", "陈海波", "--gender", "男", "--birth-year", "1978", "--phone",
            "13805741234",
            "--title", "董事长",
        ])
        try cli.ok([
            "member", "add", "--chamber", "宁波市青年企业家商会", "--person", "陈海波", "--role", "会长", "--since",
            "2024-03-01",
        ])
        for id in try ids(cli, ["org", "list", "--kind", "enterprise", "--limit", "3"]) {
            try cli.ok(["member", "add", "--chamber", "宁波市青年企业家商会", "--org", id, "--role", "理事"])
        }
        try cli.ok(["member", "list", "--chamber", "宁波市青年企业家商会", "--format", "table"])
        try cli.ok(["org", "list", "--region", "海曙区", "--size", "中", "--limit", "8", "--format", "table"])
        let village = try ids(cli, ["region", "list", "--level", "village", "--limit", "1"]).last ?? "330203"
        try cli.ok(["region", "show", village, "--format", "table"])
        try cli.ok(["search", "模具", "--limit", "5", "--format", "table"])
        try cli.ok(["search", "宁海", "--kind", "region", "--limit", "5", "--format", "table"])
        try cli.ok([
            "calendar", "workdays", "--from", "2025-01-20", "--to", "2025-02-10", "--format", "table",
        ])
        try cli.ok(["calendar", "add-workdays", "2025-01-27", "5", "--format", "table"])
        try cli.ok(["visit", "campaign", "问千家进百企2025", "--from", "2025-01-01", "--to", "2025-12-31"])
        let firms = try ids(cli, ["org", "list", "--kind", "enterprise", "--limit", "20"])
        for id in firms { _ = try cli.run(["visit", "targets", "问千家进百企2025", "--org", id]) }
        for (n, id) in firms.prefix(12).enumerated() {
            _ = try cli.run([
                "visit", "log", "--org", id, "--date", "2025-03-0\((n + 1) % 9 + 1)", "--staff", "王芳",
                "--campaign",
                "问千家进百企2025",
            ])
        }
        try cli.ok(["visit", "stats", "问千家进百企2025", "--by", "county", "--format", "table"])
        try cli.ok([
            "case", "open", "--org", firms[0], "--category", "融资信贷", "--source", "visit", "--title",
            "续贷困难，需银行支持",
            "--date", "2025-01-24",
        ])
        try cli.ok(["case", "assign", "1", "--lead", "市金融办", "--assist", "人行宁波中心支行", "--date", "2025-01-24"])
        try cli.ok(["case", "sla", "--today", "2025-02-05", "--format", "table"])
        try cli.ok(["case", "start", "1", "--date", "2025-02-05"])
        try cli.ok(["case", "answer", "1", "--date", "2025-02-10"])
        try cli.ok([
            "case", "evaluate", "1", "--contacted", "--solved", "--satisfaction", "满意", "--date",
            "2025-02-12",
        ])
        try cli.ok(["case", "close", "1", "--date", "2025-02-12", "--format", "table"])
        try cli.ok(["case", "rates", "--by", "department", "--format", "table"])
        try cli.ok([
            "index", "framework", "import", "\(frameworks)/qinqing-v1.yaml", "\(frameworks)/qinqing-v2.yaml",
        ])
        try cli.ok(["index", "framework", "diff", "qinqing@v1", "qinqing@v2", "--format", "table"])
        try cli.ok(["index", "data", "generate", "--framework", "qinqing@v2", "--dataset", "ningbo"])
        for year in 2019...2023 {
            try cli.ok([
                "index", "compute", "--framework", "qinqing@v2", "--dataset", "ningbo", "--period", "\(year)",
                "--normalise", "efficacy", "--label", "年度考核 \(year)",
            ])
        }
        let run = try ids(cli, ["index", "runs"]).first ?? "1"
        try cli.ok(["index", "show", run, "--format", "table"])
        try cli.ok([
            "index", "uncertainty", run, "--runs", "1000", "--seed", "7", "--aggregations",
            "arithmetic,geometric",
        ])
        try cli.ok(["index", "assess", run, "--format", "table"])
        try cli.ok(["index", "trend", "--unit", "330213", "--format", "table"])
        try cli.ok(["index", "report", run, "--format", "html", "--out", "\(out)/qinqing-2023.html"])
        try cli.ok(["audit", "verify"])
        try cli.ok(["status", "--format", "table"])
    }

    /// The first column of a CSV listing (without its header).
    static func ids(_ cli: CLIRunner, _ arguments: [String]) throws -> [String] {
        try cli.ok(arguments + ["--format", "csv"]).stdout.split(whereSeparator: \.isNewline).dropFirst()
            .compactMap { $0.split(separator: ",").first.map(String.init) }
    }

    @Test func theDemosLogRebuildsEveryAuditedTable() throws {
        var cli = try CLIRunner()
        cli.environment["GSL_ACTOR"] = "演示"
        try Self.runDemo(cli)
        let target = cli.directory.appendingPathComponent("replay.sqlite").path
        let result = try cli.ok(["audit", "replay", "--into", target, "--format", "json", "--lang", "en"])
        let tables = try Self.tables(result)
        let audited = tables.filter { ($0["kind"] as? String) == "audited" }
        #expect(audited.count >= 20, "\(tables.map { $0["table"] ?? "" })")
        for table in tables where ["audited", "unregistered", "log"].contains(table["kind"] as? String ?? "")
        {
            #expect(table["equal"] as? String == "yes", "\(table)")
            #expect(table["source_hash"] as? String == table["replay_hash"] as? String, "\(table)")
            #expect(table["source_rows"] as? Int == table["replay_rows"] as? Int, "\(table)")
        }
        let rows = Dictionary(
            uniqueKeysWithValues: tables.map {
                ($0["table"] as? String ?? "", $0["source_rows"] as? Int ?? 0)
            })
        #expect((rows["organisations"] ?? 0) > 3300)
        #expect((rows["index_values"] ?? 0) > 0)
        #expect((rows["index_scores"] ?? 0) > 0)
        #expect((rows["case_events"] ?? 0) > 0)
        #expect((rows["visits"] ?? 0) > 0)
        #expect(result.stderr.contains("replayed"), "\(result.stderr)")
        // The replayed file is a gsl store whose chain verifies.
        try cli.ok(["audit", "verify", "--db", target])
        // A second replay into the same file is refused.
        let again = try cli.fail(["audit", "replay", "--into", target])
        #expect(again.status == 75)
        #expect(again.cause == "store.replay-target-exists")
    }

    @Test func aRowChangedAroundTheLogFailsTheReplayWith65() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M"])
        try cli.ok(["org", "add", "--name", "宁波乙公司", "--uscc", "91350100M000100Y43"])
        let clean = cli.directory.appendingPathComponent("clean.sqlite").path
        try cli.ok(["audit", "replay", "--into", clean])
        // Change a row with SQLite directly: no audit entry.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "python3", "-c",
            "import sqlite3; c = sqlite3.connect('\(cli.database)'); c.execute(\"update organisations set name = '改名' where id = 2\"); c.commit()",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        try cli.ok(["audit", "verify"])  // the chain itself is intact: the log simply lacks the change
        let target = cli.directory.appendingPathComponent("replay.sqlite").path
        let failure = try cli.fail(["audit", "replay", "--into", target, "--format", "json"])
        #expect(failure.status == 65)
        #expect(failure.cause == "store.replay-differs")
        #expect(failure.en.contains("organisations"), "\(failure)")
        #expect(failure.en.contains("id=2"), "\(failure)")
        #expect(failure.en.contains("name"), "\(failure)")
        let tables =
            try JSONSerialization.jsonObject(with: Data(failure.stdout.utf8)) as? [[String: Any]] ?? []
        let organisations = tables.first { $0["table"] as? String == "organisations" }
        #expect(organisations?["equal"] as? String == "no")
        #expect(tables.first { $0["table"] as? String == "audit_log" }?["equal"] as? String == "yes")
    }
}
