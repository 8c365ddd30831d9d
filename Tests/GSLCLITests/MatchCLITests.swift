import Foundation
import GSLTestSupport
import Testing

/// `gsl match …` end to end: postings, explained recommendations, market runs, follow-through,
/// stats, refusals that write nothing, and the recall of planted pairs.
@Suite struct MatchCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func counts(_ cli: CLIRunner) throws -> String {
        try SQLiteShell.run(
            cli.database,
            [
                "SELECT (SELECT count(*) FROM match_postings), (SELECT count(*) FROM match_proposals), (SELECT count(*) FROM match_events), (SELECT count(*) FROM audit_log)"
            ])
    }

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok([
            "org", "add", "--name", "宁波甬恒模具有限公司", "--uscc", "91330200711190501X", "--region", "海曙区",
            "--industry", "3525", "--size", "small",
        ])
        try cli.ok([
            "org", "add", "--name", "宁波三江注塑有限公司", "--uscc", "913302007111905021", "--region", "海曙区",
            "--industry", "3523", "--size", "large",
        ])
        try cli.ok([
            "org", "add", "--name", "宁波东海物流有限公司", "--uscc", "913302007111905034", "--region", "北仑区",
            "--industry", "5432",
        ])
        try cli.ok([
            "org", "add", "--name", "宁波银行", "--kind", "bank", "--uscc", "913302007111905047", "--region",
            "鄞州区", "--industry", "6621",
        ])
        try cli.ok([
            "match", "post", "--ref", "D1", "--side", "demand", "--kind", "project", "--org", "宁波甬恒模具有限公司",
            "--title", "寻求注塑模具配套合作", "--text", "汽车注塑件模具开发", "--amount", "500万", "--date", "2025-03-01",
        ])
        try cli.ok([
            "match", "post", "--ref", "S1", "--side", "supply", "--kind", "project", "--org", "宁波三江注塑有限公司",
            "--title", "注塑加工与模具配套", "--amount-min", "100万", "--amount-max", "3000万", "--date", "2025-03-01",
        ])
        try cli.ok([
            "match", "post", "--ref", "S2", "--side", "supply", "--kind", "project", "--org", "宁波东海物流有限公司",
            "--title", "冷链仓储服务", "--date", "2025-03-01",
        ])
        return cli
    }

    @Test func postListShowClose() throws {
        let cli = try prepared()
        let list = try json(try cli.ok(["match", "list", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(list.map { $0["ref"] as? String } == ["S2", "S1", "D1"])
        let d1 = try json(try cli.ok(["match", "show", "D1", "--format", "json"]).stdout) as! [String: Any]
        #expect(d1["amount_fen"] as? Int == 500_000_000 && d1["region"] as? String != nil)
        #expect(d1["industry"] as? String == "3525" && d1["side"] as? String == "demand")
        let bank = try cli.ok([
            "match", "post", "--side", "supply", "--kind", "credit", "--org", "宁波银行", "--title", "科创贷",
            "--amount-min", "100万", "--amount-max", "0.3亿", "--rate", "3.45%", "--sizes", "小型,微型",
            "--exclude-industries", "K", "--format", "json",
        ])
        let product = try json(bank.stdout) as! [String: Any]
        #expect(product["amount_max_fen"] as? Int == 3_000_000_000 && product["rate_bp"] as? Int == 345)
        #expect(
            product["sizes"] as? String == "small,micro" && product["exclude_industries"] as? String == "K")
        let closed =
            try json(try cli.ok(["match", "close", "S2", "--date", "2025-04-01", "--format", "json"]).stdout)
            as! [String: Any]
        #expect(closed["state"] as? String == "closed")
        let again = try cli.fail(["match", "close", "S2", "--date", "2025-04-02"])
        #expect(again.status == 65 && again.cause == "matching.transition-refused")
    }

    @Test func explainAndRecommend() throws {
        let cli = try prepared()
        let e =
            try json(try cli.ok(["match", "explain", "D1", "S1", "--format", "json"]).stdout)
            as! [String: Any]
        let features = e["features"] as! [[String: Any]]
        #expect(
            features.map { $0["feature"] as? String } == [
                "industry", "region", "text", "size", "amount", "deadline",
            ])
        let sum = features.reduce(0.0) { $0 + ($1["contribution"] as! Double) }
        #expect(abs(sum - (e["score"] as! Double)) < 1e-12)
        #expect(features[0]["value"] as? Double == 0.75 && features[4]["value"] as? Double == 1)
        let top =
            try json(try cli.ok(["match", "recommend", "D1", "--top", "5", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(top.map { $0["ref"] as? String } == ["S1", "S2"])
        #expect(top[0]["score"] as? Double == e["score"] as? Double)
        for row in top {
            let parts = ["industry", "region", "text", "size", "amount", "deadline"].map {
                row[$0] as! Double
            }
            // JSONSerialization reads decimals to within an ulp; the engine tests check exact equality.
            #expect(abs(parts.reduce(0, +) - (row["score"] as! Double)) < 1e-12)
        }
        let table = try cli.ok(["match", "explain", "D1", "S1"]).stdout
        #expect(table.contains("行业相近") && table.contains("得分"))
        let wrongWay = try cli.fail(["match", "explain", "S1", "D1"])
        #expect(wrongWay.status == 65 && wrongWay.cause == "matching.pair-invalid")
    }

    @Test func followThroughToADealAndStats() throws {
        let cli = try prepared()
        try cli.ok(["match", "propose", "D1", "S1", "--date", "2025-03-02"])
        let before = try counts(cli)
        let early = try cli.fail(["match", "deal", "1", "--amount", "1亿", "--date", "2025-03-03"])
        #expect(early.status == 65 && early.cause == "matching.transition-refused")
        #expect(try counts(cli) == before)
        try cli.ok(["match", "introduce", "1", "--date", "2025-03-05", "--note", "融通对接会"])
        try cli.ok(["match", "negotiate", "1", "--date", "2025-03-10"])
        let noAmount = try cli.fail(["match", "deal", "1", "--date", "2025-04-01"])
        #expect(noAmount.status == 65 && noAmount.cause == "matching.step-invalid")
        let deal =
            try json(
                try cli.ok([
                    "match", "deal", "1", "--amount", "1.2亿", "--date", "2025-04-01", "--format", "json",
                ]).stdout)
            as! [String: Any]
        #expect(deal["state"] as? String == "deal" && deal["deal_amount_fen"] as? Int == 12_000_000_000)
        let events = deal["events"] as! [[String: Any]]
        #expect(events.map { $0["step"] as? String } == ["propose", "introduce", "negotiate", "deal"])
        #expect(events.allSatisfy { $0["actor"] as? String == "tester" })
        let stats =
            try json(try cli.ok(["match", "stats", "--period", "2025", "--format", "json"]).stdout)
            as! [[String: Any]]
        let total = stats.last!
        #expect(
            total["proposals"] as? Int == 1 && total["introductions"] as? Int == 1
                && total["deals"] as? Int == 1)
        #expect(total["amount_fen"] as? Int == 12_000_000_000 && total["conversion"] as? Double == 1)
        #expect(total["firms_helped"] as? Int == 2)
        let credit =
            try json(
                try cli.ok(["match", "stats", "--period", "2025", "--kind", "credit", "--format", "json"])
                    .stdout)
            as! [[String: Any]]
        #expect(credit.count == 1 && credit[0]["proposals"] as? Int == 0)
    }

    /// Two desks on one proposal (found by the concurrency test): the second acts on the version it
    /// read before the first desk's step, and gets a conflict (75), not "step not allowed" (65).
    /// The same for closing a posting that another desk closed.
    @Test func aStaleVersionIsAConflictBeforeTheStepIsChecked() throws {
        let cli = try prepared()
        try cli.ok(["match", "propose", "D1", "S1", "--date", "2025-03-02"])
        let read =
            try json(try cli.ok(["match", "proposal", "1", "--format", "json"]).stdout) as! [String: Any]
        let version = String(read["version"] as! Int)
        try cli.ok(["match", "introduce", "1", "--date", "2025-03-05"])
        let posting =
            try json(try cli.ok(["match", "show", "S2", "--format", "json"]).stdout) as! [String: Any]
        try cli.ok(["match", "close", "S2", "--date", "2025-04-01"])
        let before = try counts(cli)
        let step = try cli.fail([
            "match", "introduce", "1", "--expect-version", version, "--date", "2025-03-06",
        ])
        #expect(step.status == 75 && step.cause == "store.stale-version", "\(step)")
        let close = try cli.fail([
            "match", "close", "S2", "--expect-version", String(posting["version"] as! Int), "--date",
            "2025-04-02",
        ])
        #expect(close.status == 75 && close.cause == "store.stale-version", "\(close)")
        #expect(try counts(cli) == before)
    }

    @Test func badInputWritesNothing() throws {
        let cli = try prepared()
        let before = try counts(cli)
        let unknown = try cli.fail([
            "match", "post", "--side", "demand", "--kind", "project", "--org", "不存在的公司", "--title", "x",
        ])
        #expect(unknown.status == 66 && unknown.cause == "store.reference-not-found")
        let upside = try cli.fail([
            "match", "post", "--side", "supply", "--kind", "credit", "--org", "宁波银行", "--title", "科创贷",
            "--amount-min", "3000万", "--amount-max", "100万",
        ])
        #expect(
            upside.status == 65 && upside.cause == "matching.amount-range" && upside.field == "amount_min")
        let kind = try cli.fail([
            "match", "post", "--side", "demand", "--kind", "loan", "--org", "宁波银行", "--title", "x",
        ])
        #expect(kind.cause == "matching.unknown-value")
        let file = try cli.write(
            "postings.csv",
            "编号,供需,类别,组织,标题,金额下限,金额上限\nD9,需求,项目,宁波甬恒模具有限公司,求合作,,\nS9,供给,信贷,宁波银行,流水贷,5000万,100万\n")
        let bad = try cli.fail(["match", "import", file])
        #expect(bad.status == 65 && bad.cause == "matching.amount-range" && bad.line == 3, "\(bad)")
        let missingOrg = try cli.write("org.csv", "编号,供需,类别,组织,标题\nD9,需求,项目,无此企业,求合作\n")
        let orgError = try cli.fail(["match", "import", missingOrg])
        #expect(orgError.cause == "store.reference-not-found" && orgError.line == 2, "\(orgError)")
        #expect(try counts(cli) == before)
        // A good GBK file with a Chinese date goes in whole.
        let good = "编号,供需,类别,组织,标题,金额,截止日期,发布日期\nD8,需求,信贷,宁波甬恒模具有限公司,流动资金贷款,３００万,2025年6月30日,2025/3/1\n"
        let gbk = try cli.write("gbk.csv", bytes: ImportBadInputTests.gbk(good))
        try cli.ok(["match", "import", gbk])
        let d8 = try json(try cli.ok(["match", "show", "D8", "--format", "json"]).stdout) as! [String: Any]
        #expect(d8["amount_fen"] as? Int == 300_000_000 && d8["deadline"] as? String == "2025-06-30")
    }

    @Test func marketRunsStoreProposals() throws {
        let cli = try prepared()
        try cli.ok([
            "match", "post", "--ref", "D2", "--side", "demand", "--kind", "project", "--org", "宁波三江注塑有限公司",
            "--title", "寻求冷链仓储", "--date", "2025-03-01",
        ])
        for mode in ["assignment", "stable", "capacity"] {
            let run =
                try json(
                    try cli.ok([
                        "match", "run", "--kind", "project", "--mode", mode, "--date", "2025-03-02",
                        "--format", "json",
                    ])
                    .stdout) as! [String: Any]
            #expect(run["demands"] as? Int == 2 && run["supplies"] as? Int == 2)
            if mode == "assignment" {
                #expect(run["pairs"] as? Int == 2 && run["created"] as? Int == 2)
            } else {
                #expect(run["created"] as? Int == 0 && run["skipped"] as? Int == run["pairs"] as? Int)
            }
        }
        let proposals =
            try json(try cli.ok(["match", "proposals", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(proposals.count == 2 && proposals.allSatisfy { $0["run"] as? Int == 1 })
        let bad = try cli.fail(["match", "run", "--kind", "project", "--mode", "greedy"])
        #expect(bad.status == 64 && bad.cause == "matching.unknown-value")
    }

    @Test func plantedMarketRecall() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok([
            "match", "generate", "--demands", "30", "--supplies", "300", "--seed", "7", "--out", "market",
        ])
        try cli.ok(["org", "import", "market/企业.csv"])
        try cli.ok(["match", "import", "market/供需.csv"])
        let recall =
            try json(
                try cli.ok(["match", "recall", "market/配对.csv", "--top", "10", "--format", "json"]).stdout)
            as! [String: Any]
        #expect(recall["pairs"] as? Int == 30)
        #expect((recall["recall"] as! Double) >= 0.9, "\(recall)")
        let weights = (recall["weights"] as! [String: Any])["project"] as! [String: Double]
        #expect(weights["text"] == 0.35)
        // Every recommendation's explanation sums to its score.
        for demand in ["D0001", "D0002", "D0003"] {
            let top =
                try json(try cli.ok(["match", "recommend", demand, "--format", "json"]).stdout)
                as! [[String: Any]]
            #expect(top.count == 10)
            for row in top {
                let parts = ["industry", "region", "text", "size", "amount", "deadline"].map {
                    row[$0] as! Double
                }
                // JSONSerialization reads decimals to within an ulp; the engine tests check exact equality.
                #expect(abs(parts.reduce(0, +) - (row["score"] as! Double)) < 1e-12)
            }
        }
    }
}
