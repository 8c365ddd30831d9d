import Foundation
import GSLCore
import GSLMatching
import GSLMatchingStore
import GSLTerminal

/// 对接: open postings by kind (demands, or supplies), a demand's recommendations with their
/// scores (`MatchService.recommend`), its proposals and their follow-through (introduce,
/// negotiate, deal with its amount, fail with its reason) through `MatchService.act`, audited with
/// the actor as `gsl match …` is.
final class MatchingScreen: Screen {
    enum Pane { case postings, recommendations, proposals }

    var postingTable = TableView(columns: [])
    var recommendationTable = TableView(columns: [])
    var proposalTable = TableView(columns: [])
    var postings: [Posting] = []
    var recommended: RecommendView?
    var proposals: [MatchProposal] = []
    var focus = Pane.postings
    var kind: PostingKind?
    var side = PostingSide.demand
    /// Postings listed (newest first) and recommendations computed.
    static let limit = 300
    static let top = 10

    var title: String { "对接" }

    func location(_ app: App) -> String {
        var s = filterText(app)
        if let p = selected { s += " › #\(p.id)" }
        return s
    }

    func filterText(_ app: App) -> String {
        side.label.text(app.lang) + " · " + (kind?.label.text(app.lang) ?? app.t("全部类别", "all kinds"))
    }

    func statusKeys(_ app: App) -> String {
        app.t("Enter推荐 p提出 t推进 f类别 s供需", "Enter recommend p propose t step f kind s side")
    }

    func keyHelp(_ app: App) -> [(String, String)] {
        [
            ("↑↓ j k", app.t("选择需求、推荐或推荐单", "choose a posting, recommendation or proposal")),
            ("Tab", app.t("在需求、推荐、推荐单三个窗格间切换", "postings / recommendations / proposals pane")),
            (
                "Enter",
                app.t(
                    "需求：计算前 \(Self.top) 个推荐供给（含得分）",
                    "a demand: its top \(Self.top) supplies with their scores")
            ),
            ("p", app.t("把所选推荐提出为推荐单（对接记录）", "propose the chosen recommendation")),
            (
                "t",
                app.t(
                    "推进所选推荐单：对接、洽谈、成交（金额）、未成（原因）",
                    "move the chosen proposal: introduce, negotiate, deal (amount), fail (reason)")
            ),
            ("f", app.t("按类别筛选（产品、服务、项目、信贷、人才、培训）", "filter by kind")),
            ("s", app.t("切换需求 / 供给", "demands / supplies")),
            ("D", app.t("设置办理日期", "set the action date")),
            ("r", app.t("刷新", "reload")),
        ]
    }

    var selected: Posting? { postingTable.selection.flatMap { $0 < postings.count ? postings[$0] : nil } }

    var selectedProposal: MatchProposal? {
        proposalTable.selection.flatMap { $0 < proposals.count ? proposals[$0] : nil }
    }

    // MARK: Data

    func reload(_ app: App) throws {
        let keep = selected?.id
        postings = try app.matches.list(
            PostingFilter(side: side, kind: kind, state: .open, limit: Self.limit))
        postingTable.setRows(
            postings.map { p in [String(p.id), p.kind.label.text(app.lang), p.orgName, p.title] })
        if let keep, let i = postings.firstIndex(where: { $0.id == keep }) { postingTable.selected = i }
        postingTable.clamp()
        try loadDetail(app, force: true)
    }

    /// The proposals of the selected demand; recommendations are kept only for the same demand.
    func loadDetail(_ app: App, force: Bool = false) throws {
        guard let p = selected else {
            recommended = nil
            proposals = []
            recommendationTable.setRows([])
            proposalTable.setRows([])
            return
        }
        if recommended?.demand.id != p.id { recommended = nil }
        fillRecommendations(app)
        guard p.side == .demand else {
            proposals = []
            proposalTable.setRows([])
            return
        }
        let keep = selectedProposal?.id
        proposals = try app.matches.proposalList(
            kind: nil, state: nil, runID: nil, demandID: p.id, limit: Self.limit)
        proposalTable.setRows(
            proposals.map { m in
                [
                    String(m.id), m.state.label.text(app.lang), String(format: "%.3f", m.score), m.supplyOrg,
                    m.dealAmount?.formatted(lang: app.lang) ?? m.failReason ?? "",
                ]
            },
            styles: proposals.map { $0.state == .deal ? .good : $0.state == .failed ? .dim : .normal })
        if let keep, let i = proposals.firstIndex(where: { $0.id == keep }) { proposalTable.selected = i }
        proposalTable.clamp()
    }

    func fillRecommendations(_ app: App) {
        recommendationTable.setRows(
            (recommended?.items ?? []).enumerated().map { i, item in
                [
                    String(i + 1), String(format: "%.3f", item.explanation.score), item.supply.orgName,
                    item.supply.title,
                ]
            })
    }

