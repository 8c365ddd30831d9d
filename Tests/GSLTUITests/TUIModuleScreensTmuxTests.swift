import Foundation
import GSLCore
import GSLTestSupport
import Testing

/// The Events, Matching and Pairing screens driven through tmux at 80×24: their content, the right
/// border in the last column on every row holding Chinese, and writes made in the app (a check-in,
/// a proposal moved to a deal) that land in the store and in `gsl audit log` with the actor.
@Suite(.enabled(if: Tmux.available, "tmux is not installed: the tmux-driven TUI tests are skipped"))
struct TUIModuleScreensTmuxTests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// The audit entries recorded by `tester` (the actor `startTUI` runs the app as).
    func audit(_ cli: CLIRunner) throws -> [String] {
        let entries =
            try json(try cli.ok(["audit", "log", "--by", "tester", "--format", "json"]).stdout)
            as! [[String: Any]]
        return entries.compactMap { $0["command"] as? String }
    }

    func quit(_ tmux: Tmux) throws {
        try tmux.keys("q")
        try tmux.wait(for: "the app to quit") { _ in (try? tmux.exited()) == true }
    }

    @Test func eventsByDateRegistrationsAndCheckIn() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["org", "add", "--name", "宁波市工商联", "--kind", "federation"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M"])
        for name in ["李娜", "王芳", "张伟"] {
            try cli.ok(["person", "add", "--name", name, "--org", "宁波甬联科技有限公司"])
        }
        // Dated from the real today: the screen lists what is still to come.
        let today = LocalDate.today()
        let soon = today.adding(days: 2).iso, later = today.adding(days: 9).iso,
            past = today.adding(days: -30).iso
        for (title, type, day) in [
            ("甬商大讲堂第12期：数字化转型与民营企业出海", "讲堂", soon), ("亲清思享会·青年企业家专场", "思享会", later),
            ("民营企业座谈会", "座谈会", past),
        ] {
            try cli.ok([
                "event", "create", "--title", title, "--type", type, "--organiser", "宁波市工商联", "--start",
                "\(day) 14:00", "--end", "\(day) 16:30", "--venue", "市工商联报告厅", "--capacity", "100",
            ])
        }
        for person in ["李娜", "王芳"] {
            try cli.ok(["event", "register", "1", "--person", person, "--date", today.iso])
        }
        let tmux = try startTUI(cli)
        defer { tmux.stop() }
        // The dashboard lists the upcoming events.
        var screen = try tmux.wait(for: "甬商大讲堂第12期")
        try tmux.keys("4")
        screen = try tmux.wait(for: "活动 · 近期 · 2")
        #expect(screen.contains { $0.contains("亲清思享会") } && !screen.contains { $0.contains("民营企业座谈会") })
        #expect(
            screen.contains { $0.contains("李娜") && $0.contains("已报名") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("已报名 2") })
        expectAligned(screen, width: 80)
        // Check in the first registration (李娜) for the event's session.
        try tmux.keys("Tab", "Tab", "c")
        screen = try tmux.wait(for: "李娜 已签到")
        #expect(
            screen.contains { $0.contains("李娜") && $0.contains("已出席") }, "\(screen.joined(separator: "\n"))")
        // Again: reported, not counted twice.
        try tmux.keys("c")
        try tmux.wait(for: "李娜 已签到过场次")
        // A walk-in by name.
        try tmux.keys("n")
        try tmux.wait(for: "签到人（姓名或人员编号）")
        try tmux.type("张伟")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "张伟 已签到")
        #expect(screen.contains { $0.contains("现场报名") })
        expectAligned(screen, width: 80)
        // By type, then the past.
        try tmux.keys("f")
        try tmux.wait(for: "按类型筛选")
        try tmux.keys("3")
        // The pane can be captured while the redraw is still arriving: wait for the whole of it.
        screen = try tmux.wait(for: "the 思享会 only") {
            $0.contains { $0.contains("活动 · 近期 · 思享会 · 1") } && $0.contains { $0.contains("亲清思享会") }
                && !$0.contains { $0.contains("数字化转型") }
        }
        try tmux.keys("Escape", "Escape")
        try tmux.wait(for: "活动 · 近期 · 2")
        try tmux.keys("p")
        screen = try tmux.wait(for: "活动 · 以往 · 1")
        #expect(screen.contains { $0.contains("民营企业座谈会") })
        try tmux.keys("?")
        screen = try tmux.wait(for: "按键 · 活动")
        #expect(screen.contains { $0.contains("按姓名或人员编号签到") })
        try tmux.keys("Escape")
        try quit(tmux)

        let shown = try json(try cli.ok(["event", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["person_times"] as? Int == 2 && shown["unique_people"] as? Int == 2, "\(shown)")
        let commands = try audit(cli)
        // One entry per row written, each with the command: two check-ins.
        #expect(
            Set(commands.filter { $0.hasPrefix("tui event checkin 1 --session 1 --person ") }).count == 2,
            "\(commands)")
        #expect(commands.contains("tui event checkin 1 --session 1 --person 张伟"), "\(commands)")
    }

    @Test func recommendationsAndAProposalMovedToADeal() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        for (name, uscc, region, industry) in [
            ("宁波甬恒模具有限公司", "91330200711190501X", "海曙区", "3525"),
            ("宁波三江注塑有限公司", "913302007111905021", "海曙区", "3523"),
            ("宁波东海物流有限公司", "913302007111905034", "北仑区", "5432"),
        ] {
            try cli.ok([
                "org", "add", "--name", name, "--uscc", uscc, "--region", region, "--industry", industry,
            ])
        }
        try cli.ok([
            "match", "post", "--ref", "D1", "--side", "demand", "--kind", "project", "--org", "宁波甬恒模具有限公司",
            "--title", "寻求注塑模具配套合作", "--text", "汽车注塑件模具开发", "--amount", "500万",
        ])
        try cli.ok([
            "match", "post", "--ref", "S1", "--side", "supply", "--kind", "project", "--org", "宁波三江注塑有限公司",
            "--title", "注塑加工与模具配套", "--amount-min", "100万", "--amount-max", "3000万",
        ])
        try cli.ok([
            "match", "post", "--ref", "S2", "--side", "supply", "--kind", "project", "--org", "宁波东海物流有限公司",
            "--title", "冷链仓储服务",
        ])
        let top =
            try json(try cli.ok(["match", "recommend", "D1", "--top", "10", "--format", "json"]).stdout)
            as! [[String: Any]]
        let best = String(format: "%.3f", top[0]["score"] as! Double)
        let tmux = try startTUI(cli)
        defer { tmux.stop() }
        try tmux.wait(for: "诉求（按状态）")
        try tmux.keys("5")
        var screen = try tmux.wait(for: "需求 · 全部类别 · 1")
        #expect(
            screen.contains { $0.contains("宁波甬恒模") && $0.contains("寻求注塑") },
            "\(screen.joined(separator: "\n"))")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "推荐 · 需求 #1")
        // The scores are the service's, best first.
        #expect(
            screen.contains { $0.contains("   1 ") && $0.contains(best) && $0.contains("宁波三江注塑") },
            "\(best)\n\(screen.joined(separator: "\n"))")
        expectAligned(screen, width: 80)
        try tmux.keys("p")
        try tmux.wait(for: "备注（可空）")
        try tmux.type("融通对接会")
        try tmux.keys("Enter")
        try tmux.wait(for: "推荐单 #1 已提出")
        for (step, state) in [("对接", "已对接"), ("洽谈", "洽谈中")] {
            try tmux.keys("t")
            screen = try tmux.wait(for: "推进推荐单 #1")
            #expect(screen.contains { $0.contains(step) })
            try tmux.keys("1")
            try tmux.wait(for: "备注（可空）")
            try tmux.keys("Enter")
            try tmux.wait(for: "现为“\(state)”")
        }
        try tmux.keys("t")
        try tmux.wait(for: "推进推荐单 #1")
        try tmux.keys("1")
        try tmux.wait(for: "成交金额")
        try tmux.type("1.2亿")
        try tmux.keys("Enter")
        try tmux.wait(for: "备注（可空）")
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "现为“成交”")
        #expect(
            screen.contains { $0.contains("成交") && $0.contains("1.2亿元") }, "\(screen.joined(separator: "\n"))"
        )
        expectAligned(screen, width: 80)
        // A final proposal goes no further.
        try tmux.keys("t")
        try tmux.wait(for: "不能再推进")
        try quit(tmux)

        let proposal =
            try json(try cli.ok(["match", "proposal", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(proposal["state"] as? String == "deal", "\(proposal)")
        #expect("\(proposal)".contains("12000000000"), "\(proposal)")
        let commands = try audit(cli)
        for command in [
            "tui match propose 1 2 --note 融通对接会", "tui match introduce 1", "tui match deal 1 --amount 1.2亿",
        ] {
            #expect(commands.contains(command), "\(command): \(commands)")
        }
    }

    @Test func coverageByCountyAndTownAndAVillagesPartners() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["ref", "load"])
        try cli.ok([
            "org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M", "--region", "330226102",
            "--industry", "C3011",
        ])
        let villages = try cli.write(
            "村档案.csv", "村代码,村集体经济收入,薄弱村,人口\n330226102208,12万,是,1200\n330226102215,80万元,否,2300\n")
        try cli.ok(["pair", "village", "import", villages])
        let today = LocalDate.today()
        try cli.ok([
            "pair", "add", "--org", "宁波甬联科技有限公司", "--village", "330226102208", "--campaign", "商会联村",
            "--date", today.iso,
        ])
        try cli.ok([
            "pair", "workshop", "add", "--village", "330226102208", "--org", "宁波甬联科技有限公司", "--name",
            "甬联共富工坊（来料加工）", "--kind", "来料加工", "--opened", today.iso, "--jobs", "40", "--wages", "36万",
        ])
        let tmux = try startTUI(cli)
        defer { tmux.stop() }
        try tmux.wait(for: "诉求（按状态）")
        try tmux.keys("6")
        var screen = try tmux.wait(for: "结对覆盖 \(today.year) · 按区县")
        let county = screen.first { $0.contains("宁海县") }
        #expect(
            county?.contains("1/1") == true && county?.contains("40") == true,
            "\(screen.joined(separator: "\n"))")
        expectAligned(screen, width: 80, atLeast: 2)
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "宁海县 · 按乡镇")
        #expect(screen.contains { $0.contains("力洋镇") })
        try tmux.keys("Enter")
        screen = try tmux.wait(for: "力洋镇 · 村")
        // Villagers' committees only (the town's communities are not listed), the weak one marked.
        #expect(!screen.contains { $0.contains("居民委员会") || $0.contains("明港社区") })
        #expect(
            screen.contains { $0.contains("力洋孔村委会") && $0.contains(" 是 ") },
            "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("力洋孔村委会 · 结对企业 1") })
        #expect(screen.contains { $0.contains("宁波甬联科技有限公司") })
        #expect(screen.contains { $0.contains("甬联共富工坊") })
        expectAligned(screen, width: 80)
        #expect(screen.last?.contains("结对 › \(today.year) › 宁海县 › 力洋镇") == true, "\(screen.last ?? "")")
        // The next village: no partner, no workshop.
        try tmux.keys("j")
        screen = try tmux.wait(for: "海头村委会 · 结对企业 0")
        try tmux.keys("Escape")
        try tmux.wait(for: "宁海县 · 按乡镇")
        try tmux.keys("Escape")
        try tmux.wait(for: "按区县")
        try tmux.keys("?")
        screen = try tmux.wait(for: "按键 · 结对")
        #expect(screen.contains { $0.contains("区县 → 乡镇 → 村") })
        try tmux.keys("Escape")
        try quit(tmux)
    }
}
