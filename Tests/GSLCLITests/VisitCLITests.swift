import Foundation
import GSLTestSupport
import Testing

/// Campaigns, visits and coverage; request import/export; two processes acting on one request.
@Suite struct VisitCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "海曙区"])
        try cli.ok(["org", "add", "--name", "宁波天一模具有限公司", "--uscc", "91330200704800698F", "--region", "宁海县"])
        try cli.ok([
            "org", "add", "--name", "东方日升新能源股份有限公司", "--uscc", "913302001449739014", "--region", "宁海县",
        ])
        return cli
    }

    @Test func campaignCoverageByCounty() throws {
        let cli = try prepared()
        try cli.ok(["visit", "campaign", "问千家进百企2025", "--from", "2025-01-01", "--to", "2025-12-31"])
        let list = try cli.write(
            "名单.csv", "统一社会信用代码\n91330200711192037M\n91330200704800698F\n913302001449739014\n")
        try cli.ok(["visit", "targets", "问千家进百企2025", "--file", list])
        try cli.ok([
            "visit", "log", "--org", "宁波甬联科技有限公司", "--date", "2025-03-06", "--staff", "王芳", "--campaign",
            "问千家进百企2025",
        ])
        let file = try cli.write("走访.csv", "企业,日期,走访人,活动,发现问题\n宁波天一模具有限公司,2025年4月2日,李强,问千家进百企2025,用工紧张\n")
        try cli.ok(["visit", "import", file])
        let total =
            try json(try cli.ok(["visit", "stats", "问千家进百企2025", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(total.first?["targets"] as? Int == 3 && total.first?["visited"] as? Int == 2)
        let byCounty =
            try json(
                try cli.ok(["visit", "stats", "问千家进百企2025", "--by", "county", "--format", "json"]).stdout)
            as! [[String: Any]]
        let ninghai = byCounty.first { $0["group"] as? String == "宁海县" }
        #expect(ninghai?["targets"] as? Int == 2 && ninghai?["visited"] as? Int == 1)
        #expect(ninghai?["coverage"] as? Double == 0.5)
        // A visit outside the campaign's dates, or of an unknown enterprise, writes nothing.
        let bad = try cli.write(
            "bad.csv",
            "企业,日期,走访人,活动\n宁波甬联科技有限公司,2025-05-06,王芳,问千家进百企2025\n宁波甬联科技有限公司,2026-01-03,王芳,问千家进百企2025\n")
        let r = try cli.fail(["visit", "import", bad])
        #expect(r.status == 65 && r.cause == "casework.visit-outside-campaign", "\(r)")
        #expect(r.file == bad && r.line == 3 && r.en.contains("2026-01-03"), "\(r)")
        let visits = try json(try cli.ok(["visit", "list", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(visits.count == 2)
    }

    @Test func requestImportExportAndBadRows() throws {
        let cli = try prepared()
        let good = try cli.write(
            "诉求.csv",
            "企业,类别,标题,来源,优先级,受理日期\n宁波甬联科技有限公司,融资信贷,续贷困难,visit,high,2025-03-06\n宁波天一模具有限公司,用工人才,招工难,hotline,一般,2025/3/7\n"
        )
        try cli.ok(["case", "import", good])
        let bad = try cli.write("bad.csv", "企业,类别,标题\n宁波甬联科技有限公司,融资信贷,续贷\n宁波甬联科技有限公司,其它什么,x\n")
        let r = try cli.fail(["case", "import", bad])
        #expect(r.status == 65 && r.cause == "casework.unknown-value", "\(r)")
        #expect(r.file == bad && r.line == 3 && r.column == 2 && r.en.contains("其它什么"), "\(r)")
        let export = try cli.ok(["case", "export", "--format", "csv", "--bom"]).stdout
        #expect(Array(export.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(export.contains("续贷困难") && export.contains("招工难") && !export.contains("续贷\r\n"))
        #expect(export.split(separator: "\r\n").count == 3)
    }

    @Test func twoProcessesOnOneRequestOneWinsNothingLost() throws {
        let cli = try prepared()
        try cli.ok([
            "case", "open", "--org", "1", "--category", "融资信贷", "--title", "续贷困难", "--date", "2025-03-06",
        ])
        let version =
            (try json(try cli.ok(["case", "show", "1", "--format", "json"]).stdout) as! [String: Any])[
                "version"] as! Int
        let leads = ["市金融办", "市经信局"]
        let buffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2)
        defer { buffer.deallocate() }
        nonisolated(unsafe) let slots = buffer
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let r = try? cli.run([
                "case", "assign", "1", "--lead", leads[i], "--expect-version", String(version), "--date",
                "2025-03-07",
            ])
            slots[i] = r?.status ?? -2
        }
        let statuses = Array(buffer)
        #expect(statuses.sorted() == [0, 75], "\(statuses)")
        let winner = leads[statuses.firstIndex(of: 0)!]
        let shown = try json(try cli.ok(["case", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["lead_department"] as? String == winner)
        #expect(shown["version"] as? Int == version + 1)
    }
}
