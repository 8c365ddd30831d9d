import Foundation
import GSLTestSupport
import Testing

/// `gsl policy …` end to end: the science-and-technology example from `policy sample`, estimates,
/// reports and the scorecard; the committed reference panel drawn through the store agreeing with
/// pyfixest/statsmodels/`differences`; and each bad input refused with its cause, nothing written.
@Suite struct PolicyCLITests {
    func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    /// The audit log's length: every write appends to it, so an unchanged count means nothing was written.
    func writes(_ cli: CLIRunner) throws -> String {
        try SQLiteShell.run(cli.database, ["SELECT count(*) FROM audit_log"])
    }

    /// A store with the sample's firms, outcomes and recipients.
    func sampled(firms: Int = 300, seed: String = "7") throws -> (CLIRunner, String) {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        let dir = cli.directory.appendingPathComponent("样例").path
        try cli.ok([
            "policy", "sample", "--out", dir, "--standalone", "--firms", String(firms), "--seed", seed,
        ])
        try cli.ok(["org", "import", dir + "/企业.csv"])
        try cli.ok(["policy", "panel", "import", dir + "/企业面板.csv"])
        try cli.ok(["policy", "treat", "import", dir + "/受惠企业.csv"])
        return (cli, dir)
    }

    @Test func scienceAndTechnologyExampleEndToEnd() throws {
        let (cli, dir) = try sampled()
        let recipients =
            try String(contentsOfFile: dir + "/受惠企业.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        // Means by year: 8 years, the recipients counted as treated in every year.
        let described = try cli.ok([
            "policy", "panel", "describe", "--outcome", "rd_spending", "--format", "json", "--svg",
            "trend.svg",
        ])
        let rows = try JSONSerialization.jsonObject(with: Data(described.stdout.utf8)) as! [[String: Any]]
        #expect(rows.count == 8 && rows.allSatisfy { $0["treated_firms"] as? Int == recipients })
        let svg = try String(contentsOf: cli.directory.appendingPathComponent("trend.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("受政策企业"))
        // Callaway–Sant'Anna: a positive effect whose interval excludes zero, leads near zero.
        let cs = try json(
            try cli.ok([
                "policy", "estimate", "--method", "cs", "--control", "not-yet", "--bootstrap", "199",
                "--seed", "5", "--format", "json",
            ]).stdout)
        let result = cs["result"] as! [String: Any]
        let effect = result["effect"] as! [String: Any]
        #expect((effect["low"] as! Double) > 0, "\(effect)")
        let tests = result["tests"] as! [[String: Any]]
        #expect((tests[0]["p"] as! Double) > 0.01, "\(tests)")
        #expect(cs["run"] as? Int == 1)
        // The same estimate again (dry run) is the same, from the same input hash.
        let again = try json(
            try cli.ok([
                "policy", "estimate", "--method", "cs", "--control", "not-yet", "--bootstrap", "199",
                "--seed", "5", "--format", "json", "--dry-run",
            ]).stdout)
        #expect(again["inputHash"] as? String == cs["inputHash"] as? String && again["run"] is NSNull)
        #expect(
            ((again["result"] as! [String: Any])["effect"] as! [String: Any])["estimate"] as? Double
                == effect["estimate"] as? Double)
        // TWFE under both conventions: the same coefficient, the Stata SE larger (K counts the firms).
        let fixest = try json(
            try cli.ok(["policy", "estimate", "--method", "twfe", "--format", "json"]).stdout)
        let stata = try json(
            try cli.ok(["policy", "estimate", "--method", "twfe", "--df", "stata", "--format", "json"]).stdout
        )
        let fe = (fixest["result"] as! [String: Any])["effect"] as! [String: Any]
        let se = (stata["result"] as! [String: Any])["effect"] as! [String: Any]
        #expect(fe["estimate"] as? Double == se["estimate"] as? Double)
        #expect((se["se"] as! Double) > (fe["se"] as! Double))
        #expect((stata["result"] as! [String: Any])["convention"] as? String == "stata")
        // Event study, matching and PSM-DiD run and are stored.
        try cli.ok(["policy", "estimate", "--method", "event", "--window=-4,4", "--plot", "event.svg"])
        let plot = try String(contentsOf: cli.directory.appendingPathComponent("event.svg"), encoding: .utf8)
        // Nine event times (−4…4, the reference included) drawn with their intervals.
        #expect(plot.hasPrefix("<svg") && plot.components(separatedBy: "<circle").count - 1 == 9)
        let psm = try json(
            try cli.ok([
                "policy", "estimate", "--method", "psm-did", "--adoption", "2021", "--covariates",
                "revenue,employees", "--format", "json",
            ]).stdout)
        let balance = (psm["result"] as! [String: Any])["balance"] as! [[String: Any]]
        #expect(balance.map { $0["name"] as! String } == ["pscore", "revenue", "employees"])
        let runs = try cli.ok(["policy", "runs", "--format", "csv"]).stdout
        #expect(runs.split(separator: "\n").count == 1 + 5)
        // The scorecard from the CS run, stored; the report shows estimates, plot and scorecard.
        let framework = Fixtures.datasets.appendingPathComponent("frameworks/policy-performance.yaml").path
        let card = try cli.ok([
            "policy", "scorecard", framework, "--run", "1", "--input", "basis=90", "--input", "goals=85",
            "--input", "allocation=80", "--input", "funds_in_place=100", "--input", "execution=96",
            "--input", "management=85", "--input", "timeliness=92", "--satisfaction", "91.5", "--format",
            "csv",
        ])
        #expect(card.stderr.contains("已保存为评分 #1"), "\(card.stderr)")
        let lines = card.stdout.split(whereSeparator: \.isNewline)
        let recipientsRow = lines.first { $0.hasPrefix("recipients,") }!
        #expect(recipientsRow.contains(",\(recipients),"), "\(recipientsRow)")
        // 服务对象满意度 from a survey: Q16 (a 1–10 rating) scaled by its mean, and a matrix row's
        // 满意率 (the two highest options), each equal to what the survey's own tables give.
        let export = cli.directory.appendingPathComponent("新生代.csv").path
        try cli.ok(["survey", "sample", "--out", export, "--n", "400", "--seed", "19"])
        try cli.ok(["survey", "import", export, "--survey", "新生代"])
        let typed = [
            "--input", "basis=90", "--input", "goals=85", "--input", "allocation=80", "--input",
            "funds_in_place=100",
            "--input", "execution=96", "--input", "management=85", "--input", "timeliness=92",
        ]
        func satisfactionInput(_ extra: [String]) throws -> (Double, String) {
            let r = try cli.ok(
                ["policy", "scorecard", framework, "--run", "1"] + typed + extra + ["--format", "json"])
            let nodes = try #require(
                try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            let node = try #require(nodes.first { $0["code"] as? String == "satisfaction" })
            return (try #require(node["input"] as? Double), r.stderr)
        }
        let mean = try json(try cli.ok(["survey", "mean", "新生代", "Q16", "--format", "json"]).stdout)
        let m = (((mean["lines"] as! [[String: Any]])[0])["mean"] as! [String: Any])["value"] as! Double
        let (scaled, note) = try satisfactionInput([
            "--satisfaction-survey", "新生代", "--satisfaction-question", "Q16", "--dry-run",
        ])
        #expect(abs(scaled - (m - 1) / 9 * 100) < 1e-9, "\(scaled) \(m)")
        #expect(note.contains("服务对象满意度：新生代 Q16（400 人作答）均值"), "\(note)")
        let freq = try json(try cli.ok(["survey", "freq", "新生代", "Q13.10", "--format", "json"]).stdout)
        let options = ((freq["tables"] as! [[String: Any]])[0]["rows"] as! [[String: Any]])
        let topTwo = options.suffix(2).reduce(0.0) {
            $0 + (($1["share"] as! [String: Any])["value"] as! Double)
        }
        let (top2, _) = try satisfactionInput([
            "--satisfaction-survey", "新生代", "--satisfaction-question", "Q13.10", "--satisfaction-measure",
            "top2",
            "--dry-run",
        ])
        #expect(abs(top2 - topTwo * 100) < 1e-9, "\(top2) \(topTwo)")
        let notScale = try cli.fail(
            ["policy", "scorecard", framework, "--run", "1"] + typed + [
                "--satisfaction-survey", "新生代", "--satisfaction-question", "Q11",
            ])
        #expect(notScale.status == 64 && notScale.cause == "surveys.question-invalid")
        let twice = try cli.fail(
            ["policy", "scorecard", framework, "--run", "1"] + typed + [
                "--satisfaction", "90", "--satisfaction-survey", "新生代", "--satisfaction-question", "Q16",
            ])
        #expect(twice.status == 64)
        try cli.ok(
            ["policy", "scorecard", framework, "--run", "1"] + typed + [
                "--satisfaction-survey", "新生代", "--satisfaction-question", "Q16",
            ])
        let md = try cli.ok(["policy", "report", "1", "--format", "md"]).stdout
        #expect(md.contains("# 政策效果评估报告") && md.contains("ATT(g,t)") && md.contains("## 绩效评分"))
        #expect(md.contains("服务对象满意度来自问卷：新生代 Q16"))
        let html = try cli.ok(["policy", "report", "1", "--format", "html", "--lang", "en"]).stdout
        #expect(html.contains("<svg") && html.contains("Event-study plot") && html.contains("Scorecard"))
    }

    /// The committed reference panel imported through the store gives the reference values.
    @Test func referencePanelDrawnFromTheStoreAgreesWithThePackages() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        let dir = cli.directory.appendingPathComponent("firms").path
        try cli.ok(["policy", "sample", "--out", dir, "--standalone", "--firms", "240"])
        try cli.ok(["org", "import", dir + "/企业.csv"])
        let usccs = try String(contentsOfFile: dir + "/企业.csv", encoding: .utf8).split(separator: "\n")
            .dropFirst()
            .map { String($0.split(separator: ",")[1]) }
        let fixture = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/policy/staggered.csv"),
            encoding: .utf8)
        var panel = "统一社会信用代码,年份,研发投入\n", treat = "统一社会信用代码,政策,受惠年份\n"
        var treated = Set<String>()
        for line in fixture.split(separator: "\n").dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let uscc = usccs[Int(c[0].dropFirst())!]
            panel += "\(uscc),\(c[1]),\(c[2])\n"
            if !c[3].isEmpty, treated.insert(uscc).inserted { treat += "\(uscc),参照政策,\(c[3])\n" }
        }
        try cli.ok(["policy", "panel", "import", try cli.write("panel.csv", panel)])
        try cli.ok(["policy", "treat", "import", try cli.write("treat.csv", treat)])
        let expected = try json(
            try String(
                contentsOf: Fixtures.repositoryRoot.appendingPathComponent(
                    "Tests/Fixtures/policy/expected.json"), encoding: .utf8))
        let twfe = expected["twfe_staggered"] as! [String: [String: Any]]
        for df in ["fixest", "stata"] {
            let r = try json(
                try cli.ok([
                    "policy", "estimate", "--method", "twfe", "--df", df, "--format", "json", "--dry-run",
                ]).stdout)
            let e = (r["result"] as! [String: Any])["effect"] as! [String: Any]
            #expect(abs((e["estimate"] as! Double) - (twfe[df]!["estimate"] as! Double)) < 1e-8)
            #expect(abs((e["se"] as! Double) - (twfe[df]!["se"] as! Double)) < 1e-8, "\(df)")
        }
        let cs = try json(
            try cli.ok(["policy", "estimate", "--method", "cs", "--format", "json", "--dry-run"]).stdout)
        let simple =
            ((expected["cs_never_treated"] as! [String: Any])["simple"] as! [String: Any])["overall"]
            as! [String: Any]
        let e = (cs["result"] as! [String: Any])["effect"] as! [String: Any]
        #expect(abs((e["estimate"] as! Double) - (simple["att"] as! Double)) < 1e-8)
        #expect(abs((e["se"] as! Double) - (simple["se"] as! Double)) < 1e-8)
    }

