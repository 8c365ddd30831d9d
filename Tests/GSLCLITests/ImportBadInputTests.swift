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
        /// The cause the error reports.
        let cause: String
        /// Where in the file, when the error is at a line (and column).
        var line: Int? = nil
        var column: Int? = nil
        /// Input values the message quotes.
        var quoted: [String] = []
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
            code: 65, cause: "import.invalid-utf8", line: 1, column: 1),
        Case(
            name: "ragged row", file: "ragged.csv",
            bytes: text(header + good1 + "宁波某公司,91330200704800698F,330203\n"), extra: [],
            code: 65, cause: "import.ragged-row", line: 3),
        Case(
            name: "wrong USCC check character", file: "uscc.csv",
            bytes: text(
                header + "宁波银行股份有限公司,91330200711192037N,330203,J6621,5000,100000,1997-04-10,0574-1\n"),
            extra: [],
            code: 65, cause: "core.invalid-uscc", line: 2, column: 2, quoted: ["91330200711192037N"]),
        Case(
            name: "duplicate USCC inside the file", file: "dup.csv", bytes: text(header + good1 + good1),
            extra: [],
            code: 65, cause: "import.duplicate-row", line: 3, column: 2, quoted: ["91330200711192037M"]),
        Case(
            name: "USCC already in the store", file: "exists.csv",
            bytes: text(
                header + "东方日升,913302001449739014,330226,C3825,3000,50000,2002-12-06,0574-65173999\n"),
            extra: [],
            code: 75, cause: "import.key-exists", line: 2, quoted: ["913302001449739014"]),
        Case(
            name: "invalid Chinese date", file: "date.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,3500,2023年2月30日,0574-87001234\n"),
            extra: [],
            code: 65, cause: "core.invalid-date", line: 2, column: 7, quoted: ["2023年2月30日"]),
        Case(
            name: "unknown division code", file: "region.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330299,C3011,120,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, cause: "store.division-code-not-loaded", line: 2, column: 3, quoted: ["330299"]),
        Case(
            name: "malformed division code", file: "region2.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,33020X,C3011,120,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, cause: "store.reference-not-found", line: 2, column: 3, quoted: ["33020X"]),
        Case(
            name: "unknown industry code", file: "industry.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330203,C9999,120,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, cause: "core.unknown-industry", line: 2, column: 4, quoted: ["C9999"]),
        Case(
            name: "text in a number", file: "employees.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,一百二十,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, cause: "import.text-in-number", line: 2, column: 5, quoted: ["一百二十"]),
        Case(
            name: "text in an amount", file: "money.csv",
            bytes: text(
                header + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,三千五,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, cause: "core.invalid-amount", line: 2, column: 6, quoted: ["三千五"]),
        Case(
            name: "merged-cell leftover: empty name", file: "empty.csv",
            bytes: text(
                header + good1 + ",91330200704800698F,330203,C3525,45,800,2018-06-01,0574-87005678\n"),
            extra: [],
            code: 65, cause: "core.value-required", line: 3, column: 1),
        Case(
            name: "missing required column", file: "nocol.csv",
            bytes: text("统一社会信用代码,所在地区\n91330200711192037M,330203\n"), extra: [],
            code: 65, cause: "import.column-missing", quoted: ["nocol.csv", "name"]),
        Case(
            name: "unterminated quote", file: "quote.csv",
            bytes: text(
                header + "\"宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,3500,2015-03-02,0574-87001234\n"),
            extra: [],
            code: 65, cause: "import.unterminated-quote", line: 2, column: 1),
        Case(
            name: "malformed JSON", file: "bad.json",
            bytes: text("[{\"name\": \"宁波甬联科技有限公司\", \"uscc\": \"91330200711192037M\"},"), extra: [],
            code: 65, cause: "import.malformed-json", line: 1, column: 55),
        Case(
            name: "bad NDJSON line", file: "bad.ndjson",
            bytes: text("{\"name\": \"宁波甬联科技有限公司\", \"uscc\": \"91330200711192037M\"}\n{name: 1}\n"),
            extra: [],
            code: 65, cause: "import.malformed-json", line: 2, column: 2),
        Case(
            name: "unknown organisation kind", file: "kind.csv",
            bytes: text("名称,类型\n宁波某协会,协会\n"), extra: [], code: 65, cause: "store.unknown-value", line: 2,
            column: 2, quoted: ["协会"]),
        Case(
            name: "malformed phone", file: "phone.csv",
            bytes: text(header + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,3500,2015-03-02,打电话给我\n"),
            extra: [],
            code: 65, cause: "core.invalid-phone", line: 2, column: 8, quoted: ["打电话给我"]),
        Case(
            name: "empty file", file: "empty2.csv", bytes: [], extra: [], code: 65, cause: "import.empty-file"
        ),
        Case(
            name: "unknown size class", file: "size.csv",
            bytes: text("名称,统一社会信用代码,规模\n宁波甬联科技有限公司,91330200711192037M,特大\n"), extra: [],
            code: 65, cause: "store.unknown-value", line: 2, column: 3, quoted: ["特大"]),
        Case(
            name: "unknown chamber for membership", file: "chamber.csv",
            bytes: text("名称,统一社会信用代码,所属商会\n宁波甬联科技有限公司,91330200711192037M,不存在的商会\n"), extra: [],
            code: 65, cause: "store.reference-not-found", line: 2, column: 3, quoted: ["不存在的商会"]),
    ]

    @Test(arguments: cases)
    func refusedWithNothingWritten(_ c: Case) throws {
        let cli = try prepared()
        let before = try snapshot(cli)
        let path = try cli.write(c.file, bytes: c.bytes)
        let result = try cli.fail(["org", "import", path] + c.extra)
        #expect(result.status == c.code && result.cause == c.cause, "\(c.name): \(result)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(c.name): one line on stderr, got: \(result.stderr)")
        // The file is named: as the location, or in the message when the whole file is at fault.
        #expect(
            result.file == path || (result.file == nil && result.en.contains(c.file)), "\(c.name): \(result)")
        #expect(result.line == c.line && result.column == c.column, "\(c.name): \(result)")
        for value in c.quoted {
            #expect(
                result.en.contains(value) && result.zh.contains(value),
                "\(c.name): '\(value)' not in: \(result)")
        }
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
        let arguments = ["org", "import", path, "--lang", "en"]
        let report = try cli.fail(arguments)
        #expect(report.status == 65 && report.cause == "core.invalid-uscc" && !report.en.isEmpty, "\(report)")
        // The line ends with the English message.
        let result = try cli.run(arguments)
        #expect(result.status == 65 && result.stderr.hasSuffix(report.en + "\n"), "\(result.stderr)")
    }
}
