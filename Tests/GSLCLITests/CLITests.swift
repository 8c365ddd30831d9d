import Foundation
import GSLTestSupport
import Testing

/// End-to-end runs of the built `gsl` binary over the foundation commands.
@Suite struct CLITests {
    func loaded() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        return cli
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func initStatusAndReferenceLoad() throws {
        let cli = try loaded()
        let status = try json(try cli.ok(["status", "--format", "json"]).stdout) as! [String: Any]
        #expect(status["regions"] as? Int == 2 + 10 + 162 + 3023)
        #expect(status["schema_version"] as? Int ?? 0 >= 5)
        // Loading twice changes nothing.
        let again = try cli.ok(["ref", "load"])
        #expect(again.stderr.contains("新增 0"))
    }

    @Test func regionPathAndVillageKinds() throws {
        let cli = try loaded()
        let show = try cli.ok(["region", "show", "330203001001", "--format", "csv"]).stdout
        let codes = show.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(codes == ["33", "3302", "330203", "330203001", "330203001001"])
        let villages = try cli.ok([
            "region", "list", "--parent", "宁海县", "--level", "village", "--format", "json",
        ]).stdout
        let rows = try json(villages) as! [[String: Any]]
        #expect(rows.count > 300)
        #expect(rows.allSatisfy { ($0["code"] as! String).hasPrefix("330226") })
        let children = try cli.ok(["region", "list", "--parent", "3302", "--format", "csv"]).stdout
        #expect(children.split(separator: "\n").count == 11)
    }

    @Test func orgLifecycleWithAuditAndOptimisticLocking() throws {
        let cli = try loaded()
        let added = try cli.ok([
            "org", "add", "--name", "宁波银行股份有限公司", "--uscc", "91330200711192037M", "--region", "鄞州区",
            "--industry", "J6621", "--employees", "25000", "--revenue", "614.5亿", "--phone", "0574-87050028",
            "--format", "json",
        ]).stdout
        let org = try json(added) as! [String: Any]
        #expect(org["region_code"] as? String == "330212")
        #expect(org["revenue_yuan"] as? Double == 61_450_000_000)
        // Banks are outside the 2011 size standard (finance has its own), so no size is derived.
        #expect(org["size"] == nil || org["size"] is NSNull)
        // Phone masked unless asked.
        #expect(org["phone"] as? String != "0574-87050028")
        let unmasked =
            try json(try cli.ok(["org", "show", "宁波银行股份有限公司", "--unmask", "--format", "json"]).stdout)
            as! [String: Any]
        #expect(unmasked["phone"] as? String == "0574-87050028")

        try cli.ok(["org", "edit", "91330200711192037M", "--note", "总行", "--expect-version", "1"])
        let stale = try cli.run(["org", "edit", "91330200711192037M", "--note", "改", "--expect-version", "1"])
        #expect(stale.status == 75, "\(stale.stderr)")
        let log = try cli.ok(["audit", "log", "--entity", "organisation", "--format", "json"]).stdout
        let entries = try json(log) as! [[String: Any]]
        #expect(entries.map { $0["action"] as! String } == ["insert", "update"])
        #expect(entries.allSatisfy { $0["actor"] as? String == "tester" })
        try cli.ok(["audit", "verify"])
        try cli.ok(["db", "check"])
    }