    // MARK: Keys

    func handle(_ key: Key, _ app: App) throws -> Bool {
        switch key {
        case .tab, .backTab:
            focus = nextPane([.postings, .recommendations, .proposals], after: focus, key)
            return true
        case .enter:
            guard focus == .postings, let p = selected else { return true }
            guard p.side == .demand else {
                app.message = (
                    app.t("只有需求才有推荐（s 切换到需求）", "only a demand gets recommendations (s: demands)"), .warning
                )
                return true
            }
            recommended = try app.matches.recommend(demand: String(p.id), top: Self.top)
            recommendationTable.selected = 0
            fillRecommendations(app)
            focus = .recommendations
            app.message = (
                app.t(
                    "#\(p.id)：在 \(recommended?.considered ?? 0) 个有效供给中推荐 \(recommended?.items.count ?? 0) 个",
                    "#\(p.id): \(recommended?.items.count ?? 0) of \(recommended?.considered ?? 0) open supplies"
                ),
                .good
            )
            return true
        case .escape:
            if focus != .postings {
                focus = .postings
                return true
            }
            if kind != nil || side != .demand {
                kind = nil
                side = .demand
                postingTable.selected = 0
                try reload(app)
                return true
            }
            return false
        case .character("r"):
            try app.reload(self)
            return true
        case .character("s"):
            side = side == .demand ? .supply : .demand
            postingTable.selected = 0
            try reload(app)
            return true
        case .character("f"):
            app.chooseFilter(
                app.t("按类别筛选", "filter by kind"), PostingKind.allCases, label: { $0.label.text(app.lang) }
            ) {
                [self] kind in
                self.kind = kind
                postingTable.selected = 0
                try reload(app)
            }
            return true
        case .character("p"):
            try propose(app)
            return true
        case .character("t"):
            try chooseStep(app)
            return true
        default:
            break
        }
        switch focus {
        case .recommendations: return recommendationTable.handle(key)
        case .proposals: return proposalTable.handle(key)
        case .postings:
            guard postingTable.handle(key) else { return false }
            try loadDetail(app)
            return true
        }
    }

    // MARK: Actions

    func propose(_ app: App) throws {
        guard let view = recommended, let i = recommendationTable.selection, i < view.items.count else {
            app.message = (
                app.t("先按 Enter 计算推荐并选择一个", "compute recommendations (Enter) and choose one"), .warning
            )
            return
        }
        let demand = view.demand.id, supply = view.items[i].supply.id
        app.ask(app.t("备注（可空）：", "note (optional): ")) { [self] note in
            let n = note.trimmingCharacters(in: .whitespaces)
            let made = try app.matches.propose(
                demand: String(demand), supply: String(supply), date: app.actionDay,
                note: n.isEmpty ? nil : n,
                context: app.context(
                    "match propose \(demand) \(supply)" + (n.isEmpty ? "" : " --note \(n)") + app.dateFlag))
            app.invalidateAll()
            try loadDetail(app, force: true)
            if let row = proposals.firstIndex(where: { $0.id == made.proposal.id }) {
                proposalTable.selected = row
            }
            focus = .proposals
            app.message = (
                app.t(
                    "推荐单 #\(made.proposal.id) 已提出（操作人 \(app.options.actor)）",
                    "proposal #\(made.proposal.id) made (by \(app.options.actor))"), .good
            )
        }
    }

    func chooseStep(_ app: App) throws {
        guard let p = selectedProposal else {
            app.message = (app.t("先在推荐单窗格选择一项（Tab）", "choose a proposal first (Tab)"), .warning)
            return
        }
        let steps = MatchWorkflow.allowed(in: p.state)
        guard !steps.isEmpty else {
            app.message = (
                app.t(
                    "推荐单 #\(p.id) 已\(p.state.label.zh)，不能再推进",
                    "proposal #\(p.id) is \(p.state.label.en): final"),
                .warning
            )
            return
        }
        app.choose(app.t("推进推荐单 #\(p.id)", "move proposal #\(p.id)"), steps.map { $0.label.text(app.lang) }) {
            [self] i in try perform(steps[i], p, app)
        }
    }

