import Foundation
import GSLCore
import GSLTestSupport
import Testing

/// The full-screen app driven through tmux on a demo store: content, alignment by display width
/// (the right border in the same column on every row holding Chinese), resize, the command line,
/// search, a C locale and NO_COLOR, and a transition made in the app that lands in the store and
/// the audit log with the actor.
@Suite(.enabled(if: Tmux.available, "tmux is not installed: the tmux-driven TUI tests are skipped"))
struct TUITmuxTests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// A store with enterprises and requests whose Chinese titles and names are longer than their columns.
    func demo() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "海曙区"])
        try cli.ok([
            "org", "add", "--name", "浙江四明山茶业股份有限公司", "--uscc", "91330200704800698F", "--region", "余姚市",
        ])
        let requests = [
            ("1", "融资信贷", "企业融资难，续贷困难，请求协调银行给予续贷支持", "2023-09-27"),
            ("2", "用工人才", "招工难，技术工人短缺", "2023-10-08"),
            ("1", "其他", "门前道路破损 road repair needed", "2023-10-09"),
        ]
        for (org, category, title, date) in requests {
            try cli.ok([
                "case", "open", "--org", org, "--category", category, "--title", title, "--date", date,
            ])
        }
        try cli.ok(["case", "assign", "2", "--lead", "市人力社保局", "--date", "2023-10-09"])
        return cli
    }

    func start(_ cli: CLIRunner, columns: Int = 80, rows: Int = 24, environment: [String: String] = [:])
        throws
        -> Tmux
    {
        var env = ["GSL_ACTOR": "王芳", "GSL_LANG": "zh", "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for (k, v) in environment { env[k] = v }
        return try Tmux(
            [CLIRunner.executable.path, "tui", "--db", cli.database], environment: env, columns: columns,
            rows: rows)
    }

    @Test func dashboardCasesAlignmentAndResize() throws {
        let cli = try demo()
        let tmux = try start(cli)
        defer { tmux.stop() }
        var screen = try tmux.wait(for: "诉求（按状态）")
        #expect(
            screen.contains { $0.contains("全部") && $0.contains("3") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("没有已排期的近期活动") })
        // The status line says where we are and the main keys.
        #expect(
            screen.last?.contains("gsl › 概览") == true && screen.last?.contains("q退出") == true,
            "\(screen.last ?? "")")
        expectAligned(screen, width: 80)

        try tmux.keys("2")
        screen = try tmux.wait(for: "队列 · 全部 · 3")
        // Newest first; the long title is cut with an ellipsis, never through a character.
        #expect(screen.contains { $0.contains("门前道路破损") })
        #expect(
            screen.contains { $0.contains("企业融资难") && $0.contains("…") }, "\(screen.joined(separator: "\n"))")
        expectAligned(screen, width: 80)
        // The detail pane of the selected request (the newest, #3) shows its timeline.
        #expect(screen.contains { $0.contains("诉求 #3") })
        try tmux.keys("j", "j")
        screen = try tmux.wait(for: "诉求 #1")
        #expect(screen.contains { $0.contains("受理") })
        #expect(screen.last?.contains("诉求 › 全部 › #1") == true, "\(screen.last ?? "")")

        try tmux.resize(columns: 100, rows: 30)
        screen = try tmux.wait(for: "100 columns") {
            $0.count >= 30 && $0[1...].contains { $0.hasSuffix("│") && DisplayWidth.of($0) == 100 }
        }
        expectAligned(screen, width: 100)
        try tmux.resize(columns: 80, rows: 24)
        screen = try tmux.wait(for: "80 columns again") {
            $0[1...].contains { $0.hasSuffix("│") && DisplayWidth.of($0) == 80 }
                && !$0.contains { DisplayWidth.of($0) > 80 }
        }
        expectAligned(screen, width: 80)

        try tmux.keys("?")
        screen = try tmux.wait(for: "按键 · 诉求")
        #expect(screen.contains { $0.contains("回访（联系、解决、满意度）") })
        try tmux.keys("Escape", "q")
        try tmux.wait(for: "the app to quit") { _ in (try? tmux.exited()) == true }
    }

    @Test func transitionInTheAppIsStoredAndAudited() throws {
        let cli = try demo()
        let tmux = try start(cli)
        defer { tmux.stop() }
        try tmux.wait(for: "诉求（按状态）")
        try tmux.keys("2")
        try tmux.wait(for: "诉求 #3")
        // Actions dated another day than today: the status line says so.
        try tmux.keys("D")
        try tmux.wait(for: "办理日期（")
        try tmux.type("2024年1月15日")
        try tmux.keys("Enter")
        try tmux.wait(for: "办理日期 2024-01-15")
        // #3 is received: assign it to a lead department, with a note.
        try tmux.keys("a")
        try tmux.wait(for: "主办部门：")
        try tmux.type("市交通局")
        try tmux.keys("Enter")
        try tmux.wait(for: "协办部门")
        try tmux.type("海曙区政府")
        try tmux.keys("Enter")
        try tmux.wait(for: "备注（可空）")
        try tmux.type("已电话联系企业")
        try tmux.keys("Enter")
        var screen = try tmux.wait(for: "#3 已交办")
        #expect(screen.contains { $0.contains("市交通局") })
        // An action the state does not allow is refused with what is allowed.
        try tmux.keys("c")
        screen = try tmux.wait(for: "不能回访")
        // The action menu lists what the state allows; start it.
        try tmux.keys("t")
        screen = try tmux.wait(for: "办理 #3")
        #expect(screen.contains { $0.contains("开始办理") })
        try tmux.keys("1")
        try tmux.wait(for: "备注（可空）")
        try tmux.keys("Enter")
        try tmux.wait(for: "#3 已开始办理")
        // A note without a transition: the state stays.
        try tmux.keys("n")
        try tmux.wait(for: "备注 #3：")
        try tmux.type("企业来电补充材料")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "#3 已加备注，状态仍为“办理中”")
        // The timeline line (wrapped in the detail pane): date, actor, the note.
        #expect(screen.contains { $0.contains("2024-01-15 王芳 备注：企业") }, "\(screen.joined(separator: "\n"))")
        try tmux.keys("q")
        try tmux.wait(for: "the app to quit") { _ in (try? tmux.exited()) == true }

        let shown = try json(try cli.ok(["case", "show", "3", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["state"] as? String == "in_progress")
        #expect(shown["lead_department"] as? String == "市交通局" || "\(shown)".contains("市交通局"), "\(shown)")
        let timeline = shown["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.count == 4, "\(timeline)")
        // Dated the day set with D, not today.
        #expect(timeline.dropFirst().allSatisfy { $0["date"] as? String == "2024-01-15" }, "\(timeline)")
        #expect(
            timeline.last?["action"] as? String == "note" && timeline.last?["to"] as? String == "in_progress")
        #expect("\(timeline)".contains("已电话联系企业") && "\(timeline)".contains("王芳"), "\(timeline)")
        let audit = try cli.ok(["audit", "log", "--by", "王芳", "--format", "json"]).stdout
        let entries = try json(audit) as! [[String: Any]]
        #expect(
            entries.contains { ($0["command"] as? String)?.hasPrefix("tui case assign 3") == true },
            "\(audit)")
        #expect(
            entries.contains { ($0["command"] as? String)?.hasPrefix("tui case start 3") == true }, "\(audit)"
        )
        #expect(
            entries.contains { ($0["command"] as? String) == "tui case note 3 企业来电补充材料 --date 2024-01-15" },
            "\(audit)")
    }

    @Test func commandLineSearchCLocaleAndNoColour() throws {
        let cli = try demo()
        // A C locale still draws Chinese (the app switches LC_CTYPE to C.UTF-8); NO_COLOR gives monochrome.
        let tmux = try start(cli, environment: ["LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"])
        defer { tmux.stop() }
        var screen = try tmux.wait(for: "诉求（按状态）")
        expectAligned(screen, width: 80)
        try tmux.keys(":")
        try tmux.wait(for: "命令 gsl")
        try tmux.type("case list --format table")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "gsl case list --format table · 成功")
        #expect(screen.contains { $0.contains("招工难") }, "\(screen.joined(separator: "\n"))")
        try tmux.keys("Escape", "/")
        try tmux.wait(for: "新搜索") { $0.last?.contains("Enter 搜索") == true }
        try tmux.type("四明山")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "浙江四明山茶业股份有限公司")
        // The enterprise is the last hit (divisions named 四明山 come first).
        try tmux.keys("G", "Enter")
        screen = try tmux.wait(for: "诉求 #2")
        #expect(screen.contains { $0.contains("招工难") })
        try tmux.keys("q")
        try tmux.wait(for: "the app to quit") { _ in (try? tmux.exited()) == true }
    }
}

