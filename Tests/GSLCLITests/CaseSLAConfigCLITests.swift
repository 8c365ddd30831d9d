import Foundation
import GSLTestSupport
import Testing

/// `gsl case sla` under configured SLA policies: the filtered views (`--overdue`, `--due-within`)
/// agree with the full view whatever the deadlines, and `--today D` shows the queue as it stood
/// on D.
@Suite struct CaseSLAConfigCLITests {
    func rows(_ cli: CLIRunner, _ args: [String]) throws -> [[String: Any]] {
        let out = try cli.ok(["case", "sla", "--format", "json"] + args).stdout
        return try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [[String: Any]]
    }

    /// Level L2 (催办) or L3 (通报), whatever the language of the label.
    func isOverdue(_ row: [String: Any]) -> Bool {
        let level = (row["level"] as? String ?? "").lowercased()
        return level.contains("l2") || level.contains("l3")
    }

    /// Requests opened, assigned and started on 2025-03-03 (a Monday), one per priority.
    func prepared(policies: String?) throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "海曙区"])
        if let policies {
            let file = try cli.write("cfg.json", "{\"policies\": {\"policies\": \(policies)}}")
            try cli.ok(["case", "config", "import", file])
        }
        for (n, priority) in ["normal", "high", "low"].enumerated() {
            try cli.ok([
                "case", "open", "--org", "1", "--category", "融资信贷", "--title", "续贷困难\(n)", "--priority",
                priority,
                "--date", "2025-03-03",
            ])
            try cli.ok(["case", "assign", String(n + 1), "--lead", "市金融办", "--date", "2025-03-03"])
            try cli.ok(["case", "start", String(n + 1), "--date", "2025-03-03"])
        }
        return cli
    }

    /// The ids shown at L2 or above in the full view, and those `--overdue` shows.
    func agree(_ cli: CLIRunner, on day: String) throws {
        let all = try rows(cli, ["--today", day])
        let overdueInAll = Set(all.filter { isOverdue($0) }.map { "\($0["id"]!)" })
        let overdue = Set(try rows(cli, ["--today", day, "--overdue"]).map { "\($0["id"]!)" })
        #expect(overdue == overdueInAll, "on \(day): --overdue \(overdue) vs full view \(overdueInAll)")
        for n in [0, 1, 3] {
            let within = Set(
                try rows(cli, ["--today", day, "--due-within", String(n)]).map { "\($0["id"]!)" })
            let expected = Set(
                all.filter { row in
                    guard let text = row["elapsed"] as? String, let slash = text.firstIndex(of: "/") else {
                        return false
                    }
                    let elapsed = Int(text[..<slash]) ?? 0,
                        target = Int(text[text.index(after: slash)...]) ?? 0
                    return target - elapsed <= n
                }.map { "\($0["id"]!)" })
            #expect(within == expected, "on \(day): --due-within \(n) \(within) vs \(expected)")
        }
    }

    @Test func shorterConfiguredDeadlinesAreOverdueInEveryView() throws {
        // The issue's reproduction: normal priority 1/2 working days.
        let cli = try prepared(
            policies: "[{\"priority\": \"normal\", \"firstResponseWorkdays\": 1, \"resolutionWorkdays\": 2}]")
        let full = try rows(cli, ["--today", "2025-03-10"])
        #expect(full.contains { "\($0["id"]!)" == "1" && isOverdue($0) })
        let overdue = try rows(cli, ["--today", "2025-03-10", "--overdue"])
        #expect(overdue.map { "\($0["id"]!)" }.contains("1"))
        for day in ["2025-03-04", "2025-03-05", "2025-03-06", "2025-03-10", "2025-03-20"] {
            try agree(cli, on: day)
        }
    }

    @Test func longerConfiguredDeadlinesAreNotOverdueEarly() throws {
        let cli = try prepared(
            policies: "[{\"priority\": \"normal\", \"firstResponseWorkdays\": 5, \"resolutionWorkdays\": 30}]"
        )
        #expect(
            try rows(cli, ["--today", "2025-03-20", "--overdue"]).map { "\($0["id"]!)" }.contains("1")
                == false)
        for day in ["2025-03-10", "2025-03-20", "2025-04-16", "2025-05-20"] {
            try agree(cli, on: day)
        }
    }

    @Test func configImportRecomputesStoredDueDatesOfOpenRequests() throws {
        // Opened under the default deadlines (normal: 10 working days), then shortened.
        let cli = try prepared(policies: nil)
        #expect(try rows(cli, ["--today", "2025-03-10", "--overdue"]).isEmpty)
        let file = try cli.write(
            "short.json",
            "{\"policies\": {\"policies\": [{\"priority\": \"normal\", \"firstResponseWorkdays\": 1, \"resolutionWorkdays\": 2}]}}"
        )
        // Normal is shortened; high and low are not named, so they fall back to the fallback policy.
        let imported = try cli.ok(["case", "config", "import", file, "--lang", "en"])
        #expect(imported.stderr.contains("due dates of 3 open requests recomputed"), "\(imported.stderr)")
        #expect(try rows(cli, ["--today", "2025-03-10", "--overdue"]).map { "\($0["id"]!)" } == ["1"])
        try agree(cli, on: "2025-03-10")
    }

    @Test func todayInThePastShowsTheQueueAsItStoodThen() throws {
        let cli = try prepared(policies: nil)
        try cli.ok(["case", "answer", "1", "--date", "2025-03-05"])
        // Now request 1 is answered: it has no running clock today.
        #expect(try rows(cli, ["--today", "2025-03-06"]).map { "\($0["id"]!)" } == ["2", "3"])
        // On 2025-03-04 it was still in progress, with one working day of two used on first response.
        let then = try rows(cli, ["--today", "2025-03-04"])
        #expect(then.map { "\($0["id"]!)" } == ["1", "2", "3"])
        #expect(then.first?["elapsed"] as? String == "1/10")
        // Before anything was opened, the queue was empty.
        #expect(try rows(cli, ["--today", "2025-03-01"]).isEmpty)
        // The timeline itself is untouched by looking at the past.
        let shown = try cli.ok(["case", "show", "1", "--format", "json"]).stdout
        #expect(shown.contains("2025-03-05"))
    }

    @Test func overdueAndDueWithinTogetherIsAUsageError() throws {
        let cli = try prepared(policies: nil)
        let both = try cli.run(["case", "sla", "--overdue", "--due-within", "2"])
        #expect(both.status == 64)
    }
}
