import Foundation
import GSLTestSupport
import Testing

/// `gsl pair …` end to end: profiles, a plan, its explanation, applying it, manual changes, the
/// ledgers and the figures; and the bad inputs, each refused with its cause and nothing written.
@Suite struct PairCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// The audit log's length: every write appends to it, so an unchanged count means nothing was written.
    func writes(_ cli: CLIRunner) throws -> String {
        try SQLiteShell.run(cli.database, ["SELECT count(*) FROM audit_log"])
    }

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        // 甬联 in 力洋镇 (manufacturing), 天一 in 长街镇's neighbour 330226104 (farming), 日升 in 宁海县.
        try cli.ok([
            "org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "330226102",
            "--industry", "C3011",
        ])
        try cli.ok([
            "org", "add", "--name", "宁波天一模具有限公司", "--uscc", "91330200704800698F", "--region", "330226104",
            "--industry", "A0111",
        ])
        try cli.ok([
            "org", "add", "--name", "东方日升新能源股份有限公司", "--uscc", "913302001449739014", "--region", "330226",
            "--industry", "C3825",
        ])
        let villages = try cli.write(
            "村档案.csv",
            """
            村代码,村集体经济收入,薄弱村,人口,需求行业,需求说明
            330226102208,12万,是,1200,C;30,建材加工
            330226102215,80万元,否,2300,A,
            330226104201,５万,是,860,,农产品销售

            """)
        try cli.ok(["pair", "village", "import", villages])
        let firms = try cli.write(
            "企业.csv",
            "统一社会信用代码,结对能力,预算\n91330200711192037M,2,100万\n91330200704800698F,2,50万\n913302001449739014,1,1.2亿\n"
        )
        try cli.ok(["pair", "firm", "import", firms])
        return cli
    }

    @Test func planExplainApplyAndLedgers() throws {
        let cli = try prepared()
        let plan =
            try json(
                try cli.ok([
                    "pair", "plan", "--campaign", "商会联村2025", "--max-per-village", "2",
                    "--max-per-enterprise", "2",
                    "--format", "json",
                ]).stdout) as! [String: Any]
        #expect(plan["plan"] as? Int == 1 && plan["status"] as? String == "optimal")
        let pairs = plan["pairs"] as! [[String: Any]]
        // Every village has 1–2 partners and every firm at least one village.
        let byVillage = Dictionary(grouping: pairs) { $0["villageCode"] as! String }
        #expect(byVillage.count == 3 && byVillage.values.allSatisfy { (1...2).contains($0.count) })
        #expect(Set(pairs.map { $0["firmId"] as! Int }) == [1, 2, 3])
        // 甬联 (C30) sits in 力洋镇 and fits the weak village that needs C;30: the base and one point
        // for its 12万元 income.
        let first = byVillage["330226102208"]!.first { $0["firmId"] as? Int == 1 }
        #expect(
            first?["cost"] as? Int == 2 && first?["level"] as? String == "town"
                && first?["fits"] as? Bool == true)
        let totals = plan["totals"] as! [String: Any]
        #expect(totals["objective"] as? Int == pairs.reduce(0) { $0 + ($1["cost"] as! Int) })
        // The network can be solved again by `gsl solve flow`: same optimum.
        let network = plan["network"] as! [String: Any]
        let arcs = (network["arcs"] as! [[String: Any]]).map { arc in arc.filter { $0.key != "flow" } }
        let instance = try JSONSerialization.data(withJSONObject: ["nodes": network["nodes"]!, "arcs": arcs])
        let file = try cli.write("network.json", String(decoding: instance, as: UTF8.self))
        let run = try cli.run(["solve", "flow", file], useDatabase: false)
        #expect(run.status == 0, "\(run)")
        let solved = try json(run.stdout) as! [String: Any]
        #expect(solved["objective"] as? Int == totals["objective"] as? Int)

        let explain =
            try json(
                try cli.ok(["pair", "explain", "1", "--village", "330226102208", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(explain.first?["role"] as? String == "partner" && explain.first?["firm_id"] as? Int == 1)
        #expect(explain.last?["role"] as? String == "next-best")
        #expect((explain.last?["extra_cost"] as? Int ?? -1) >= 0)

        try cli.ok(["pair", "apply", "1", "--date", "2025-03-01"])
        var active = try json(try cli.ok(["pair", "list", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(active.count == pairs.count)
        let again = try cli.fail(["pair", "apply", "1"])
        #expect(again.status == 75 && again.cause == "pairing.plan-applied")

        // End one pairing, then pair the same firm and village again: the ended row stays as history.
        let ended = active.first!
        let id = ended["id"] as! Int, firm = ended["firm"] as! String,
            village = ended["village_code"] as! String
        try cli.ok(["pair", "end", String(id), "--date", "2025-09-30", "--reason", "项目完成"])
        try cli.ok([
            "pair", "add", "--org", firm, "--village", village, "--campaign", "商会联村2025", "--date",
            "2025-10-01",
        ])
        let dup = try cli.fail(["pair", "add", "--org", firm, "--village", village, "--campaign", "商会联村2025"])
        #expect(dup.status == 75 && dup.cause == "pairing.exists")
        active = try json(try cli.ok(["pair", "list", "--format", "json"]).stdout) as! [[String: Any]]
        let history =
            try json(try cli.ok(["pair", "list", "--history", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(history.count == active.count + 1)
        #expect(
            history.contains {
                $0["end_reason"] as? String == "项目完成" && $0["end_date"] as? String == "2025-09-30"
            })

        try cli.ok([
            "pair", "invest", "--org", "宁波甬联科技有限公司", "--village", "330226102208", "--kind", "产业项目",
            "--amount",
            "120万", "--date", "2025-04-01",
        ])
        try cli.ok([
            "pair", "invest", "--org", "宁波天一模具有限公司", "--village", "330226104201", "--kind", "charity",
            "--amount",
            "5万元", "--date", "2025年6月1日",
        ])
        try cli.ok([
            "pair", "workshop", "add", "--village", "330226102208", "--org", "宁波甬联科技有限公司", "--name", "甬联共富工坊",
            "--kind", "来料加工", "--opened", "2025-05-01", "--jobs", "40", "--wages", "36万",
        ])
        let stats =
            try json(try cli.ok(["pair", "stats", "--period", "2025", "--format", "json"]).stdout)
            as! [[String: Any]]
        let total = try #require(stats.first)
        #expect(total["group"] as? String == "total")
        #expect(total["firms"] as? Int == 3 && total["villages"] as? Int == 3)
        #expect(total["project_yuan"] as? Double == 1_200_000 && total["charity_yuan"] as? Double == 50_000)
        #expect(total["workshops"] as? Int == 1 && total["jobs"] as? Int == 40)
        #expect(total["weak_villages"] as? Int == 2 && total["weak_coverage"] as? Double == 1)
        let byTown =
            try json(
                try cli.ok(["pair", "stats", "--period", "2025", "--by", "town", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(byTown.map { $0["group"] as? String } == ["力洋镇", "长街镇"] || byTown.count == 2)
        // Outside the period nothing counts.
        let before =
            try json(try cli.ok(["pair", "stats", "--period", "2024", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(before.first?["firms"] as? Int == 0 && before.first?["workshops"] as? Int == 0)
    }

    @Test func infeasiblePlanNamesTheVillagesAndWritesNothing() throws {
        let cli = try prepared()
        let before = try writes(cli)
        // Town distance only: 长街镇's village has no firm in its town… 天一 is there, so require
        // two partners per village within the town instead: 330226104201 has only one firm.
        let r = try cli.run([
            "pair", "plan", "--campaign", "x", "--within", "town", "--min-per-village", "2",
            "--max-per-village", "2",
            "--min-per-enterprise", "0", "--format", "json",
        ])
        #expect(r.status == 65, "\(r)")
        let report = try json(r.stdout) as! [String: Any]
        #expect(report["status"] as? String == "infeasible")
        let uncovered = report["uncovered"] as! [[String: Any]]
        let short = uncovered.first { $0["villageCode"] as? String == "330226104201" }
        #expect(short?["reason"] as? String == "too-few-firms" && short?["reachableFirms"] as? Int == 1)
        let failure = try cli.fail([
            "pair", "plan", "--campaign", "x", "--within", "town", "--min-per-village", "2",
        ])
        #expect(failure.status == 65 && failure.cause == "pairing.infeasible")
        #expect(try writes(cli) == before)
    }

    @Test func badInputIsRefusedAndWritesNothing() throws {
        let cli = try prepared()
        let before = try writes(cli)
        // A 居委会 where a village is required, on line 3.
        let community = try cli.write("社区.csv", "村代码,村集体经济收入,人口\n330226104203,1万,10\n330226102001,1万,10\n")
        var r = try cli.fail(["pair", "village", "import", community])
        #expect(r.status == 65 && r.cause == "pairing.not-village" && r.line == 3, "\(r)")
        // A village code that is not in the division tables.
        let unknown = try cli.write("未知.csv", "村代码,村集体经济收入,人口\n330226102299,1万,10\n")
        r = try cli.fail(["pair", "village", "import", unknown])
        #expect(r.status == 65 && r.cause == "store.division-code-not-loaded", "\(r)")
        // A negative income.
        let negative = try cli.write("负数.csv", "村代码,村集体经济收入,人口\n330226104203,-3万,10\n")
        r = try cli.fail(["pair", "village", "import", negative])
        #expect(r.status == 65 && r.cause == "pairing.value-invalid" && r.line == 2, "\(r)")
        // A negative investment, and one in a 居委会.
        r = try cli.fail([
            "pair", "invest", "--org", "宁波甬联科技有限公司", "--village", "330226102208", "--kind", "project",
            "--amount=-5万",
        ])
        #expect(r.status == 65 && r.cause == "pairing.value-invalid", "\(r)")
        r = try cli.fail([
            "pair", "invest", "--org", "宁波甬联科技有限公司", "--village", "330226102001", "--kind", "project",
            "--amount", "5万",
        ])
        #expect(r.status == 65 && r.cause == "pairing.not-village", "\(r)")
        // Unknown plan, village not in a plan.
        r = try cli.fail(["pair", "explain", "9", "--village", "330226102208"])
        #expect(r.status == 66 && r.cause == "pairing.plan-not-found", "\(r)")
        #expect(try writes(cli) == before)
        // A GBK file from Excel with a BOM-less header, full-width digits and a 是/否 flag is read
        // (converted with a notice); a ragged row with a bad flag is refused at its line and column.
        let gbk = try cli.write(
            "gbk.csv", bytes: ImportBadInputTests.gbk("村代码,村集体经济收入,薄弱村,人口\n３３０２２６１０４２０６,３万,否,１２０\n"))
        let converted = try cli.ok(["pair", "village", "import", gbk, "--dry-run"])
        #expect(
            converted.stderr.contains("GB18030") || converted.stderr.contains("GBK"), "\(converted.stderr)")
        let badFlag = try cli.write("flag.csv", "村代码,村集体经济收入,薄弱村,人口\n330226104206,3万,也许,120\n")
        r = try cli.fail(["pair", "village", "import", badFlag])
        #expect(r.status == 65 && r.cause == "pairing.value-invalid" && r.line == 2 && r.column == 3, "\(r)")
        #expect(try writes(cli) == before)
        // A firm with capacity 0 in a plan.
        let zero = try cli.write("零.csv", "企业,结对能力\n宁波天一模具有限公司,0\n")
        try cli.ok(["pair", "firm", "import", zero, "--on-conflict", "update"])
        let afterZero = try writes(cli)
        r = try cli.fail(["pair", "plan", "--campaign", "商会联村2025"])
        #expect(
            r.status == 65 && r.cause == "pairing.firm-no-capacity" && r.en.contains("宁波天一模具有限公司"), "\(r)")
        #expect(try writes(cli) == afterZero)
    }
}