/// The index screen on a computed run with an uncertainty analysis: the tree, the ranking with
/// whiskers, a unit's contributions.
@Suite(.enabled(if: Tmux.available, "tmux is not installed: the tmux-driven TUI tests are skipped"))
struct TUIIndexTmuxTests {
    @Test func treeRankingWhiskersAndContributions() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        let frameworks = Fixtures.datasets.appendingPathComponent("frameworks").path
        try cli.ok(["index", "framework", "import", "\(frameworks)/qinqing-v2.yaml"])
        try cli.ok(["index", "data", "generate", "--framework", "qinqing@v2", "--dataset", "ningbo"])
        try cli.ok([
            "index", "compute", "--framework", "qinqing@v2", "--dataset", "ningbo", "--period", "2023",
            "--normalise", "efficacy",
        ])
        try cli.ok(["index", "uncertainty", "1", "--runs", "100", "--seed", "3"])
        let ranking = try cli.ok(["index", "show", "1", "--format", "csv"]).stdout.split(separator: "\n")
        // The first unit of the stored ranking (rank 1), by name.
        let first = ranking[1].split(separator: ",")[2]
        let tmux = try startTUI(cli)
        defer { tmux.stop() }
        // The dashboard shows the latest run's top.
        var screen = try tmux.wait(for: "前列")
        #expect(screen.contains { $0.contains(first) })
        try tmux.keys("3")
        screen = try tmux.wait(for: "排名 · 亲清健康指数")
        #expect(
            screen.contains { $0.contains("├─亲近关系") || $0.contains("├─") },
            "\(screen.joined(separator: "\n"))")
        // Rank 1 first, with a score bar and a whisker (its median marked).
        let row = screen.first { $0.contains("   1 \(first)") }
        #expect(row?.contains("█") == true && row?.contains("●") == true, "\(screen.joined(separator: "\n"))")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "\(first) · 得分")
        #expect(screen.contains { $0.contains("优势：") })
        try tmux.keys("Escape")
        try tmux.wait(for: "排名 · 亲清健康指数")
        try tmux.keys("q")
        try tmux.wait(for: "the app to quit") { _ in (try? tmux.exited()) == true }
    }
}