    @Test func badInputsAreRefusedAndWriteNothing() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        let firms = [
            ("宁波甬联科技有限公司", "91330200711192037M"), ("宁波天一模具有限公司", "91330200704800698F"),
            ("东方日升新能源股份有限公司", "913302001449739014"),
        ]
        for (name, uscc) in firms {
            try cli.ok([
                "org", "add", "--name", name, "--uscc", uscc, "--region", "330226", "--industry", "C3011",
            ])
        }
        // A GBK file from Excel: full-width digits, 2019年, amounts in 万/亿; read with a notice.
        let gbk = try cli.write(
            "面板.csv",
            bytes: ImportBadInputTests.gbk(
                "统一社会信用代码,年份,研发投入,营业收入\n91330200711192037M,２０１９年,１２０,1.2亿\n91330200711192037M,2020,150,1.3亿\n"
            ))
        let converted = try cli.ok(["policy", "panel", "import", gbk, "--dry-run"])
        #expect(
            converted.stderr.contains("GB18030") || converted.stderr.contains("GBK"), "\(converted.stderr)")
        var panel = "\u{FEFF}统一社会信用代码,年份,研发投入,营业收入\n"
        for (_, uscc) in firms {
            for (k, year) in (2018...2021).enumerated() {
                // 甬联 has no 2020: a gap.
                if uscc == "91330200711192037M" && year == 2020 { continue }
                panel += "\(uscc),\(year),\(100 + 10 * k),\(uscc == firms[2].1 ? "20" : "9000")\n"
            }
        }
        try cli.ok(["policy", "panel", "import", try cli.write("panel.csv", panel)])
        // Recipients: 甬联 and 天一 from 2020 (a Chinese date).
        try cli.ok([
            "policy", "treat", "import",
            try cli.write(
                "treat.csv",
                "统一社会信用代码,受惠年份,金额\n91330200711192037M,2020年3月1日,50万\n91330200704800698F,2020,30万\n"),
            "--policy", "研发补助",
        ])
        let before = try writes(cli)
        // A firm not in the store.
        var r = try cli.fail([
            "policy", "panel", "import",
            try cli.write("unknown.csv", "统一社会信用代码,年份,研发投入\n91330200MA2AE6RX5T,2019,10\n"),
        ])
        #expect(r.status == 65 && r.cause == "store.reference-not-found" && r.line == 2, "\(r)")
        // A malformed code, a duplicate firm-year, text in a number column.
        r = try cli.fail([
            "policy", "panel", "import",
            try cli.write("bad.csv", "统一社会信用代码,年份,研发投入\n91330200711192037X,2019,10\n"),
        ])
        #expect(r.status == 65 && r.cause == "core.invalid-uscc", "\(r)")
        r = try cli.fail([
            "policy", "panel", "import",
            try cli.write(
                "dup.csv", "统一社会信用代码,年份,研发投入\n91330200711192037M,2022,10\n91330200711192037M,2022年,11\n"),
        ])
        #expect(r.status == 65 && r.cause == "import.duplicate-row" && r.line == 3, "\(r)")
        r = try cli.fail([
            "policy", "panel", "import",
            try cli.write("text.csv", "统一社会信用代码,年份,研发投入\n91330200711192037M,2022,很多\n"),
        ])
        #expect(r.status == 65 && r.cause == "import.text-in-number" && r.column == 3, "\(r)")
        // A treatment year outside the panel (2018–2021; 2018 leaves no pre-period).
        r = try cli.fail([
            "policy", "treat", "import",
            try cli.write("late.csv", "统一社会信用代码,政策,受惠年份\n913302001449739014,研发补助,2025\n"),
        ])
        #expect(r.status == 65 && r.cause == "policy.treatment-outside-panel" && r.line == 2, "\(r)")
        r = try cli.fail([
            "policy", "treat", "import",
            try cli.write("early.csv", "统一社会信用代码,政策,受惠年份\n913302001449739014,另一政策,2018\n"),
        ])
        #expect(r.cause == "policy.treatment-outside-panel", "\(r)")
        #expect(try writes(cli) == before)
        // The gap: CS needs a balanced panel and names the firm and year.
        r = try cli.fail(["policy", "estimate", "--method", "cs"])
        #expect(
            r.status == 65 && r.cause == "policy.unbalanced-panel"
                && r.zh.contains("91330200711192037M（缺 2020）"), "\(r)")
        // Matching on revenue that separates recipients (9000) from the rest (20): no convergence.
        r = try cli.fail(["policy", "estimate", "--method", "psm", "--covariates", "revenue"])
        #expect(r.status == 65 && r.cause == "policy.logit-not-converged", "\(r)")
        // Unknown run, unknown policy.
        r = try cli.fail(["policy", "report", "9"])
        #expect(r.status == 66 && r.cause == "policy.run-not-found", "\(r)")
        r = try cli.fail(["policy", "estimate", "--method", "twfe", "--policy", "没有的政策"])
        #expect(r.status == 66 && r.cause == "policy.policy-not-found", "\(r)")
        #expect(try writes(cli) == before)
        // Every firm treated in the same year: the treatment dummy is a year effect.
        try cli.ok([
            "policy", "treat", "import",
            try cli.write(
                "all.csv",
                "统一社会信用代码,政策,受惠年份\n91330200711192037M,全员政策,2020\n91330200704800698F,全员政策,2020\n913302001449739014,全员政策,2020\n"
            ),
        ])
        let beforeSingular = try writes(cli)
        r = try cli.fail(["policy", "estimate", "--method", "twfe", "--policy", "全员政策"])
        #expect(r.status == 65 && r.cause == "policy.singular-design", "\(r)")
        // A scorecard with a missing input and with an unknown one.
        try cli.ok(["policy", "estimate", "--method", "twfe", "--policy", "研发补助"])
        let afterRun = try writes(cli)
        #expect(afterRun != beforeSingular)
        let framework = Fixtures.datasets.appendingPathComponent("frameworks/policy-performance.yaml").path
        r = try cli.fail(["policy", "scorecard", framework, "--run", "1", "--satisfaction", "90"])
        #expect(r.status == 65 && r.cause == "policy.scorecard-input" && r.zh.contains("basis"), "\(r)")
        r = try cli.fail(["policy", "scorecard", framework, "--run", "1", "--input", "basiss=3"])
        #expect(r.cause == "policy.scorecard-input" && r.zh.contains("basis"), "\(r)")
        #expect(try writes(cli) == afterRun)
    }
}
