import Foundation
import GSLTestSupport
import Testing

/// The bad-input corpus (`Tests/Fixtures/bad/`, listed in `MANIFEST.tsv`): every file is refused
/// with its exit code and cause, a one-line message in both languages, and a store left exactly as
/// it was.
@Suite struct BadInputCorpusCLITests {
    /// One line of the manifest.
    struct Entry: Sendable, CustomStringConvertible {
        /// The file name inside the corpus folder.
        let file: String
        /// The `gsl` arguments, `{file}` standing for the file's path.
        let arguments: [String]
        /// The expected exit status.
        let status: Int32
        /// The expected cause identifier.
        let cause: String
        /// What is wrong with the file.
        let summary: String

        /// The file and what is wrong with it, for failure messages.
        var description: String { "\(file) (\(summary))" }
    }

    /// Files whose refusal is about the store, not a place in the file.
    static let faultOutsideTheFile: Set<String> = ["spec-period.yaml", "data-unknown-framework.csv"]

    /// The corpus folder.
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/bad")

    /// The manifest's entries, in file order.
    static func manifest() throws -> [Entry] {
        let text = try String(contentsOf: folder.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().map { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 5, let status = Int32(parts[2]) else {
                throw CorpusError(line: String(line))
            }
            return Entry(
                file: parts[0], arguments: parts[1].split(separator: " ").map(String.init), status: status,
                cause: parts[3], summary: parts[4])
        }
    }

    /// A malformed manifest line.
    struct CorpusError: Error, CustomStringConvertible {
        /// The line.
        let line: String
        /// The line, quoted.
        var description: String { "malformed manifest line: \(line)" }
    }

    /// A store with something for every importer to collide with: divisions, two enterprises, a
    /// person, a campaign with a visit, a request, the qinqing@v2 framework and its data, an event,
    /// a posting and pairing profiles.
    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        let organisations = try cli.write(
            "seed-orgs.csv",
            "名称,统一社会信用代码,所在地区,行业代码,从业人员,营业收入(万元),成立日期,电话\n"
                + "东方日升新能源股份有限公司,913302001449739014,330226,C3825,3000,50000,2002-12-06,0574-65173999\n"
                + "宁波甬联科技有限公司,91330200711192037M,330203,C3011,120,3500,2015-03-02,0574-87001234\n")
        try cli.ok(["org", "import", organisations])
        try cli.ok([
            "person", "import",
            try cli.write("seed-people.csv", "姓名,性别,身份证号,手机,职务\n张三,男,11010519491231002X,13805741234,董事长\n"),
        ])
        try cli.ok(["visit", "campaign", "问千家进百企2025", "--from", "2025-01-01", "--to", "2025-12-31"])
        try cli.ok(["visit", "targets", "问千家进百企2025", "--org", "宁波甬联科技有限公司"])
        try cli.ok([
            "visit", "import",
            try cli.write("seed-visits.csv", "企业,日期,走访人,活动,情况\n宁波甬联科技有限公司,2025-03-06,王芳,问千家进百企2025,初访\n"),
        ])
        try cli.ok([
            "case", "import",
            try cli.write(
                "seed-cases.csv", "企业,类别,标题,来源,优先级,受理日期\n宁波甬联科技有限公司,融资信贷,续贷困难,visit,high,2025-03-06\n"),
        ])
        let framework = Fixtures.datasets.appendingPathComponent("frameworks/qinqing-v2.yaml").path
        try cli.ok(["index", "framework", "import", framework])
        try cli.ok(["index", "data", "generate", "--framework", "qinqing@v2", "--dataset", "ningbo"])
        // The new modules: event 1 with one session, 李娜 of 宁波甬联科技有限公司 (张三 belongs to
        // no firm), posting D1, one village's and one firm's pairing profile.
        try cli.ok([
            "event", "create", "--title", "甬商大讲堂第1期", "--type", "讲堂", "--start", "2025-03-07 14:00", "--end",
            "2025-03-07 16:30",
        ])
        try cli.ok(["person", "add", "--name", "李娜", "--org", "宁波甬联科技有限公司"])
        try cli.ok([
            "match", "post", "--ref", "D1", "--side", "demand", "--kind", "credit", "--org", "宁波甬联科技有限公司",
            "--title", "流动资金贷款", "--amount", "500万", "--date", "2025-03-01",
        ])
        try cli.ok([
            "pair", "village", "import",
            try cli.write("seed-villages.csv", "村代码,村集体经济收入,薄弱村,人口\n330226102208,12万,是,1200\n"),
        ])
        try cli.ok([
            "pair", "firm", "import",
            try cli.write("seed-firms.csv", "统一社会信用代码,结对能力,预算\n91330200711192037M,2,100万\n"),
        ])
        return cli
    }

