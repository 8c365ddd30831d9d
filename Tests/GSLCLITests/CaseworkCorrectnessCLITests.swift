import Foundation
import GSLTestSupport
import Testing

/// Issue 20, items 7–11, end to end: visits, points files, dates in order, request output and
/// similar requests.
@Suite struct CaseworkCorrectnessCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func status(_ cli: CLIRunner) throws -> [Substring] {
        try cli.ok(["status", "--format", "json"]).stdout.split(separator: "\n").filter {
            !$0.contains("bytes")
        }
    }

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "海曙区"])
        try cli.ok(["org", "add", "--name", "宁波天一模具有限公司", "--uscc", "91330200704800698F", "--region", "宁海县"])
        try cli.ok(["org", "add", "--name", "宁波市温州商会", "--kind", "chamber"])
        return cli
    }

    /// Whether `text` has a CJK character.
    func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            (0x4E00...0x9FFF).contains($0.value) || (0xFF08...0xFF09).contains($0.value)
        }
    }

    // MARK: 7. Visits

    @Test func visitImportHonoursOnConflict() throws {
        let cli = try prepared()
        try cli.ok(["visit", "campaign", "问千家进百企2025", "--from", "2025-01-01", "--to", "2025-12-31"])
        try cli.ok(["visit", "targets", "问千家进百企2025", "--org", "宁波甬联科技有限公司", "--org", "宁波天一模具有限公司"])
        let file = try cli.write(
            "visits.csv",
            "企业,日期,走访人,活动,情况\n宁波甬联科技有限公司,2025-03-06,王芳,问千家进百企2025,初访\n宁波天一模具有限公司,2025-03-07,王芳,问千家进百企2025,初访\n"
        )
        try cli.ok(["visit", "import", file])
        func count() throws -> Int {
            (try json(try cli.ok(["visit", "list", "--format", "json"]).stdout) as! [[String: Any]]).count
        }
        func visits() throws -> Int? {
            let rows =
                try json(try cli.ok(["visit", "stats", "问千家进百企2025", "--format", "json"]).stdout)
                as! [[String: Any]]
            return rows.first?["visits"] as? Int
        }
        #expect(try count() == 2 && visits() == 2)
        let again = try cli.fail(["visit", "import", file])
        #expect(again.status == 75 && again.cause == "import.key-exists", "\(again)")
        let skipped = try cli.ok(["visit", "import", file, "--on-conflict", "skip"])
        #expect(skipped.stderr.contains("跳过 2"), "\(skipped.stderr)")
        #expect(try count() == 2 && visits() == 2)
        let updatedFile = try cli.write(
            "visits2.csv", "企业,日期,走访人,活动,情况\n宁波甬联科技有限公司,2025-03-06,王芳,问千家进百企2025,复访\n")
        let updated = try cli.ok(["visit", "import", updatedFile, "--on-conflict", "update"])
        #expect(updated.stderr.contains("更新 1"), "\(updated.stderr)")
        #expect(try count() == 2 && visits() == 2)
        // The same visit logged by hand again is a conflict too.
        let logged = try cli.fail([
            "visit", "log", "--org", "宁波甬联科技有限公司", "--date", "2025-03-06", "--staff", "王芳", "--campaign",
            "问千家进百企2025",
        ])
        #expect(logged.status == 75 && logged.cause == "import.key-exists", "\(logged)")
    }

    @Test func blankNamesAndNonEnterprisesAreRefused() throws {
        let cli = try prepared()
        let before = try status(cli)
        // Refused by the visit rules, not by a database constraint.
        let cases: [([String], String)] = [
            (
                ["visit", "log", "--org", "宁波甬联科技有限公司", "--date", "2025-03-06", "--staff", ""],
                "core.value-required"
            ),
            (
                ["visit", "log", "--org", "宁波甬联科技有限公司", "--date", "2025-03-06", "--staff", "   "],
                "core.value-required"
            ),
            (["visit", "campaign", "", "--from", "2025-01-01", "--to", "2025-12-31"], "core.value-required"),
            (
                ["visit", "campaign", "  ", "--from", "2025-01-01", "--to", "2025-12-31"],
                "core.value-required"
            ),
            (
                ["visit", "log", "--org", "宁波市温州商会", "--date", "2025-03-06", "--staff", "王芳"],
                "casework.visit-not-enterprise"
            ),
        ]
        for (args, cause) in cases {
            let r = try cli.fail(args)
            #expect(r.status == 65 && r.cause == cause, "\(args): \(r)")
        }
        let blank = try cli.write("blank.csv", "企业,日期,走访人\n宁波甬联科技有限公司,2025-03-06,\" \"\n")
        let r = try cli.fail(["visit", "import", blank])
        #expect(r.status == 65 && r.cause == "core.value-required", "\(r)")
        #expect(r.file == blank && r.line == 2 && r.column == 3, "\(r)")
        try cli.ok(["visit", "campaign", "问千家进百企2025", "--from", "2025-01-01", "--to", "2025-12-31"])
        let chamber = try cli.fail(["visit", "targets", "问千家进百企2025", "--org", "宁波市温州商会"])
        #expect(chamber.status == 65 && chamber.cause == "casework.visit-not-enterprise", "\(chamber)")
        #expect(chamber.en.contains("宁波市温州商会"), "\(chamber)")
        #expect(try status(cli).count == before.count)
    }

    // MARK: 8. Points files

    @Test func pointsFilesAreStrictAndExact() throws {
        let cli = try prepared()
        try cli.ok(["info", "draft", "--title", "融资成本", "--author", "张三", "--date", "2025-03-01"])
        try cli.ok(["info", "submit", "1", "--date", "2025-03-02"])
        for i in 0..<4 {
            try cli.ok([
                "info", "instruct", "1", "--level", "省级", "--leader", "领导\(i)", "--date", "2025-04-0\(i + 1)",
            ])
        }
        let table = try cli.write(
            "p.json",
            #"{"submission": 0.1, "adoption": {"municipal": 0.2}, "instruction": {"provincial": 0.7}}"#)
        for format in ["table", "csv"] {
            let out = try cli.ok(["info", "score", "--points", table, "--format", format]).stdout
            #expect(out.contains("2.9") && !out.contains("2.900"), "\(out)")
        }
        let doc = try cli.ok(["info", "score", "--points", table, "--format", "json"]).stdout
        #expect(doc.contains("\"points\":2.9,") || doc.contains("\"points\": 2.9,"), "\(doc)")
        let bad: [(String, String)] = [
            ("unknown.json", #"{"submission": 1, "adoption": {}, "instruction": {}, "bonus": 2}"#),
            ("huge.json", #"{"submission": 1e400, "adoption": {}, "instruction": {}}"#),
            ("huge.yaml", "submission: 1e400\nadoption:\ninstruction:\n"),
            ("text.json", #"{"submission": 1, "adoption": {"national": "十"}, "instruction": {}}"#),
        ]
        for (name, text) in bad {
            let r = try cli.fail(["info", "score", "--points", try cli.write(name, text)])
            #expect(r.status == 65 && r.cause == "casework.info-points-invalid", "\(name): \(r)")
            #expect(r.zh.contains(name) && r.en.contains(name), "\(name): \(r)")
            // The decoder's own English never leaks into the Chinese message.
            for raw in ["DecodingError", "representable", "is not", "must"] {
                #expect(!r.zh.contains(raw), "\(name): \(r)")
            }
        }
    }

    // MARK: 9. Dates in order

    @Test func actionsAreDatedOnOrAfterThePreviousEvent() throws {
        let cli = try prepared()
        try cli.ok(["info", "draft", "--title", "融资成本", "--author", "张三", "--date", "2025-03-01"])
        try cli.ok(["info", "submit", "1", "--date", "2025-03-10"])
        try cli.ok(["proposal", "file", "--title", "关于融资的建议", "--proposer", "王五", "--date", "2025-01-15"])
        try cli.ok(["proposal", "assign", "1", "--lead", "市金融办", "--date", "2025-02-01"])
        let before = try status(cli)
        // Each refusal names the date of the event it would come before.
        let adopt = try cli.fail([
            "info", "adopt", "1", "--level", "national", "--body", "全国政协", "--date", "2025-03-05",
        ])
        #expect(adopt.status == 65 && adopt.cause == "casework.backdated", "\(adopt)")
        #expect(adopt.en.contains("2025-03-10"), "\(adopt)")
        let answer = try cli.fail(["proposal", "answer", "1", "--grade", "A", "--date", "2025-01-20"])
        #expect(answer.status == 65 && answer.cause == "casework.backdated", "\(answer)")
        #expect(answer.en.contains("2025-02-01"), "\(answer)")
        #expect(try status(cli) == before)
        // Same day is fine.
        try cli.ok(["info", "adopt", "1", "--level", "national", "--body", "全国政协", "--date", "2025-03-10"])
        try cli.ok(["proposal", "answer", "1", "--grade", "A", "--date", "2025-02-01"])
    }

    // MARK: 10. Request output

    func requestWithLongTimeline(_ cli: CLIRunner) throws {
        try cli.ok([
            "case", "open", "--org", "1", "--category", "融资信贷", "--title", "续贷困难", "--date", "2025-03-03",
        ])
        try cli.ok([
            "case", "assign", "1", "--lead", "市金融办", "--assist", "市财政局", "--note", "加急", "--date",
            "2025-03-04",
        ])
        try cli.ok(["case", "start", "1", "--date", "2025-03-05"])
        for day in 6...9 {
            try cli.ok([
                "case", "pause", "1", "--note", "待材料\(day)", "--date",
                "2025-03-\(String(format: "%02d", day * 2))",
            ])
            try cli.ok(["case", "resume", "1", "--date", "2025-03-\(String(format: "%02d", day * 2 + 1))"])
        }
        try cli.ok(["case", "answer", "1", "--date", "2025-03-20"])
    }

    @Test func timelineIsOrderedAndNotesAppearOnce() throws {
        let cli = try prepared()
        try requestWithLongTimeline(cli)
        // (Tables cut long cells; CSV holds the whole line.)
        let full = try cli.ok(["case", "show", "1", "--format", "csv"]).stdout
        let assignLine = full.split(separator: ",").first { $0.contains("交办：") }.map(String.init) ?? ""
        #expect(assignLine.components(separatedBy: "加急").count == 2, "\(assignLine)")
        #expect(!full.contains("（加急）") && !full.contains("（待材料"))
        let zh = try cli.ok(["case", "show", "1", "--format", "json"]).stdout
        let en = try cli.ok(["case", "show", "1", "--format", "json", "--lang", "en"]).stdout
        #expect(zh == en)
        let shown = try json(zh) as! [String: Any]
        let timeline = try #require(shown["timeline"] as? [[String: Any]])
        #expect(timeline.count == 12)
        let dates = timeline.map { $0["date"] as! String }
        #expect(dates == dates.sorted())
        #expect(timeline.map { $0["action"] as! String }.prefix(3) == ["receive", "assign", "start"])
        #expect(timeline[1]["note"] as? String == "加急" && timeline[1]["lead"] as? String == "市金融办")
        #expect(shown["state"] as? String == "answered" && shown["category"] as? String == "financing")
        #expect(!shown.keys.contains { $0.hasPrefix("event_") })
        // CSV: one header per column.
        let csv = try cli.ok(["case", "show", "1", "--format", "csv"]).stdout
        let header = csv.split(separator: "\n")[0].split(separator: ",")
        #expect(Set(header).count == header.count, "\(header)")
        // Merge with a note: printed once.
        try cli.ok([
            "case", "open", "--org", "1", "--category", "融资信贷", "--title", "续贷困难", "--date", "2025-03-21",
        ])
        try cli.ok([
            "case", "open", "--org", "1", "--category", "融资信贷", "--title", "续贷", "--date", "2025-03-21",
        ])
        let merged = try cli.ok([
            "case", "merge", "3", "--into", "2", "--note", "重复", "--date", "2025-03-22", "--format", "csv",
        ])
        #expect(merged.stdout.components(separatedBy: "重复").count == 2, "\(merged.stdout)")
    }

    @Test func ratesAndLabelsFollowTheLanguage() throws {
        let cli = try prepared()
        try requestWithLongTimeline(cli)
        try cli.ok([
            "case", "evaluate", "1", "--contacted", "--solved", "--satisfaction", "满意", "--date",
            "2025-03-21",
        ])
        let byCategory = try cli.ok(["case", "rates", "--by", "category", "--format", "csv"]).stdout
        #expect(byCategory.contains("融资信贷") && !byCategory.contains("financing"), "\(byCategory)")
        let byCounty = try cli.ok(["case", "rates", "--by", "county", "--format", "csv"]).stdout
        #expect(byCounty.contains("海曙区"), "\(byCounty)")
        let json = try cli.ok(["case", "rates", "--by", "category", "--format", "json", "--lang", "en"])
            .stdout
        #expect(json == (try cli.ok(["case", "rates", "--by", "category", "--format", "json"]).stdout))
        #expect(json.contains("\"financing\""))
        // English mode: no Chinese labels in visit stats, info score, case show.
        try cli.ok(["visit", "campaign", "c2025", "--from", "2025-01-01", "--to", "2025-12-31"])
        try cli.ok(["visit", "targets", "c2025", "--org", "1"])
        for by in ["total", "chamber"] {
            let out = try cli.ok(["visit", "stats", "c2025", "--by", by, "--format", "csv", "--lang", "en"])
                .stdout
            #expect(!hasChinese(out), "\(out)")
        }
        try cli.ok(["info", "draft", "--title", "t", "--author", "Zhang", "--date", "2025-03-01"])
        try cli.ok(["info", "submit", "1", "--date", "2025-03-02"])
        let score = try cli.ok(["info", "score", "--by", "chamber", "--format", "csv", "--lang", "en"]).stdout
        #expect(!hasChinese(score), "\(score)")
        try cli.ok(["proposal", "file", "--title", "p", "--proposer", "Wang", "--date", "2025-01-15"])
        try cli.ok([
            "proposal", "assign", "1", "--lead", "Finance", "--assist", "Tax", "--assist", "Bank", "--date",
            "2025-02-01",
        ])
        let proposal = try cli.ok(["proposal", "show", "1", "--format", "table", "--lang", "en"]).stdout
        #expect(!proposal.contains("协办"), "\(proposal)")
        // Chinese mode: the search type column is Chinese.
        let search = try cli.ok(["search", "宁波甬联", "--format", "csv"]).stdout
        #expect(search.contains("组织") && !search.contains("organisation"), "\(search)")
    }

    @Test func listsInJSONDoNotChangeWithTheLanguage() throws {
        let cli = try prepared()
        try requestWithLongTimeline(cli)
        try cli.ok(["info", "draft", "--title", "t", "--author", "张三", "--date", "2025-03-01"])
        try cli.ok(["proposal", "file", "--title", "p", "--proposer", "王五", "--date", "2025-01-15"])
        for args in [
            ["case", "list"], ["case", "sla", "--today", "2025-04-30"], ["info", "list"],
            ["proposal", "list"],
            ["info", "show", "1"], ["proposal", "show", "1"],
        ] {
            let zh = try cli.ok(args + ["--format", "json"]).stdout
            let en = try cli.ok(args + ["--format", "json", "--lang", "en"]).stdout
            #expect(zh == en, "\(args)")
        }
    }

    // MARK: 11. Similar requests

    @Test func similarListsNoZeroScores() throws {
        let cli = try prepared()
        try cli.ok([
            "case", "open", "--org", "1", "--category", "融资信贷", "--title", "贷款续贷困难", "--date", "2025-03-03",
        ])
        try cli.ok([
            "case", "open", "--org", "2", "--category", "用工人才", "--title", "招工难", "--date", "2025-03-03",
        ])
        try cli.ok([
            "case", "open", "--org", "2", "--category", "用工人才", "--title", "贷", "--date", "2025-03-03",
        ])
        try cli.ok([
            "case", "open", "--org", "1", "--category", "融资信贷", "--title", "贷", "--date", "2025-03-03",
        ])
        let hits =
            try json(try cli.ok(["case", "similar", "2", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(hits.allSatisfy { ($0["score"] as? Double ?? 0) > 0 }, "\(hits)")
        // 贷 against 贷: identical texts, so text score 1 (+0 enterprise, +0 category).
        let short =
            try json(try cli.ok(["case", "similar", "3", "--format", "json"]).stdout) as! [[String: Any]]
        let four = short.first { $0["id"] as? Int == 4 }
        #expect((four?["score"] as? Double).map { abs($0 - 1) < 1e-9 } == true, "\(short)")
    }
}