    /// Asks what `step` needs (amount, hires, reason, note), then applies it through the service.
    func perform(_ step: MatchStep, _ p: MatchProposal, _ app: App) throws {
        func withNote(_ action: MatchAction, _ flags: String) {
            app.ask(app.t("备注（可空）：", "note (optional): ")) { [self] note in
                let n = note.trimmingCharacters(in: .whitespaces)
                let view = try app.matches.act(
                    action, proposal: p.id, on: app.actionDay, note: n.isEmpty ? nil : n,
                    expectedVersion: p.version,
                    context: app.context(
                        "match \(step.rawValue) \(p.id)\(flags)" + (n.isEmpty ? "" : " --note \(n)")
                            + app.dateFlag))
                app.invalidateAll()
                try loadDetail(app, force: true)
                app.message = (
                    app.t(
                        "推荐单 #\(p.id) 已\(step.label.zh)，现为“\(view.proposal.state.label.zh)”（操作人 \(app.options.actor)）",
                        "proposal #\(p.id): \(step.label.en), now \(view.proposal.state.label.en) (by \(app.options.actor))"
                    ), .good
                )
            }
        }
        switch step {
        case .introduce: withNote(.introduce, "")
        case .negotiate: withNote(.negotiate, "")
        case .fail:
            app.ask(app.t("未成原因：", "reason: ")) { reason in
                let r = reason.trimmingCharacters(in: .whitespaces)
                withNote(.fail(reason: r), " --reason \(r)")
            }
        case .deal:
            app.ask(app.t("成交金额（如 1.2亿、500万；可空）：", "deal amount (e.g. 1.2亿, 500万; optional): ")) { text in
                let t = text.trimmingCharacters(in: .whitespaces)
                let amount = t.isEmpty ? nil : try Money.parse(t)
                guard p.kind == .talent || p.kind == .training else {
                    withNote(
                        .deal(amount: amount, hires: nil, salaryBand: nil),
                        amount == nil ? "" : " --amount \(t)")
                    return
                }
                app.ask(app.t("录用人数（可空）：", "hires (optional): ")) { h in
                    let h = h.trimmingCharacters(in: .whitespaces)
                    let hires = h.isEmpty ? nil : Int(h)
                    if !h.isEmpty, hires == nil {
                        throw GSLError.usage("录用人数须为整数：\(h)", en: "hires must be a whole number: \(h)")
                            .because(.matchingStepInvalid)
                    }
                    withNote(
                        .deal(amount: amount, hires: hires, salaryBand: nil),
                        (amount == nil ? "" : " --amount \(t)") + (hires.map { " --hires \($0)" } ?? ""))
                }
            }
        case .propose: break
        }
    }

    // MARK: Drawing

    func draw(_ canvas: Canvas, _ app: App) {
        let full = Rect(row: 0, column: 0, height: canvas.height, width: canvas.width)
        let (left, right) = full.splitColumns(canvas.width * 9 / 20)
        let l = canvas.sub(left).box(
            title: filterText(app) + " · \(postings.count)", focused: focus == .postings)
        if postings.isEmpty {
            l.text(0, 0, app.t("没有有效的\(side.label.zh)", "no open \(side.label.en) postings"), .dim)
        } else {
            postingTable.columns = [
                TableColumn("#", width: 5, right: true), TableColumn(app.t("类别", "kind"), width: 4),
                TableColumn(app.t("企业", "enterprise")), TableColumn(app.t("标题", "title")),
            ]
            postingTable.draw(l, focused: focus == .postings)
        }
        let (upper, lower) = right.splitRows(right.height / 2)
        let head =
            recommended.map {
                app.t(
                    "推荐 · 需求 #\($0.demand.id) · 供给 \($0.considered)", "recommended · demand #\($0.demand.id)")
            } ?? app.t("推荐", "recommended")
        let u = canvas.sub(upper).box(title: head, focused: focus == .recommendations)
        if let recommended {
            if recommended.items.isEmpty {
                u.text(0, 0, app.t("没有符合条件的供给", "no eligible supply"), .dim)
            } else {
                recommendationTable.columns = [
                    TableColumn(app.t("名次", "#"), width: 4, right: true),
                    TableColumn(app.t("得分", "score"), width: 6, right: true),
                    TableColumn(app.t("供给企业", "supplier")), TableColumn(app.t("标题", "title")),
                ]
                recommendationTable.draw(u, focused: focus == .recommendations)
            }
        } else if selected?.side == .demand {
            u.text(0, 0, app.t("按 Enter 计算推荐", "press Enter to recommend"), .dim)
        }
        let d = canvas.sub(lower).box(
            title: app.t("推荐单 \(proposals.count)", "proposals \(proposals.count)"),
            focused: focus == .proposals)
        if proposals.isEmpty {
            if selected?.side == .demand { d.text(0, 0, app.t("尚无推荐单（p 提出）", "no proposals yet (p)"), .dim) }
        } else {
            proposalTable.columns = [
                TableColumn("#", width: 4, right: true), TableColumn(app.t("状态", "state"), width: 6),
                TableColumn(app.t("得分", "score"), width: 5, right: true),
                TableColumn(app.t("供给企业", "supplier")),
                TableColumn(app.t("结果", "outcome"), width: 9),
            ]
            proposalTable.draw(d, focused: focus == .proposals)
        }
    }
}