    /// The store's content as the sqlite3 shell dumps it, read-only: the schema and every row of
    /// every table (audit log and its head, FTS shadow tables, migrations) in rowid order. This is
    /// what "unchanged" means: a refused command may touch nothing a reader could see, while the
    /// file's bytes may legitimately differ (a checkpoint rewriting a page with the same content,
    /// free pages) without any row changing. Each `gsl` run closes the store, so no -wal file is
    /// pending when the shell reads it.
    func content(_ cli: CLIRunner) throws -> String {
        try SQLiteShell.run(cli.database, [".dump"])
    }

    /// The first line where two dumps differ, for a readable failure.
    func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n"), right = b.split(separator: "\n")
        for (x, y) in zip(left, right) where x != y {
            return "before: \(x.prefix(200))\nafter:  \(y.prefix(200))"
        }
        return "lines: \(left.count) before, \(right.count) after"
    }

    /// The manifest has at least 60 entries, lists every file of the folder once, and each entry is well-formed.
    @Test func manifestListsEveryFileAndHasAtLeastSixty() throws {
        let entries = try Self.manifest()
        #expect(entries.count >= 60, "\(entries.count) entries")
        let listed = Set(entries.map(\.file))
        #expect(listed.count == entries.count, "a file is listed twice")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0 != "MANIFEST.tsv" && $0 != "generate.py" }
        #expect(
            Set(files) == listed,
            "not listed: \(Set(files).subtracting(listed)); missing: \(listed.subtracting(files))")
        for entry in entries {
            #expect(entry.arguments.contains("{file}"), "\(entry.file): no {file} in the arguments")
            #expect([64, 65, 66, 75].contains(entry.status), "\(entry.file): exit \(entry.status)")
            #expect(entry.cause.contains("."), "\(entry.file): cause '\(entry.cause)'")
        }
    }

    /// Every file is refused with its exit code and cause, one-line messages naming the file, and no change to the store.
    @Test func everyBadFileIsRefusedWithItsCauseAndTheStoreUnchanged() throws {
        let cli = try prepared()
        let before = try content(cli)
        #expect(before.contains("INSERT INTO audit_log"), "the prepared store has an audit log")
        for entry in try Self.manifest() {
            let path = Self.folder.appendingPathComponent(entry.file).path
            let arguments = entry.arguments.map { $0 == "{file}" ? path : $0 }
            // Solvers read an instance and touch no store: they take no --db.
            let report = try cli.fail(arguments, useDatabase: arguments.first != "solve")
            #expect(report.status == entry.status, "\(entry): \(report)")
            #expect(report.cause == entry.cause, "\(entry): \(report)")
            // The fault is in the file, so the error names it (in its location, with a line and column
            // where there is one, or in the text for a whole-file fault such as a missing column),
            // except where the fault is the file against the store: a period the data lack, a
            // framework reference that is not stored.
            if !Self.faultOutsideTheFile.contains(entry.file) {
                let named = report.file?.hasSuffix(entry.file) == true || report.en.contains(entry.file)
                #expect(named, "\(entry): no file in \(report)")
            }
            for message in [report.zh, report.en] {
                #expect(!message.isEmpty && !message.contains("\n"), "\(entry): message '\(message)'")
            }
            let after = try content(cli)
            #expect(after == before, "\(entry) changed the store:\n\(firstDifference(before, after))")
        }
    }
}