    @Test func importRealWorldFileShapes() throws {
        let cli = try loaded()
        // BOM, CRLF, Chinese headers, full-width digits, Chinese comma in a number, Chinese date, 万元 column.
        let csv =
            "\u{FEFF}名称,统一社会信用代码,所在地区,行业代码,从业人员,营业收入(万元),成立日期\r\n"
            + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,１２０,\"3，500\",2015年3月2日\r\n"
            + "宁波天一模具有限公司,91330200704800698F,海曙区,3525,45,800,2018/6/1\r\n"
        let path = try cli.write("firms.csv", csv)
        let result = try cli.ok(["org", "import", path])
        #expect(result.stderr.contains("新增 2"), "\(result.stderr)")
        let rows = try json(try cli.ok(["org", "list", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(rows.count == 2)
        let first = rows.first { $0["uscc"] as? String == "91330200711192037M" }!
        #expect(first["employees"] as? Int == 120)
        #expect(first["revenue_yuan"] as? Double == 35_000_000)
        // GBK export from Excel: converted with a notice.
        let gbk = try cli.write(
            "gbk.csv",
            bytes: ImportBadInputTests.gbk("名称,统一社会信用代码,所在地区\n东方日升新能源股份有限公司,913302001449739014,宁海县\n"))
        let converted = try cli.ok(["org", "import", gbk])
        #expect(
            converted.stderr.contains("GB18030") || converted.stderr.contains("GBK"), "\(converted.stderr)")
        #expect(
            try cli.ok(["org", "show", "913302001449739014", "--format", "json"]).stdout.contains("东方日升"))
        // Re-import with update and skip.
        try cli.ok(["org", "import", path, "--on-conflict", "skip"])
        let updated = try cli.ok(["org", "import", path, "--on-conflict", "update"])
        #expect(updated.stderr.contains("更新 0") && updated.stderr.contains("未变 2"), "\(updated.stderr)")
        let changed = try cli.write("changed.csv", csv.replacingOccurrences(of: ",１２０,", with: ",121,"))
        let changedReport = try cli.ok(["org", "import", changed, "--on-conflict", "update"])
        #expect(
            changedReport.stderr.contains("更新 1") && changedReport.stderr.contains("未变 1"),
            "\(changedReport.stderr)")
        // One record's history: the import's bulk entry, narrowed to that record's row.
        let id = String(first["id"] as! Int)
        let history =
            try json(
                try cli.ok(["audit", "log", "--entity", "organisation:\(id)", "--full", "--format", "json"])
                    .stdout)
            as! [[String: Any]]
        #expect(history.map { $0["action"] as! String } == ["insert", "update"])
        #expect(history[0]["entity_id"] as? String == "1..2")
        let inserted = history[0]["after"] as? String ?? ""
        #expect(inserted.contains("\"id\":\(id),") && inserted.contains("宁波甬联科技有限公司"), "\(inserted)")
        #expect(!inserted.contains("宁波天一模具有限公司"))
    }

