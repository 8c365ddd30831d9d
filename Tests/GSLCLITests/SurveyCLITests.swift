import Foundation
import GSLCore
import GSLTestSupport
import Testing

/// `gsl survey …` end to end: import as it comes (CSV and .xlsx, both layouts), linking to records,
/// weighting, tabulation, the report, and refusals that leave the store as it was.
@Suite struct SurveyCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    static let fixtures = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/surveys")

    func audits(_ cli: CLIRunner) throws -> String {
        try SQLiteShell.run(
            cli.database, ["SELECT count(*) FROM audit_log; SELECT count(*) FROM survey_respondents"])
    }

    func linked() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M"])
        try cli.ok(["org", "add", "--name", "宁波天一模具有限公司", "--uscc", "91330200704800698F"])
        try cli.ok([
            "person", "add", "--name", "陈一鸣", "--phone", "13800000001", "--org", "宁波甬联科技有限公司", "--birth-year",
            "1991",
        ])
        try cli.ok(["person", "add", "--name", "李佳怡", "--org", "宁波天一模具有限公司", "--birth-year", "1988"])
        try cli.ok(["person", "add", "--name", "王子豪"])
        try cli.ok(["person", "add", "--name", "张伟", "--org", "宁波甬联科技有限公司"])
        try cli.ok(["person", "add", "--name", "张伟", "--org", "宁波甬联科技有限公司"])
        return cli
    }

    static let linkCSV = """
        序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的姓名：,2、您的手机号码：,3、您的企业名称：,4、您的年龄段：,5、您是否已接班或计划接班家族企业：
        1,2023/5/6 10:11:12,185秒,微信,直接访问,1.1.1.1,陈一鸣,13800000001,宁波甬联科技有限公司,30岁以下,已接班
        2,2023/5/6 10:12:12,85秒,微信,直接访问,1.1.1.1,李佳怡,,宁波天一模具有限公司,30-35岁,计划接班
        3,2023/5/6 10:13:12,85秒,微信,直接访问,1.1.1.1,王子豪,,,36-40岁,已接班
        4,2023/5/6 10:14:12,85秒,微信,直接访问,1.1.1.1,赵某,13900000009,,30岁以下,尚未决定
        5,2023/5/6 10:15:12,85秒,微信,直接访问,1.1.1.1,张伟,,宁波甬联科技有限公司,30-35岁,计划接班

        """

    @Test func linksRespondentsNeverGuessingAndMasksPersonalFields() throws {
        let cli = try linked()
        let file = try cli.write("青年.csv", Self.linkCSV)
        let imported =
            try json(try cli.ok(["survey", "import", file, "--survey", "青年", "--format", "json"]).stdout)
            as! [String: Any]
        #expect(imported["matched"] as? Int == 2)
        #expect(imported["ambiguous"] as? Int == 2)
        #expect(imported["unmatched"] as? Int == 1)
        let shown =
            try json(
                try cli.ok(["survey", "show", "青年", "--status", "ambiguous", "--format", "json"]).stdout)
            as! [String: Any]
        let respondents = shown["respondents"] as! [[String: Any]]
        #expect(respondents.map { $0["number"] as? Int } == [3, 5])
        #expect(respondents.allSatisfy { $0["personID"] == nil })
        let all = try cli.ok(["survey", "show", "青年", "--format", "csv"]).stdout
        #expect(all.contains("陈**") && !all.contains("陈一鸣") && !all.contains("13800000001"))
        #expect(all.contains("138****0001"))
        let unmasked = try cli.ok(["survey", "show", "青年", "--format", "csv", "--unmask"]).stdout
        #expect(unmasked.contains("13800000001"))
        let person = try cli.ok(["person", "show", "陈一鸣", "--format", "json"]).stdout
        #expect(person.contains("青年"))
        // The entrepreneur database: the person's enterprise by name, not only its number.
        let record = try json(person) as! [String: Any]
        #expect(record["organisation"] as? String == "宁波甬联科技有限公司", "\(record)")
        #expect(record["organisation_id"] as? Int != nil)
        let generation =
            try json(
                try cli.ok(["survey", "profile", "青年", "--by", "generation", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(generation.map { $0["category"] as? String } == ["80后", "90后", "（未知）"])
        #expect(generation.map { $0["respondents"] as? Int } == [1, 1, 3])
    }

    /// `gsl demo generate --survey` (and `survey sample --from-store`): respondents drawn from the
    /// store's entrepreneurs answer with their own name, phone and enterprise, so the export links.
    @Test func anExportOfTheStoresEntrepreneursLinksBack() throws {
        let cli = try linked()
        let file = cli.directory.appendingPathComponent("青年.xlsx").path
        let made = try cli.ok(["demo", "generate", "--survey", file, "--respondents", "10", "--seed", "4"])
        // Four people have an enterprise; the other six respondents are invented.
        #expect(made.stderr.contains("其中 4 份为库中企业家"), "\(made.stderr)")
        let imported =
            try json(try cli.ok(["survey", "import", file, "--survey", "青年", "--format", "json"]).stdout)
            as! [String: Any]
        // 陈一鸣 by phone, 李佳怡 by name and enterprise; the two 张伟 of one firm stay ambiguous.
        #expect(imported["matched"] as? Int == 2)
        #expect(imported["ambiguous"] as? Int == 2)
        #expect(imported["unmatched"] as? Int == 6)
        let same = cli.directory.appendingPathComponent("again.xlsx").path
        try cli.ok(["survey", "sample", "--out", same, "--n", "10", "--seed", "4", "--from-store"])
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: same)).count
                == Data(contentsOf: URL(fileURLWithPath: file)).count)
        let empty = try CLIRunner()
        try empty.ok(["init"])
        let none = try empty.fail(["demo", "generate", "--survey", file])
        #expect(none.status == 66)
    }

    @Test func importsBothSampleLayoutsAndTabulates() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let text = Self.fixtures.appendingPathComponent("sample_text_layout.csv").path
        try cli.ok(["survey", "import", text, "--survey", "样例", "--title", "新生代企业家调查（样例）"])
        let freq =
            try json(try cli.ok(["survey", "freq", "样例", "Q4", "--format", "json"]).stdout) as! [String: Any]
        let table = (freq["tables"] as! [[String: Any]])[0]
        let rows = table["rows"] as! [[String: Any]]
        // 8 respondents; 融资难 chosen by 3: a share of respondents, shares adding past 100%.
        let financing = rows.first { $0["label"] as? String == "融资难" }!
        #expect(financing["count"] as? Int == 3)
        #expect(abs(((financing["share"] as! [String: Any])["value"] as! Double) - 0.375) < 1e-12)
        let total = rows.reduce(0.0) { $0 + (($1["share"] as! [String: Any])["value"] as! Double) }
        #expect(total > 1)
        let mean =
            try json(try cli.ok(["survey", "mean", "样例", "Q6", "--format", "json"]).stdout) as! [String: Any]
        let lines = mean["lines"] as! [[String: Any]]
        // 政务服务: 4,3,5,2,4,5,3,4 → 3.75.
        #expect(abs(((lines[0]["mean"] as! [String: Any])["value"] as! Double) - 3.75) < 1e-12)
        #expect(mean["cronbachAlpha"] is Double)
        let cross =
            try json(try cli.ok(["survey", "crosstab", "样例", "Q2", "Q5", "--format", "json"]).stdout)
            as! [String: Any]
        #expect(((cross["table"] as! [String: Any])["n"] as? Int) == 8)
        let code = Self.fixtures.appendingPathComponent("sample_code_layout.csv").path
        let second =
            try json(try cli.ok(["survey", "import", code, "--survey", "样例码", "--format", "json"]).stdout)
            as! [String: Any]
        #expect(second["layout"] as? String == "code")
        let codebook = try cli.ok(["survey", "codebook", "样例"]).stdout
        #expect(codebook.contains("type: matrix") && codebook.contains("政务服务"))
        // Importing the same export again adds nothing.
        let again =
            try json(try cli.ok(["survey", "import", text, "--survey", "样例", "--format", "json"]).stdout)
            as! [String: Any]
        #expect(again["inserted"] as? Int == 0 && again["skipped"] as? Int == 8)
    }

    @Test func weightsAnXLSXSampleAndReports() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let xlsx = cli.directory.appendingPathComponent("新生代.xlsx").path
        try cli.ok(["survey", "sample", "--out", xlsx, "--n", "300", "--layout", "code"])
        try cli.ok(["survey", "import", xlsx, "--survey", "新生代"])
        let margins = try cli.write(
            "边际.yaml",
            """
            margins:
              - question: 4
                targets: {1: 300, 2: 400, 3: 200, 4: 100}
              - question: 10
                targets: {1: 250, 2: 350, 3: 250, 4: 150}
            trim: {lower: 0.2, upper: 5}

            """)
        let w =
            try json(
                try cli.ok(["survey", "weight", "新生代", "--margins", margins, "--format", "json"]).stdout)
            as! [String: Any]
        #expect(w["method"] as? String == "raking")
        #expect(abs((w["totalWeight"] as! Double) - 1000) < 1e-6)
        #expect((w["designEffect"] as! Double) >= 1)
        let freq =
            try json(try cli.ok(["survey", "freq", "新生代", "Q4", "--format", "json"]).stdout) as! [String: Any]
        let rows = ((freq["tables"] as! [[String: Any]])[0]["rows"] as! [[String: Any]])
        // Weighted shares are the margin's: 30%, 40%, 20%, 10%.
        let shares = rows.map { ($0["share"] as! [String: Any])["value"] as! Double }
        for (s, t) in zip(shares, [0.3, 0.4, 0.2, 0.1]) { #expect(abs(s - t) < 1e-9) }
        let cross =
            try json(try cli.ok(["survey", "crosstab", "新生代", "Q7", "Q15", "--format", "json"]).stdout)
            as! [String: Any]
        #expect((cross["table"] as! [String: Any])["raoScott"] != nil)
        let html = try cli.ok(["survey", "report", "新生代", "--format", "html"]).stdout
        #expect(
            html.contains("<svg") && html.contains("设计效应") && html.contains("Q13 ")
                && html.contains("<h3>政务服务</h3>"))
        let md = try cli.ok(["survey", "report", "新生代"]).stdout
        #expect(md.hasPrefix("# ") && md.contains("<svg"))
    }

    /// Margins from the store: the member enterprises by county and size class, matched to the
    /// questionnaire's options by name; one joint margin post-stratifies on the cells.
    @Test func weightsToTheStoresMemberEnterprises() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["org", "add", "--kind", "chamber", "--name", "甬商会", "--chamber-type", "direct"])
        // Members: 海曙 小型 ×2, 海曙 微型 ×1, 鄞州 小型 ×1, 鄞州 微型 ×2; one non-member in 江北区.
        let firms: [(String, String, String)] = [
            ("甲一", "海曙区", "small"), ("甲二", "海曙区", "small"), ("甲三", "海曙区", "micro"),
            ("乙一", "鄞州区", "small"), ("乙二", "鄞州区", "micro"), ("乙三", "鄞州区", "micro"),
        ]
        func uscc(_ i: Int) -> String {
            let first = "91330200" + String(format: "%09d", 700_000 + i) + ""
            return first + String(USCC.checkCharacter(forFirst17: first)!)
        }
        for (i, (name, region, size)) in firms.enumerated() {
            try cli.ok([
                "org", "add", "--name", "宁波\(name)有限公司", "--uscc", uscc(i), "--region", region, "--size",
                size,
            ])
            try cli.ok([
                "member", "add", "--chamber", "甬商会", "--org", "宁波\(name)有限公司", "--since", "2020-01-01",
            ])
        }
        try cli.ok([
            "org", "add", "--name", "宁波丙一有限公司", "--uscc", uscc(9), "--region", "江北区", "--size", "small",
        ])
        let rows = [
            ("海曙区", "小型"), ("海曙区", "小型"), ("海曙区", "微型"), ("海曙区", "微型"), ("宁波市鄞州区", "小型"),
            ("宁波市鄞州区", "微型"),
        ]
        var csv = "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的企业所在区县：,2、您的企业规模：,3、您参加工商联活动的频率：\n"
        for (i, r) in rows.enumerated() {
            csv +=
                "\(i + 1),2023/5/6 10:11:12,85秒,微信,直接访问,1.1.1.1,\(r.0),\(r.1),\(i % 2 == 0 ? "偶尔" : "经常")\n"
        }
        try cli.ok(["survey", "import", try cli.write("库.csv", csv), "--survey", "库"])
        func shares(_ q: String) throws -> [String: Double] {
            let freq =
                try json(try cli.ok(["survey", "freq", "库", q, "--format", "json"]).stdout) as! [String: Any]
            let rows = (freq["tables"] as! [[String: Any]])[0]["rows"] as! [[String: Any]]
            return Dictionary(
                uniqueKeysWithValues: rows.map {
                    ($0["label"] as! String, ($0["share"] as! [String: Any])["value"] as! Double)
                })
        }
        let raked =
            try json(
                try cli.ok([
                    "survey", "weight", "库", "--margins-from-store", "county=1", "--margins-from-store",
                    "规模=Q2",
                    "--format", "json",
                ]).stdout) as! [String: Any]
        #expect(raked["method"] as? String == "raking")
        #expect(raked["margins"] as? [String] == ["Q1（会员企业·区县）", "Q2（会员企业·规模）"])
        #expect(abs((raked["totalWeight"] as! Double) - 6) < 1e-9)
        #expect((raked["population"] as! [String: Any])["total"] as? Int == 6)
        for (label, share) in try shares("Q1") { #expect(abs(share - 0.5) < 1e-9, "\(label)") }
        for (label, share) in try shares("Q2") { #expect(abs(share - 0.5) < 1e-9, "\(label)") }
        // Joint cells: 海曙×小型 2 firms / 2 respondents, 海曙×微型 1 / 2, 鄞州×小型 1 / 1, 鄞州×微型 2 / 1.
        let joint =
            try json(
                try cli.ok([
                    "survey", "weight", "库", "--margins-from-store", "county=1", "--margins-from-store",
                    "size=2",
                    "--joint", "--format", "json",
                ]).stdout) as! [String: Any]
        #expect(joint["method"] as? String == "poststratification")
        #expect(joint["minWeight"] as? Double == 0.5 && joint["maxWeight"] as? Double == 2)
        // The whole store's enterprises include 江北区, which no option names: refused, nothing written.
        let before = try SQLiteShell.run(cli.database, ["SELECT count(*) FROM survey_weightings"])
        let unmatched = try cli.fail([
            "survey", "weight", "库", "--margins-from-store", "county=1", "--population", "enterprises",
        ])
        #expect(unmatched.status == 65 && unmatched.cause == "surveys.population-unmatched")
        #expect(unmatched.zh.contains("江北区（1 家）"))
        let wrongQuestion = try cli.fail(["survey", "weight", "库", "--margins-from-store", "size=1"])
        #expect(wrongQuestion.cause == "surveys.population-unmatched")
        let both = try cli.fail([
            "survey", "weight", "库", "--margins-from-store", "size=2", "--margins", "m.yaml",
        ])
        #expect(both.status == 64)
        #expect(try SQLiteShell.run(cli.database, ["SELECT count(*) FROM survey_weightings"]) == before)
        // A joint margin written in a file gives the same weights as the joint margin from the store.
        let file = try cli.write(
            "联合.yaml",
            "margins:\n  - question: [1, 2]\n    targets: {海曙区×小型: 2, 海曙区×微型: 1, 宁波市鄞州区×小型: 1, 宁波市鄞州区×微型: 2}\n"
        )
        let fromFile =
            try json(try cli.ok(["survey", "weight", "库", "--margins", file, "--format", "json"]).stdout)
            as! [String: Any]
        #expect(fromFile["minWeight"] as? Double == 0.5 && fromFile["maxWeight"] as? Double == 2)
        #expect(fromFile["margins"] as? [String] == ["Q1×Q2"])
    }

    @Test func badInputsAreRefusedWithTheirPlaceAndWriteNothing() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let text = Self.fixtures.appendingPathComponent("sample_text_layout.csv").path
        try cli.ok(["survey", "import", text, "--survey", "样例"])
        let before = try audits(cli)
        let header =
            "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的姓名：,2、您的年龄段：,3、您的企业所在区县：,4、您企业当前的主要困难是：,5、您是否已接班或计划接班家族企业：,6、您对宁波营商环境各方面的评价—政务服务,6、您对宁波营商环境各方面的评价—法治环境,6、您对宁波营商环境各方面的评价—要素保障,7、您对工商联工作的建议："
        let unknown = try cli.write(
            "u.csv", header + "\n9,2023/5/6 10:11:12,185秒,微信,直接访问,1.1.1.1,甲,50岁以上,鄞州区,融资难,已接班,一般,一般,一般,无\n")
        let e1 = try cli.fail(["survey", "import", unknown, "--survey", "样例"])
        #expect(e1.status == 65 && e1.cause == "surveys.unknown-option" && e1.line == 2 && e1.column == 8)
        let dup = try cli.write(
            "d.csv",
            header
                + "\n9,2023/5/6 10:11:12,185秒,微信,直接访问,1.1.1.1,甲,30岁以下,鄞州区,融资难,已接班,一般,一般,一般,无\n9,2023/5/6 10:11:12,185秒,微信,直接访问,1.1.1.1,乙,30岁以下,鄞州区,融资难,已接班,一般,一般,一般,无\n"
        )
        let e2 = try cli.fail(["survey", "import", dup, "--survey", "样例"])
        #expect(e2.cause == "import.duplicate-row" && e2.line == 3 && e2.column == 1)
        let empty = try cli.write(
            "e.csv", header + "\n9,2023/5/6 10:11:12,185秒,微信,直接访问,1.1.1.1,甲,,鄞州区,融资难,已接班,一般,一般,一般,无\n")
        let e3 = try cli.fail(["survey", "import", empty, "--survey", "样例"])
        #expect(e3.cause == "surveys.missing-answer" && e3.line == 2 && e3.column == 8)
        let columns = try cli.write(
            "c.csv",
            header + ",8、新增题目\n9,2023/5/6 10:11:12,185秒,微信,直接访问,1.1.1.1,甲,30岁以下,鄞州区,融资难,已接班,一般,一般,一般,无,x\n")
        let e4 = try cli.fail(["survey", "import", columns, "--survey", "样例"])
        #expect(e4.cause == "surveys.column-mismatch" && e4.line == 1 && e4.column == 16)
        let margins = try cli.write(
            "m.yaml",
            "margins:\n  - question: 2\n    targets: {30岁以下: 3, 30-35岁: 2, 36-40岁: 2, 41-45岁: 1}\n  - question: 5\n    targets: {已接班: 3, 计划接班: 3, 尚未决定: 1, 不打算接班: 2}\n"
        )
        let e5 = try cli.fail(["survey", "weight", "样例", "--margins", margins])
        #expect(e5.status == 65 && e5.cause == "surveys.margin-invalid" && e5.zh.contains("不一致"))
        #expect(try audits(cli) == before)
        let missing = try cli.fail(["survey", "freq", "没有这个"])
        #expect(missing.status == 66 && missing.cause == "surveys.not-found")
    }
}

/// Every importer reads a workbook where it reads CSV: the sheet asked for must be there, and a file
/// named .xlsx that is not a workbook is bad data (the positive case is in GSLSurveysTests).
@Suite struct WorkbookImportCLITests {
    @Test func aMissingSheetAndABrokenWorkbook() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let book = cli.directory.appendingPathComponent("名录.xlsx").path
        try cli.ok(["survey", "sample", "--out", book, "--n", "2"])
        let wrong = try cli.fail(["org", "import", book, "--sheet", "名录"])
        #expect(wrong.status == 66 && wrong.cause == "tabular.sheet-not-found")
        let notBook = try cli.write("坏.xlsx", "企业名称\n甲\n")
        let broken = try cli.fail(["org", "import", notBook])
        #expect(broken.status == 65)
    }
}
