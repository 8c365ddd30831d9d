import Foundation
import GSLTestSupport
import Testing

/// `gsl info …` and `gsl proposal …` end to end: events and scores from a points table, the
/// proposal state machine with its timeline, conflicts, and refusals that leave the store unchanged.
@Suite struct InfoProposalCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func status(_ cli: CLIRunner) throws -> [Substring] {
        try cli.ok(["status", "--format", "json"]).stdout.split(separator: "\n").filter {
            !$0.contains("bytes")
        }
    }

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["org", "add", "--name", "宁波市温州商会", "--kind", "chamber"])
        try cli.ok([
            "info", "draft", "--title", "民营企业融资成本偏高", "--author", "张三", "--chamber", "宁波市温州商会",
            "--date", "2025-03-01",
        ])
        try cli.ok(["info", "draft", "--title", "中小企业用工缺口", "--author", "李四", "--date", "2025-03-05"])
        try cli.ok([
            "proposal", "file", "--title", "关于缓解民营企业融资难的建议", "--proposer", "王五", "--chamber", "宁波市温州商会",
            "--date", "2025-01-15",
        ])
        return cli
    }

    @Test func reportEventsScoresAndRankings() throws {
        let cli = try prepared()
        for step in [
            ["submit", "1", "--date", "2025-03-02"], ["submit", "2", "--date", "2025-03-06"],
            ["adopt", "1", "--level", "national", "--body", "全国政协办公厅", "--date", "2025-04-01"],
            ["adopt", "1", "--level", "市级", "--body", "市委办公厅", "--date", "2025-04-03"],
            ["instruct", "1", "--level", "provincial", "--leader", "省领导", "--date", "2025-04-10"],
            ["adopt", "2", "--level", "provincial", "--body", "省政协办公厅", "--date", "2026-01-05"],
        ] {
            try cli.ok(["info"] + step)
        }
        let shown = try json(try cli.ok(["info", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["state"] as? String == "submitted")
        #expect(shown["adoptions"] as? Int == 2 && shown["instructions"] as? Int == 1)
        let events = shown["events"] as! [[String: Any]]
        #expect(events[1]["body"] as? String == "全国政协办公厅" && events[1]["level"] as? String == "national")
        #expect(events.count == 4)
        // Defaults: 张三 1 + 10 + 2 + 8 = 21; 李四 1 + 5 = 6; in 2025 李四 has only the submission.
        let all =
            try json(try cli.ok(["info", "score", "--by", "author", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(all.map { $0["key"] as? String } == ["张三", "李四"])
        #expect(all.map { $0["points"] as? Double } == [21, 6])
        #expect(all.map { $0["rank"] as? Int } == [1, 2])
        let year =
            try json(
                try cli.ok(["info", "score", "--by", "author", "--period", "2025", "--format", "json"]).stdout
            ) as! [[String: Any]]
        #expect(year.map { $0["points"] as? Double } == [21, 1])
        let chambers =
            try json(try cli.ok(["info", "score", "--by", "chamber", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(chambers.map { $0["key"] as? String } == ["宁波市温州商会", nil])
        let chambersTable = try cli.ok(["info", "score", "--by", "chamber", "--format", "csv"]).stdout
        #expect(chambersTable.contains("（无商会）"))
        // A YAML table of the same shape: equal points share rank 1.
        let yaml = try cli.write(
            "points.yaml",
            """
            submission: 1
            adoption:
              national: 0
              provincial: 11
              municipal: 0
            instruction:
              provincial: 9
            """)
        // 李四 1 + 11 = 12; 张三 1 + 0 + 0 + 9 = 10.
        let custom =
            try json(try cli.ok(["info", "score", "--points", yaml, "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(custom.map { $0["points"] as? Double } == [12, 10])
        #expect(custom.map { $0["key"] as? String } == ["李四", "张三"])
        let tie = try cli.write(
            "tie.json",
            #"{"submission": 1, "adoption": {"national": 0, "provincial": 10, "municipal": 0}, "instruction": {"provincial": 10}}"#
        )
        let tied =
            try json(try cli.ok(["info", "score", "--points", tie, "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(tied.map { $0["rank"] as? Int } == [1, 1])
        #expect(tied.map { $0["key"] as? String } == ["张三", "李四"])
        let listed =
            try json(try cli.ok(["info", "list", "--period", "2025Q1", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(listed.map { $0["id"] as? Int } == [2, 1])
        #expect(try cli.ok(["info", "list", "--period", "2024", "--format", "json"]).stdout.contains("[]"))
    }

    @Test func reportRefusalsLeaveTheStoreUnchanged() throws {
        let cli = try prepared()
        try cli.ok(["info", "submit", "2", "--date", "2025-03-06"])
        let bad = try cli.write(
            "bad.yaml", "submission: 1\nadoption:\n  county: 3\ninstruction:\n  national: 1\n")
        let before = try status(cli)
        // Arguments, exit status, cause, and the input (or the allowed action) the message names.
        let cases: [([String], Int32, String, String)] = [
            (["info", "submit", "99"], 66, "casework.info-not-found", "99"),
            (
                ["info", "adopt", "99", "--level", "national", "--body", "全国政协"], 66,
                "casework.info-not-found", "99"
            ),
            (
                ["info", "adopt", "1", "--level", "national", "--body", "全国政协"], 65,
                "casework.info-action-not-allowed", "submit"
            ),
            (["info", "submit", "2"], 65, "casework.info-action-not-allowed", "adopt"),
            (["info", "adopt", "2", "--level", "县级", "--body", "县政协"], 64, "casework.unknown-value", "县级"),
            (["info", "instruct", "2", "--level", "national"], 64, "cli.arguments", "--leader"),
            (
                ["info", "adopt", "2", "--level", "national", "--body", "全国政协", "--date", "2025-02-30"], 65,
                "core.invalid-date", "2025-02-30"
            ),
            (
                ["info", "adopt", "2", "--level", "national", "--body", "全国政协", "--date", "2025-03-01"], 65,
                "casework.backdated", "2025-03-01"
            ),
            (
                ["info", "draft", "--title", "x", "--author", "y", "--chamber", "不存在的商会"], 66,
                "store.reference-not-found", "不存在的商会"
            ),
            (["info", "score", "--by", "county"], 64, "cli.arguments", "county"),
            (["info", "score", "--points", "missing.json"], 66, "file.not-found", "missing.json"),
            (["info", "score", "--points", bad], 65, "casework.info-points-invalid", "county"),
            (["info", "show", "7"], 66, "casework.info-not-found", "7"),
        ]
        for (args, code, cause, quoted) in cases {
            let r = try cli.fail(args)
            #expect(r.status == code && r.cause == cause, "\(args): \(r)")
            #expect(r.en.contains(quoted), "\(args): \(r)")
        }
        #expect(try status(cli) == before)
        let stale = try cli.fail([
            "info", "adopt", "2", "--level", "national", "--body", "全国政协", "--expect-version", "1",
        ])
        #expect(stale.status == 75 && stale.cause == "store.stale-version", "\(stale)")
        #expect(try status(cli) == before)
    }

    @Test func proposalLifecycleWithAdoptions() throws {
        let cli = try prepared()
        let refused = try cli.fail(["proposal", "answer", "1", "--grade", "A", "--date", "2025-02-01"])
        #expect(refused.status == 65 && refused.cause == "casework.info-action-not-allowed", "\(refused)")
        // The message names the action that is allowed instead.
        #expect(refused.en.contains("assign"), "\(refused)")
        for step in [
            [
                "assign", "1", "--lead", "市金融办", "--assist", "市财政局", "--assist", "人行宁波市分行", "--date",
                "2025-02-01",
            ],
            ["answer", "1", "--grade", "B", "--date", "2025-04-01"],
            ["evaluate", "1", "--satisfaction", "不满意", "--date", "2025-04-05"],
            ["answer", "1", "--grade", "a", "--date", "2025-04-20", "--note", "重新办理"],
            ["evaluate", "1", "--satisfaction", "满意", "--date", "2025-04-25"],
            ["adopt", "1", "--level", "national", "--body", "全国政协", "--date", "2025-05-01"],
            ["adopt", "1", "--level", "provincial", "--body", "省政协", "--date", "2025-05-03"],
            ["close", "1", "--date", "2025-05-10"],
        ] {
            try cli.ok(["proposal"] + step)
        }
        let shown =
            try json(try cli.ok(["proposal", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["state"] as? String == "closed")
        #expect(shown["assisting"] as? String == "市财政局、人行宁波市分行")
        #expect(shown["grade"] as? String == "A" && shown["evaluation"] as? String == "satisfied")
        #expect(shown["allowed"] as? String == "adopt")
        let adoptions = shown["adoptions"] as! [[String: Any]]
        #expect(adoptions.count == 2 && adoptions[0]["body"] as? String == "全国政协")
        let timeline = shown["timeline"] as! [[String: Any]]
        #expect(timeline.count == 9)
        #expect(timeline[0]["action"] as? String == "file")
        #expect(timeline[4]["note"] as? String == "重新办理" && timeline[4]["actor"] as? String == "tester")
        // A closed proposal still takes an adoption, nothing else.
        let after = try cli.fail(["proposal", "evaluate", "1", "--satisfaction", "满意"])
        #expect(after.status == 65 && after.cause == "casework.info-action-not-allowed", "\(after)")
        #expect(after.en.contains("adopt"), "\(after)")
        let listed =
            try json(try cli.ok(["proposal", "list", "--state", "closed", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(listed.count == 1 && listed.first?["lead"] as? String == "市金融办")
        #expect(
            try cli.ok(["proposal", "list", "--period", "2024", "--format", "json"]).stdout.contains("[]"))
    }

    @Test func proposalConflictsAndRefusalsLeaveTheStoreUnchanged() throws {
        let cli = try prepared()
        let version =
            (try json(try cli.ok(["proposal", "show", "1", "--format", "json"]).stdout) as! [String: Any])[
                "version"] as! Int
        try cli.ok([
            "proposal", "assign", "1", "--lead", "市金融办", "--expect-version", String(version), "--date",
            "2025-02-01",
        ])
        let before = try status(cli)
        // Arguments, exit status, cause, and the input (or the allowed action) the message names.
        let cases: [([String], Int32, String, String?)] = [
            (
                ["proposal", "assign", "1", "--lead", "市经信局", "--expect-version", String(version)], 75,
                "store.stale-version", nil
            ),
            (["proposal", "close", "1"], 65, "casework.info-action-not-allowed", "answer"),
            (["proposal", "answer", "1", "--grade", "D"], 64, "casework.unknown-value", "D"),
            (["proposal", "evaluate", "1", "--satisfaction", "还行"], 64, "casework.unknown-value", "还行"),
            (
                ["proposal", "adopt", "1", "--level", "county", "--body", "县政协"], 64,
                "casework.unknown-value",
                "county"
            ),
            (
                ["proposal", "answer", "1", "--grade", "A", "--date", "2024-12-31"], 65, "casework.backdated",
                "2024-12-31"
            ),
            (["proposal", "answer", "42", "--grade", "A"], 66, "casework.proposal-not-found", "42"),
            (["proposal", "show", "42"], 66, "casework.proposal-not-found", "42"),
            (["proposal", "list", "--state", "done"], 64, "casework.unknown-value", "done"),
            (
                ["proposal", "file", "--title", "x", "--proposer", "y", "--chamber", "不存在的商会"], 66,
                "store.reference-not-found", "不存在的商会"
            ),
            (["proposal", "assign", "1"], 64, "cli.arguments", "--lead"),
        ]
        for (args, code, cause, quoted) in cases {
            let r = try cli.fail(args)
            #expect(r.status == code && r.cause == cause, "\(args): \(r)")
            if let quoted { #expect(r.en.contains(quoted), "\(args): \(r)") }
        }
        #expect(try status(cli) == before)
        let shown =
            try json(try cli.ok(["proposal", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["lead_department"] as? String == "市金融办" && shown["state"] as? String == "assigned")
    }

    @Test func twoProcessesAtOnceOneWinsTheOtherConflicts() throws {
        let cli = try prepared()
        let leads = ["市金融办", "市经信局"]
        let results = LockedResults()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let r = try? cli.run([
                "proposal", "assign", "1", "--lead", leads[i], "--expect-version", "1", "--date",
                "2025-02-01",
            ])
            results.append(r?.status ?? -1)
        }
        #expect(results.values.sorted() == [0, 75])
        let shown =
            try json(try cli.ok(["proposal", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["version"] as? Int == 2)
        #expect(leads.contains(shown["lead_department"] as? String ?? ""))
        #expect((shown["timeline"] as? [[String: Any]])?.count == 2)
    }

    @Test func englishMessages() throws {
        let cli = try prepared()
        // --lang en prints the English message of the error the JSON report describes.
        for (args, cause) in [
            (["proposal", "close", "1", "--lang", "en"], "casework.info-action-not-allowed"),
            (
                ["info", "adopt", "1", "--level", "county", "--body", "x", "--lang", "en"],
                "casework.unknown-value"
            ),
        ] {
            let report = try cli.fail(args)
            #expect(report.cause == cause && !report.en.isEmpty, "\(args): \(report)")
            let line = try cli.run(args)
            #expect(line.status == report.status && line.stderr == "gsl: \(report.en)\n", "\(line.stderr)")
        }
    }
}

/// Exit statuses collected from concurrent runs.
private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int32] = []

    func append(_ status: Int32) {
        lock.lock()
        stored.append(status)
        lock.unlock()
    }

    var values: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