    @Test func importShowsProgressOnATerminalOnly() throws {
        let cli = try loaded()
        let csv = cli.directory.appendingPathComponent("firms.csv").path
        try cli.ok(["demo", "generate", "--orgs", "5000", "--seed", "3", "--out", csv])
        // Through a pipe (files, scripts): no bar.
        let piped = try cli.ok(["org", "import", csv, "--dry-run"])
        #expect(!piped.stderr.contains("[="))
        // On a terminal (a pseudo-terminal from script(1)): a bar that reaches 100 % and is cleared.
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            print("skipped: /usr/bin/script is not installed, so no terminal to test the bar on")
            return
        }
        let process = Process()
        process.executableURL = script
        let command = "'\(CLIRunner.executable.path)' org import '\(csv)' --db '\(cli.database)'"
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(cli.environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("导入 [") && text.contains("100%  5,000/5,000"), "\(text)")
        #expect(text.contains("\u{1B}[K组织：读取 5000 行，新增 5000"), "\(text)")
    }

    @Test func exportImportsBackUnchanged() throws {
        let cli = try loaded()
        try cli.ok([
            "demo", "generate", "--orgs", "40", "--seed", "7", "--out",
            cli.directory.appendingPathComponent("demo.csv").path,
        ])
        try cli.ok(["org", "import", "demo.csv"])
        // A file that cannot be written is 73 (cannot create) with its path, as for every command.
        let unwritable = cli.directory.appendingPathComponent("no-such-folder/demo.csv").path
        let refused = try cli.fail(["demo", "generate", "--orgs", "5", "--out", unwritable])
        #expect(refused.status == 73 && refused.file == unwritable, "\(refused)")
        let export = try cli.ok(["org", "export", "--format", "csv", "--bom", "--unmask"])
        #expect(Array(export.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(export.stdout.contains("\r\n"))
        let other = try CLIRunner()
        try other.ok(["init"])
        try other.ok(["ref", "load"])
        let path = try other.write("export.csv", export.stdout)
        try other.ok(["org", "import", path])
        let again = try other.ok(["org", "export", "--format", "csv", "--bom", "--unmask"]).stdout
        #expect(again == export.stdout)
        // Masked by default.
        let masked = try cli.ok(["org", "export", "--format", "csv"]).stdout
        #expect(masked.contains("****"))
    }

    @Test func filtersByRegionIndustrySizeAndChamber() throws {
        let cli = try loaded()
        try cli.ok([
            "demo", "generate", "--orgs", "300", "--seed", "11", "--out",
            cli.directory.appendingPathComponent("d.csv").path,
        ])
        try cli.ok(["org", "import", "d.csv"])
        let haishu =
            try json(
                try cli.ok(["org", "list", "--region", "海曙区", "--limit", "1000", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(!haishu.isEmpty)
        #expect(haishu.allSatisfy { ($0["region_code"] as! String).hasPrefix("330203") })
        let manufacturing =
            try json(
                try cli.ok(["org", "list", "--industry", "C", "--limit", "1000", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(manufacturing.allSatisfy { ($0["industry_code"] as! String).first!.isNumber })
        let micro =
            try json(
                try cli.ok(["org", "list", "--size", "微", "--limit", "1000", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(micro.allSatisfy { ($0["size"] as? String) == "micro" })
        try cli.ok(["org", "add", "--kind", "chamber", "--name", "宁波市青年企业家商会", "--chamber-type", "直属"])
        let firstID = String(haishu[0]["id"] as! Int)
        try cli.ok([
            "member", "add", "--chamber", "宁波市青年企业家商会", "--org", firstID, "--role", "理事", "--since",
            "2024-03-01",
        ])
        let dup = try cli.run(["member", "add", "--chamber", "宁波市青年企业家商会", "--org", firstID])
        #expect(dup.status == 75)
        let members =
            try json(try cli.ok(["org", "list", "--chamber", "宁波市青年企业家商会", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(members.count == 1)
        let memberships =
            try json(try cli.ok(["member", "list", "--chamber", "宁波市青年企业家商会", "--format", "json"]).stdout)
            as! [[String: Any]]
        let mid = String(memberships[0]["id"] as! Int)
        try cli.ok(["member", "end", mid, "--on", "2026-06-30"])
        #expect(
            try cli.ok(["member", "list", "--chamber", "宁波市青年企业家商会", "--format", "csv"]).stdout.split(
                separator: "\n"
            ).count == 1)
        #expect(
            try cli.ok(["member", "list", "--chamber", "宁波市青年企业家商会", "--all", "--format", "csv"]).stdout
                .contains("2026-06-30"))
    }

    @Test func peopleWithIDCardsAndMasking() throws {
        let cli = try loaded()
        // 11010519491231002X is the standard's worked example of a valid number.
        let csv = "姓名,性别,身份证号,手机,职务\n张三,男,11010519491231002X,13805741234,董事长\n李四,女,,13905749876,总经理\n"
        try cli.ok(["person", "import", try cli.write("people.csv", csv)])
        let list = try cli.ok(["person", "list", "--format", "csv"]).stdout
        #expect(list.contains("138****1234"))
        #expect(!list.contains("13805741234"))
        let show =
            try json(try cli.ok(["person", "show", "张三", "--format", "json"]).stdout) as! [String: Any]
        #expect(show["birth_year"] as? Int == 1949)
        #expect(show["id_card"] as? String == "110105********002X")
        let badFile = try cli.write("bad.csv", "姓名,身份证号\n王五,110105194912310021\n")
        let bad = try cli.fail(["person", "import", badFile])
        #expect(bad.status == 65 && bad.cause == "core.invalid-id-card", "\(bad)")
        #expect(bad.file == badFile && bad.line == 2 && bad.column == 2, "\(bad)")
        // Imported people: one bulk audit entry, in the search index.
        let audit =
            try json(try cli.ok(["audit", "log", "--entity", "person", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(audit.map { $0["entity_id"] as? String } == ["1..2"])
        #expect(try cli.ok(["search", "董事长", "--kind", "person", "--format", "csv"]).stdout.contains("张三"))
        // Again with skip: 张三 is known by the ID card; 李四 has none, so is added again.
        let again = try cli.ok(["person", "import", "people.csv", "--on-conflict", "skip"])
        #expect(again.stderr.contains("新增 1") && again.stderr.contains("跳过 1"), "\(again.stderr)")
        try cli.ok(["audit", "verify"])
    }

    @Test func searchFindsShortAndLongChineseQueries() throws {
        let cli = try loaded()
        try cli.ok([
            "org", "add", "--name", "宁波甬联融资担保有限公司", "--uscc", "91330200711192037M", "--note", "小微企业融资",
        ])
        let two = try cli.ok(["search", "融资", "--format", "csv"]).stdout
        #expect(two.contains("宁波甬联融资担保有限公司"))
        let one = try cli.ok(["search", "甬", "--kind", "organisation", "--format", "csv"]).stdout
        #expect(one.contains("宁波甬联融资担保有限公司"))
        let long = try cli.ok(["search", "融资担保", "--format", "csv"]).stdout
        #expect(long.contains("宁波甬联融资担保有限公司"))
        let region = try cli.ok(["search", "宁海", "--kind", "region", "--format", "csv"]).stdout
        #expect(region.contains("宁海县"))
        let none = try cli.ok(["search", "不存在的词语", "--format", "csv"]).stdout
        #expect(none.split(separator: "\n").count == 1)

        // Imports index their rows in bulk and put the row-by-row trigger back afterwards.
        let file = try cli.write("firms.csv", "名称,统一社会信用代码,法定代表人\n宁波海天塑机集团有限公司,91330200704800698F,张静章\n")
        try cli.ok(["org", "import", file])
        #expect(try cli.ok(["search", "海天塑机", "--format", "csv"]).stdout.contains("宁波海天塑机集团有限公司"))
        #expect(try cli.ok(["search", "张静章", "--format", "csv"]).stdout.contains("宁波海天塑机集团有限公司"))
        try cli.ok(["org", "add", "--kind", "department", "--name", "宁波后来新增贸易有限公司"])
        #expect(try cli.ok(["search", "后来新增", "--format", "csv"]).stdout.contains("宁波后来新增贸易有限公司"))
        try cli.ok(["db", "check"])
    }

    @Test func referenceLookups() throws {
        let cli = try CLIRunner()
        let good = try cli.run(["ref", "uscc", "91330200711192037M", "--format", "json"], useDatabase: false)
        #expect(good.status == 0)
        let bad = try cli.fail(["ref", "uscc", "91330200711192037N"], useDatabase: false)
        #expect(bad.status == 65 && bad.cause == "core.invalid-uscc", "\(bad)")
        // The right check character is named (the code given has no M).
        #expect(bad.en.contains("M") && bad.zh.contains("M"), "\(bad)")
        let industry = try cli.run(["ref", "industry", "3011", "--format", "csv"], useDatabase: false)
        #expect(industry.stdout.contains("制造业"))
        #expect(industry.stdout.split(separator: "\n").count == 5)
        let size = try cli.run(
            [
                "ref", "size", "--industry", "C3011", "--employees", "250", "--revenue", "1.2亿", "--format",
                "json",
            ], useDatabase: false)
        // Industry: medium needs both 300+ employees and 2,000万+ revenue, so 250 people is small.
        #expect(
            (try json(size.stdout) as! [String: Any])["size"] as? String == "small",
            "\(size.stdout)\(size.stderr)")
        let medium = try cli.run(
            [
                "ref", "size", "--industry", "C3011", "--employees", "350", "--revenue", "1.2亿", "--format",
                "json",
            ], useDatabase: false)
        #expect(
            (try json(medium.stdout) as! [String: Any])["size"] as? String == "medium",
            "\(medium.stdout)\(medium.stderr)")
        let unknown = try cli.run(["ref", "industry", "Z99"], useDatabase: false)
        #expect(unknown.status == 66)
    }

    @Test func workingDaysAcrossNationalDay2023() throws {
        let cli = try CLIRunner()
        let r = try cli.run(
            ["calendar", "add-workdays", "2023-09-28", "1", "--format", "json"], useDatabase: false)
        #expect((try json(r.stdout) as! [String: Any])["result"] as? String == "2023-10-07")
        let w = try cli.run(
            ["calendar", "workdays", "--from", "2023-09-25", "--to", "2023-10-08", "--format", "json"],
            useDatabase: false)
        // 9/25–9/28 (4) + 10/7, 10/8 make-up days (2); 9/29–10/6 off.
        #expect((try json(w.stdout) as! [String: Any])["workdays"] as? Int == 6)
        let bad = try cli.run(
            ["calendar", "workdays", "--from", "2023-02-30", "--to", "2023-03-01"], useDatabase: false)
        #expect(bad.status == 65)
    }

    @Test func usageErrorsAndMissingThings() throws {
        let cli = try loaded()
        #expect(try cli.run(["org", "list", "--limit", "abc"]).status == 64)
        #expect(try cli.run(["org", "show", "999999"]).status == 66)
        #expect(try cli.run(["nonsense"]).status == 64)
        let dup = try cli.run(["org", "add", "--name", "x", "--uscc", "91330200711192037M"])
        #expect(dup.status == 0)
        #expect(try cli.run(["org", "add", "--name", "y", "--uscc", "91330200711192037M"]).status == 75)
        let help = try cli.run(["org", "import", "--help"], useDatabase: false)
        #expect(help.stdout.contains("例"))
    }

    @Test func tableOutputAlignsChineseByDisplayWidth() throws {
        let cli = try loaded()
        let out = try cli.ok(["region", "list", "--parent", "3302", "--format", "table"]).stdout
        let widths = out.split(separator: "\n").map { line in
            line.unicodeScalars.reduce(0) {
                $0
                    + (($1.value >= 0x1100
                        && ($1.value <= 0x115F || (0x2E80...0xA4CF).contains($1.value)
                            || (0xAC00...0xD7A3).contains($1.value) || (0xF900...0xFAFF).contains($1.value)
                            || (0xFE30...0xFE4F).contains($1.value) || (0xFF00...0xFF60).contains($1.value)
                            || (0xFFE0...0xFFE6).contains($1.value)))
                        ? 2 : 1)
            }
        }
        #expect(Set(widths.dropFirst(2)).count == 1, "rows have equal display width: \(widths)")
    }
}
