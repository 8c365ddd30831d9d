import Foundation
import GSLTestSupport
import Testing

/// `gsl case …` end to end: the state machine with its timeline, SLA on the Chinese calendar,
/// escalations once, 三率, duplicates, and refusals that leave the store unchanged.
@Suite struct CaseCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "海曙区"])
        try cli.ok([
            "case", "open", "--org", "宁波甬联科技有限公司", "--category", "融资信贷", "--title", "企业融资难，续贷困难",
            "--date", "2023-09-27",
        ])
        return cli
    }

    @Test func lifecycleTimelineAndRates() throws {
        let cli = try prepared()
        try cli.ok(["case", "assign", "1", "--lead", "市金融办", "--assist", "人行宁波中心支行", "--date", "2023-09-28"])
        // First response: 2 working days from 2023-09-27 → 2023-10-07, a make-up Saturday after National Day.
        let sla =
            try json(try cli.ok(["case", "sla", "--today", "2023-10-09", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(sla.first?["due"] as? String == "2023-10-07")
        let refused = try cli.fail(["case", "answer", "1", "--date", "2023-10-09"])
        #expect(refused.status == 65 && refused.cause == "casework.action-not-allowed", "\(refused)")
        // The message names the action that is allowed instead.
        #expect(refused.en.contains("start"), "\(refused)")
        for step in [
            ["start", "1", "--date", "2023-10-09"], ["answer", "1", "--date", "2023-10-10"],
            ["evaluate", "1", "--contacted", "--solved", "--satisfaction", "基本满意", "--date", "2023-10-12"],
            ["close", "1", "--date", "2023-10-12"],
        ] {
            try cli.ok(["case"] + step)
        }
        let shown = try json(try cli.ok(["case", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["state"] as? String == "closed")
        #expect((shown["timeline"] as? [[String: Any]])?.count == 6)
        // One valid callback: contacted, solved, 基本满意 = 0.9 → composite 0.1 + 0.5 + 0.4 × 0.9 = 96 %.
        let rates =
            try json(try cli.ok(["case", "rates", "--by", "department", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(rates.first?["group"] as? String == "市金融办")
        // JSON carries the rates as fractions at full precision (tables show percentages).
        #expect(rates.first?["satisfaction_rate"] as? Double == 0.9)
        #expect(abs((rates.first?["composite"] as? Double ?? 0) - 0.96) < 1e-12)
        // A request not yet assigned has no department: it is grouped as such, not a crash.
        try cli.ok([
            "case", "open", "--org", "1", "--category", "用工人才", "--title", "招工难", "--date", "2023-10-13",
        ])
        let withUnassigned =
            try json(try cli.ok(["case", "rates", "--by", "department", "--format", "json"]).stdout)
            as! [[String: Any]]
        // JSON gives no department as null; tables name it by language.
        #expect(Set(withUnassigned.map { $0["group"] as? String }) == ["市金融办", nil])
        let table = try cli.ok(["case", "rates", "--by", "department", "--format", "csv", "--lang", "en"])
            .stdout
        #expect(table.contains("(not assigned)") && !table.contains("未交办"))
    }

    @Test func settingsChangeCategoriesAndWeights() throws {
        let cli = try prepared()
        let shown = try cli.ok(["case", "config", "show"]).stdout
        #expect(shown.contains("融资信贷") && shown.contains("warningShare"))
        // The federation adds a category and weighs satisfaction more.
        let custom = shown.replacingOccurrences(of: "\"zh\" : \"其他\"", with: "\"zh\" : \"其他事项\"")
            .replacingOccurrences(of: "\"satisfaction\" : 0.4", with: "\"satisfaction\" : 0.5")
            .replacingOccurrences(of: "\"resolution\" : 0.5", with: "\"resolution\" : 0.4")
        let file = try cli.write("settings.json", custom)
        try cli.ok(["case", "config", "import", file])
        try cli.ok([
            "case", "open", "--org", "1", "--category", "其他事项", "--title", "门前道路破损", "--date", "2023-09-27",
        ])
        for step in [
            ["assign", "1", "--lead", "市金融办", "--date", "2023-09-28"],
            ["start", "1", "--date", "2023-10-09"],
            ["answer", "1", "--date", "2023-10-10"],
            ["evaluate", "1", "--contacted", "--satisfaction", "满意", "--date", "2023-10-12"],
        ] {
            try cli.ok(["case"] + step)
        }
        // contacted, not solved, 满意: 0.1 × 1 + 0.4 × 0 + 0.5 × 1 = 60 % with the new weights (50 % before).
        let rates =
            try json(try cli.ok(["case", "rates", "--by", "department", "--format", "json"]).stdout)
            as! [[String: Any]]
        let composite = rates.first { $0["group"] as? String == "市金融办" }?["composite"] as? Double
        #expect(abs((composite ?? 0) - 0.6) < 1e-12)
        let bad = try cli.write("bad.json", "{\"warningShare\": 1.5}")
        let refused = try cli.fail(["case", "config", "import", bad])
        #expect(refused.status == 65 && refused.cause == "casework.settings-invalid", "\(refused)")
        #expect(refused.en.contains("1.5"), "\(refused)")
    }

    @Test func escalationsAreRecordedOnce() throws {
        let cli = try prepared()
        let first =
            try json(try cli.ok(["case", "escalate", "--today", "2023-11-30", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(!first.isEmpty)
        let again =
            try json(try cli.ok(["case", "escalate", "--today", "2023-11-30", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(again.isEmpty)
    }

    @Test func staleVersionIsAConflictAndNothingIsLost() throws {
        let cli = try prepared()
        let version =
            (try json(try cli.ok(["case", "show", "1", "--format", "json"]).stdout) as! [String: Any])[
                "version"] as! Int
        try cli.ok([
            "case", "assign", "1", "--lead", "市金融办", "--expect-version", String(version), "--date",
            "2023-09-28",
        ])
        let stale = try cli.run([
            "case", "assign", "1", "--lead", "市经信局", "--expect-version", String(version), "--date",
            "2023-09-28",
        ])
        #expect(stale.status == 75, "\(stale.stderr)")
        let shown = try json(try cli.ok(["case", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["lead_department"] as? String == "市金融办")
    }

    @Test func aNoteKeepsTheStateAndIsAudited() throws {
        let cli = try prepared()
        try cli.ok(["case", "assign", "1", "--lead", "市金融办", "--date", "2023-09-28"])
        let shown =
            try json(
                try cli.ok(["case", "note", "1", "企业来电补充材料", "--date", "2023年9月29日", "--format", "json"])
                    .stdout)
            as! [String: Any]
        #expect(shown["state"] as? String == "assigned", "\(shown)")
        let last = (shown["timeline"] as? [[String: Any]])?.last
        #expect(last?["action"] as? String == "note" && last?["from"] as? String == "assigned", "\(shown)")
        #expect(last?["to"] as? String == "assigned" && last?["note"] as? String == "企业来电补充材料")
        #expect(last?["date"] as? String == "2023-09-29")
        #expect(try cli.ok(["case", "show", "1"]).stdout.contains("备注：企业来电补充材料"))
        let audit = try cli.ok(["audit", "log", "--format", "json"]).stdout
        #expect(audit.contains("case note 1"), "\(audit)")
        // A blank note, or one dated before the latest event, is refused and writes nothing.
        let before = try SQLiteShell.run(cli.database, ["SELECT count(*) FROM audit_log"])
        let blank = try cli.fail(["case", "note", "1", " "])
        #expect(blank.status == 65 && blank.cause == "casework.action-invalid", "\(blank)")
        let early = try cli.fail(["case", "note", "1", "补记", "--date", "2023-09-01"])
        #expect(early.status == 65 && early.cause == "casework.backdated", "\(early)")
        #expect(try SQLiteShell.run(cli.database, ["SELECT count(*) FROM audit_log"]) == before)
    }

    @Test func badInputsLeaveTheStoreUnchanged() throws {
        let cli = try prepared()
        let before = try cli.ok(["status", "--format", "json"]).stdout.split(separator: "\n").filter {
            !$0.contains("bytes")
        }
        // Arguments, exit status, cause, and the input the message quotes.
        let cases: [([String], Int32, String, String)] = [
            (
                ["case", "open", "--org", "不存在的企业", "--category", "融资信贷", "--title", "x"], 66,
                "store.reference-not-found", "不存在的企业"
            ),
            (
                ["case", "open", "--org", "1", "--category", "不存在的类别", "--title", "x"], 65,
                "casework.unknown-value", "不存在的类别"
            ),
            (
                ["case", "open", "--org", "1", "--category", "融资信贷", "--title", "x", "--date", "2023年2月30日"],
                65, "core.invalid-date", "2023年2月30日"
            ),
            (["case", "start", "99"], 66, "casework.request-not-found", "99"),
        ]
        for (args, code, cause, quoted) in cases {
            let r = try cli.fail(args)
            #expect(r.status == code && r.cause == cause, "\(args): \(r)")
            #expect(r.en.contains(quoted) && r.zh.contains(quoted), "\(args): \(r)")
        }
        #expect(
            try cli.ok(["status", "--format", "json"]).stdout.split(separator: "\n").filter {
                !$0.contains("bytes")
            } == before)
        // A merged request takes no further action.
        try cli.ok([
            "case", "open", "--org", "1", "--category", "融资信贷", "--title", "企业融资困难", "--date", "2023-09-27",
        ])
        let similar =
            try json(try cli.ok(["case", "similar", "2", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(similar.first?["id"] as? Int == 1)
        try cli.ok(["case", "merge", "2", "--into", "1", "--date", "2023-09-28"])
        let afterMerge = try cli.fail(["case", "start", "2", "--date", "2023-09-29"])
        #expect(afterMerge.status == 65 && afterMerge.cause == "casework.action-not-allowed", "\(afterMerge)")
    }
}
