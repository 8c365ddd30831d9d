import Foundation
import GSLTestSupport
import Testing

/// Bad files as federation staff really send them: each is refused with one clear line naming the
/// file and position, a distinct exit code, and an unchanged store.
@Suite struct ImportBadInputTests {
    static let header = "名称,统一社会信用代码,所在地区,行业代码,从业人员,营业收入(万元),成立日期,电话\n"
    static let good1 = "宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,3500,2015-03-02,0574-87001234\n"
    static let good2 = "宁波天一模具有限公司,91330200704800698F,海曙区,C3525,45,800,2018/6/1,0574-87005678\n"

    /// A store with divisions loaded and one enterprise already in it.
    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        let seed = try cli.write(
            "seed.csv",
            Self.header
                + "东方日升新能源股份有限公司,913302001449739014,330226,C3825,3000,50000,2002-12-06,0574-65173999\n")
        try cli.ok(["org", "import", seed])
        return cli
    }

    /// Counts per table and the audit length, to prove nothing was written.
    func snapshot(_ cli: CLIRunner) throws -> String {
        try cli.ok(["status", "--format", "json"]).stdout
            .split(separator: "\n").filter { !$0.contains("\"bytes\"") && !$0.contains("size") }.joined(
                separator: "\n")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        let bytes: [UInt8]
        let extra: [String]
        let code: Int32
        let fragments: [String]
        var testDescription: String { name }
    }

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    static func gbk(_ s: String) -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try? p.run()
        input.fileHandleForWriting.write(Data(s.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Array(data)
    }

    static let cases: [Case] = [
        Case(
            name: "GBK file forced as UTF-8", file: "gbk.csv", bytes: gbk(header + good1),
            extra: ["--encoding", "utf8"],
            code: 65, fragments: ["gbk.csv", "--encoding"]),
        Case(
            name: "ragged row", file: "ragged.csv",
            bytes: text(header + good1 + "宁波某公司,91330200704800698F,330203\n"), extra: [],
            code: 65, fragments: ["ragged.csv:3", "应为 8 列，实际 3 列"]),
        Case(
            name: "wrong USCC check character", file: "uscc.csv",
            bytes: text(
                header + "宁波银行股份有限公司,91330200711192037N,330203,J6621,5000,100000,1997-04-10,0574-1\n"),
            extra: [],
            code: 65, fragments: ["uscc.csv:2:2", "校验", "M"]),
        Case(
            name: "duplicate USCC inside the file", file: "dup.csv", bytes: text(header + good1 + good1),
            extra: [],
            code: 65, fragments: ["dup.csv:3", "第2行"]),
        Case(
            name: "USCC already in the store", file: "exists.csv",
            bytes: text(
                header + "东方日升,913302001449739014,330226,C3825,3000,50000,2002-12-06,0574-65173999\n"),
            extra: [],
            code: 75, fragments: ["exists.csv:2", "913302001449739014", "--on-conflict"]),
        Case(
            name: "invalid Chinese date", file: "date.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,3500,2023年2月30日,0574-87001234\n"),
            extra: [],
            code: 65, fragments: ["date.csv:2:7", "2023"]),
        Case(
            name: "unknown division code", file: "region.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330299,C3011,120,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, fragments: ["region.csv:2:3", "330299"]),
        Case(
            name: "malformed division code", file: "region2.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,33020X,C3011,120,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, fragments: ["region2.csv:2:3"]),
        Case(
            name: "unknown industry code", file: "industry.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330203,C9999,120,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, fragments: ["industry.csv:2:4", "C9999"]),
        Case(
            name: "text in a number", file: "employees.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,一百二十,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, fragments: ["employees.csv:2:5", "一百二十"]),
        Case(
            name: "text in an amount", file: "money.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,三千五,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, fragments: ["money.csv:2:6"]),
        Case(
            name: "merged-cell leftover: empty name", file: "empty.csv",
            bytes: text(
                header + good1 + ",91330200704800698F,330203,C3525,45,800,2018-06-01,0574-87005678\n"),
            extra: [],
            code: 65, fragments: ["empty.csv:3:1", "名称"]),
        Case(
            name: "missing required column", file: "nocol.csv",
            bytes: text("统一社会信用代码,所在地区\n91330200711192037M,330203\n"), extra: [],
            code: 65, fragments: ["nocol.csv", "name"]),
        Case(
            name: "unterminated quote", file: "quote.csv",
            bytes: text(
                header + "\"宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, fragments: ["quote.csv:2"]),
        Case(
            name: "malformed JSON", file: "bad.json",
            bytes: text("[{\"name\": \"宁波甬联科技有限公司\", \"uscc\": \"91330200711192037M\"},"), extra: [],
            code: 65, fragments: ["bad.json"]),
        Case(
            name: "bad NDJSON line", file: "bad.ndjson",
            bytes: text("{\"name\": \"宁波甬联科技有限公司\", \"uscc\": \"91330200711192037M\"}\n{name: 1}\n"),
            extra: [],
            code: 65, fragments: ["bad.ndjson:2"]),
        Case(
            name: "unknown organisation kind", file: "kind.csv",
            bytes: text("名称,类型\n宁波某协会,协会\n"), extra: [], code: 65, fragments: ["kind.csv:2:2", "协会"]),
        Case(
            name: "malformed phone", file: "phone.csv",
            bytes: text(header + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,3500,2015-03-02,打电话给我\n"),
            extra: [],
            code: 65, fragments: ["phone.csv:2:8"]),
        Case(
            name: "empty file", file: "empty2.csv", bytes: [], extra: [], code: 65, fragments: ["empty2.csv"]),
        Case(
            name: "unknown size class", file: "size.csv",
            bytes: text("名称,统一社会信用代码,规模\n宁波甬联科技有限公司,91330200711192037M,特大\n"), extra: [],
            code: 65, fragments: ["size.csv:2:3", "特大"]),
        Case(
            name: "unknown chamber for membership", file: "chamber.csv",
            bytes: text("名称,统一社会信用代码,所属商会\n宁波甬联科技有限公司,91330200711192037M,不存在的商会\n"), extra: [],
            code: 65, fragments: ["chamber.csv:2:3", "不存在的商会"]),
    ]

    @Test(arguments: cases)
    func refusedWithNothingWritten(_ c: Case) throws {
        let cli = try prepared()
        let before = try snapshot(cli)
        let path = try cli.write(c.file, bytes: c.bytes)
        let result = try cli.run(["org", "import", path] + c.extra)
        #expect(result.status == c.code, "\(c.name): exit \(result.status), stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(c.name): one line on stderr, got: \(result.stderr)")
        for fragment in c.fragments {
            #expect(result.stderr.contains(fragment), "\(c.name): '\(fragment)' not in: \(result.stderr)")
        }
        #expect(!result.stderr.contains("Fatal"), "no crash")
        #expect(try snapshot(cli) == before, "\(c.name): the store changed")
    }

    @Test func dryRunValidatesWithoutWriting() throws {
        let cli = try prepared()
        let before = try snapshot(cli)
        let path = try cli.write("ok.csv", Self.header + Self.good1 + Self.good2)
        let result = try cli.ok(["org", "import", path, "--dry-run"])
        #expect(result.stderr.contains("新增 2"))
        #expect(result.stderr.contains("试运行"))
        #expect(try snapshot(cli) == before)
    }

    @Test func englishErrors() throws {
        let cli = try prepared()
        let path = try cli.write(
            "uscc.csv", Self.header + "宁波银行,91330200711192037N,330203,J6621,5000,100000,1997-04-10,0574-1\n")
        let result = try cli.run(["org", "import", path, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("check character"), "\(result.stderr)")
    }
}