/// The queue reads pages as it scrolls: 250 requests arrive as 200, then the rest near the end.
@Suite(.enabled(if: Tmux.available, "tmux is not installed: the tmux-driven TUI tests are skipped"))
struct TUIPagingTmuxTests {
    @Test func queueLoadsTheNextPageNearTheEnd() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "海曙区"])
        let rows = (1...250).map { "91330200711192037M,融资信贷,第\($0)号诉求：续贷困难,2024年3月\($0 % 28 + 1)日" }
        let file = try cli.write("诉求.csv", (["企业,类别,标题,受理日期"] + rows).joined(separator: "\n") + "\n")
        try cli.ok(["case", "import", file])
        let tmux = try startTUI(cli)
        defer { tmux.stop() }
        try tmux.wait(for: "诉求（按状态）")
        try tmux.keys("2")
        // The first page: 200 of more.
        try tmux.wait(for: "队列 · 全部 · 200+")
        try tmux.keys("G")
        try tmux.wait(for: "队列 · 全部 · 250 ")
        try tmux.keys("G")
        let screen = try tmux.wait(for: "诉求 #1 ")
        #expect(screen.contains { $0.contains("第1号诉求") })
        try tmux.keys("q")
        try tmux.wait(for: "the app to quit") { _ in (try? tmux.exited()) == true }
    }
}

/// `gsl tui` on the runner's store in an 80×24 pane, as `tester`, in Chinese.
func startTUI(_ cli: CLIRunner) throws -> Tmux {
    try Tmux(
        [CLIRunner.executable.path, "tui", "--db", cli.database],
        environment: ["GSL_ACTOR": "tester", "GSL_LANG": "zh", "LANG": "C.UTF-8", "TERM": "xterm-256color"])
}
