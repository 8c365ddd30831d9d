import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLTerminal

/// 诉求: the queue (filtered by state, department, overdue; paged by id as it scrolls) and the
/// selected request's detail with its timeline; actions go through `CaseService.act`, audited with
/// the actor, as `gsl case …` does.
final class CasesScreen: Screen {
    enum Pane { case queue, detail }

    var queue = TableView(columns: [])
    var detailTable = TableView(columns: [TableColumn("")])
    var records: [CaseRecord] = []
    var exhausted = false
    var focus = Pane.queue
    var state: CaseState?
    var department: String?
    var organisation: (id: Int64, name: String)?
    var overdueOnly = false
    /// Where the overdue queue's next page starts (the SLA view is read a page at a time).
    var overdueCursor: SLAPage.Cursor?
    var detail: CaseView?
    /// Rows fetched per page.
    static let pageSize = 200

    var title: String { "诉求" }

    /// The queue's columns for `width` columns of room: the enterprise only where the title keeps
    /// at least 24 columns.
    func columns(_ app: App, width: Int) -> [TableColumn] {
        var columns = [
            TableColumn("#", width: 7, right: true), TableColumn(app.t("状态", "state"), width: 8),
            TableColumn(app.t("主办部门", "lead"), width: 10), TableColumn(app.t("标题", "title")),
        ]
        if width - 28 - 15 >= 24 { columns.append(TableColumn(app.t("企业", "enterprise"), width: 14)) }
        return columns
    }

    var filter: CaseRepository.Filter {
        CaseRepository.Filter(state: state, department: department, orgID: organisation?.id)
    }

    func filterText(_ app: App) -> String {
        var parts: [String] = []
        if let state { parts.append(state.label.text(app.lang)) }
        if let department { parts.append(department) }
        if let organisation { parts.append(organisation.name) }
        if overdueOnly { parts.append(app.t("逾期", "overdue")) }
        return parts.isEmpty ? app.t("全部", "all") : parts.joined(separator: " · ")
    }

    func location(_ app: App) -> String {
        var s = filterText(app)
        if let r = selectedRecord { s += " › #\(r.id)" }
        return s
    }

    func statusKeys(_ app: App) -> String {
        app.t("t办理 a交办 c回访 n备注 f状态 d部门 o逾期", "t act a assign c callback n note f state d dept o late")
    }

    func keyHelp(_ app: App) -> [(String, String)] {
        [
            ("↑↓ j k", app.t("选择诉求（滚动时按页读取）", "choose a request (pages load as you scroll)")),
            ("Tab", app.t("在队列与详情间切换", "queue / detail pane")),
            ("Enter", app.t("打开详情窗格", "open the detail pane")),
            ("t", app.t("办理：当前状态允许的动作（可附备注）", "act: the actions the state allows (with a note)")),
            ("a", app.t("交办（主办、协办部门）", "assign (lead and assisting departments)")),
            ("c", app.t("回访（联系、解决、满意度）", "callback (contacted, solved, satisfaction)")),
            ("n", app.t("备注：记入办理记录，不改变状态", "note: on the timeline, the state stays")),
            ("D", app.t("设置办理日期（空为今天）", "set the action date (empty: today)")),
            ("f", app.t("按状态筛选", "filter by state")),
            ("d", app.t("按主办部门筛选（空为全部）", "filter by lead department (empty: all)")),
            ("o", app.t("只看逾期（SLA 已超时）", "overdue only (SLA past due)")),
            ("x", app.t("清除筛选", "clear filters")),
            ("r", app.t("刷新", "reload")),
        ]
    }

    var selectedRecord: CaseRecord? { queue.selection.flatMap { $0 < records.count ? records[$0] : nil } }

    // MARK: Data

    func reload(_ app: App) throws {
        let keep = selectedRecord?.id
        records = []
        exhausted = false
        overdueCursor = nil
        try loadMore(app)
        fillQueue(app)
        if let keep, let i = records.firstIndex(where: { $0.id == keep }) { queue.selected = i }
        queue.clamp()
        try loadDetail(app, force: true)
    }

    func loadMore(_ app: App) throws {
        guard !exhausted else { return }
        if overdueOnly {
            // The overdue rule is the SLA view's, read a page at a time, most urgent first; the
            // state, department and enterprise filters narrow each page.
            let page = try app.cases.slaPage(
                .overdue, today: app.today, after: overdueCursor, limit: Self.pageSize)
            records += page.items.map(\.0).filter { r in
                (state == nil || r.state == state) && (department == nil || r.leadDepartment == department)
                    && (organisation == nil || r.orgID == organisation?.id)
            }
            overdueCursor = page.next
            if page.next == nil { exhausted = true }
            return
        }
        let page = try app.cases.page(filter, before: records.last?.id, limit: Self.pageSize)
        if page.count < Self.pageSize { exhausted = true }
        records += page
    }

    func fillQueue(_ app: App) {
        queue.setRows(
            records.map { r in
                [String(r.id), r.state.label.text(app.lang), r.leadDepartment ?? "—", r.title, r.orgName]
            },
            styles: records.map { $0.state.isOpen ? .normal : .dim })
    }

    func loadDetail(_ app: App, force: Bool = false) throws {
        guard let r = selectedRecord else {
            detail = nil
            detailTable.setRows([])
            return
        }
        guard force || detail?.record.id != r.id else { return }
        detail = try app.cases.show(r.id)
        detailTable.selected = 0
        detailTable.offset = 0
    }

    // MARK: Keys

    func handle(_ key: Key, _ app: App) throws -> Bool {
        switch key {
        case .tab, .backTab:
            focus = focus == .queue ? .detail : .queue
            return true
        case .enter:
            focus = .detail
            return true
        case .escape:
            if focus == .detail {
                focus = .queue
                return true
            }
            if organisation != nil || state != nil || department != nil || overdueOnly {
                clearFilters()
                try reload(app)
                return true
            }
            return false
        case .character("r"):
            try app.reload(self)
            return true
        case .character("x"):
            clearFilters()
            try reload(app)
            return true
        case .character("o"):
            overdueOnly.toggle()
            queue.selected = 0
            try reload(app)
            return true
        case .character("f"):
            app.chooseFilter(
                app.t("按状态筛选", "filter by state"), CaseState.allCases, label: { $0.label.text(app.lang) }
            ) {
                [self] state in
                self.state = state
                queue.selected = 0
                try reload(app)
            }
            return true
        case .character("d"):
            app.ask(app.t("主办部门（空为全部）：", "lead department (empty: all): "), initial: department ?? "") {
                [self] text in
                let t = text.trimmingCharacters(in: .whitespaces)
                department = t.isEmpty ? nil : t
                queue.selected = 0
                try reload(app)
            }
            return true
        case .character("t"):
            try chooseAction(app)
            return true
        case .character("a"):
            try perform(.assign, app)
            return true
        case .character("c"):
            try perform(.evaluate, app)
            return true
        case .character("n"):
            try perform(.note, app)
            return true
        default:
            break
        }
        if focus == .detail { return detailTable.handle(key) }
        guard queue.handle(key) else { return false }
        if queue.nearEnd(margin: queue.visibleRows), !exhausted {
            try loadMore(app)
            fillQueue(app)
        }
        try loadDetail(app)
        return true
    }

    func clearFilters() {
        state = nil
        department = nil
        organisation = nil
        overdueOnly = false
        queue.selected = 0
    }

    /// Selects request `id` when it is in the loaded queue.
    func select(_ id: Int64, _ app: App) throws {
        guard let row = records.firstIndex(where: { $0.id == id }) else { return }
        queue.selected = row
        try loadDetail(app)
    }

    // MARK: Actions

    func chooseAction(_ app: App) throws {
        guard let view = detail else { return }
        let kinds = app.cases.availableActions(view, on: app.actionDay)
        guard !kinds.isEmpty else {
            app.message = (
                app.t(
                    "#\(view.record.id) 当前状态（\(view.record.state.label.zh)）没有可办理的动作",
                    "request #\(view.record.id) allows no action in its state (\(view.record.state.label.en))"
                ),
                .warning
            )
            return
        }
        app.choose(
            app.t("办理 #\(view.record.id)", "act on #\(view.record.id)"), kinds.map { $0.label.text(app.lang) }
        ) {
            [self] i in try perform(kinds[i], app)
        }
    }

    /// Asks for what `kind` needs, then applies it through the service.
    func perform(_ kind: CaseAction.Kind, _ app: App) throws {
        guard let view = detail else { return }
        let id = view.record.id
        if kind == .note {
            app.ask(app.t("备注 #\(id)：", "note on #\(id): ")) { [self] text in
                let n = text.trimmingCharacters(in: .whitespaces)
                let after = try app.cases.note(
                    caseID: id, text: n, on: app.actionDay, expectedVersion: view.record.version,
                    context: app.context("case note \(id) \(n)" + app.dateFlag))
                app.invalidateAll()
                try reload(app)
                app.message = (
                    app.t(
                        "#\(id) 已加备注，状态仍为“\(after.record.state.label.zh)”（操作人 \(app.options.actor)）",
                        "request #\(id): note added, still \(after.record.state.label.en) (by \(app.options.actor))"
                    ),
                    .good
                )
            }
            return
        }
        let allowed = app.cases.availableActions(view, on: app.actionDay)
        guard allowed.contains(kind) else {
            app.message = (
                app.t(
                    "#\(id) 当前状态（\(view.record.state.label.zh)）不能\(kind.label.zh)；可以："
                        + allowed.map(\.label.zh).joined(separator: "、"),
                    "request #\(id) (\(view.record.state.label.en)) cannot \(kind.label.en); allowed: "
                        + allowed.map(\.label.en).joined(separator: ", ")), .warning
            )
            return
        }
        // The audit log records the action as the equivalent command line.
        func withNote(_ action: CaseAction, _ flags: String = "") {
            app.ask(app.t("备注（可空）：", "note (optional): ")) { [self] note in
                let n = note.trimmingCharacters(in: .whitespaces)
                try act(
                    action, id: id, version: view.record.version, note: n.isEmpty ? nil : n,
                    command: "case \(action.kind.rawValue) \(id)\(flags)" + (n.isEmpty ? "" : " --note \(n)")
                        + app.dateFlag,
                    app)
            }
        }
        switch kind {
        case .assign:
            app.ask(app.t("主办部门：", "lead department: "), initial: view.record.leadDepartment ?? "") { lead in
                let lead = lead.trimmingCharacters(in: .whitespaces)
                app.ask(app.t("协办部门（逗号分隔，可空）：", "assisting departments (comma-separated, optional): ")) {
                    text in
                    let assisting = text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
                        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    withNote(
                        .assign(lead: lead, assisting: assisting),
                        " --lead \(lead)" + assisting.map { " --assist \($0)" }.joined())
                }
            }
        case .reject:
            app.ask(app.t("不予受理的理由：", "reason: ")) { reason in
                withNote(.reject(reason: reason), " --reason \(reason)")
            }
        case .merge:
            app.ask(app.t("并入诉求 #：", "merge into request #: ")) { target in
                let t = target.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["#"])
                withNote(.merge(into: t, targetState: .received), " --into \(t)")
            }
        case .evaluate:
            let yesNo = [app.t("是", "yes"), app.t("否", "no")]
            app.choose(app.t("回访：联系上企业？", "callback: contacted?"), yesNo) { c in
                app.choose(app.t("回访：问题已解决？", "callback: solved?"), yesNo) { s in
                    let levels = Satisfaction.allCases
                    app.choose(
                        app.t("回访：满意度", "callback: satisfaction"),
                        levels.map { $0.label.text(app.lang) } + [app.t("未评价", "not given")]
                    ) { k in
                        let satisfaction = k < levels.count ? levels[k] : nil
                        let callback = Callback(contacted: c == 0, solved: s == 0, satisfaction: satisfaction)
                        withNote(
                            .evaluate(callback),
                            (c == 0 ? " --contacted" : "") + (s == 0 ? " --solved" : "")
                                + (satisfaction.map { " --satisfaction \($0.rawValue)" } ?? ""))
                    }
                }
            }
        case .receive: withNote(.receive)
        case .start: withNote(.start)
        case .pause: withNote(.pause)
        case .resume: withNote(.resume)
        case .answer: withNote(.answer)
        case .close: withNote(.close)
        case .reopen: withNote(.reopen)
        case .note: break
        }
    }

    func act(_ action: CaseAction, id: Int64, version: Int64, note: String?, command: String, _ app: App)
        throws
    {
        let view = try app.cases.act(
            action, caseID: id, on: app.actionDay, note: note, expectedVersion: version,
            context: app.context(command))
        app.invalidateAll()
        try reload(app)
        app.message = (
            app.t(
                "#\(id) 已\(action.kind.label.zh)，现为“\(view.record.state.label.zh)”（操作人 \(app.options.actor)）",
                "request #\(id): \(action.kind.label.en), now \(view.record.state.label.en) (by \(app.options.actor))"
            ),
            .good
        )
    }

    // MARK: Drawing

    func draw(_ canvas: Canvas, _ app: App) {
        let leftWidth = canvas.width * 3 / 5
        let (left, right) = Rect(row: 0, column: 0, height: canvas.height, width: canvas.width).splitColumns(
            leftWidth)
        let more = exhausted ? "" : "+"
        let title = app.t("队列", "queue") + " · " + filterText(app) + " · \(records.count)\(more)"
        let q = canvas.sub(left).box(title: title, focused: focus == .queue)
        if records.isEmpty {
            q.text(1, 1, app.t("没有符合条件的诉求", "no requests match"), .dim)
        } else {
            queue.columns = columns(app, width: q.width)
            queue.draw(q, focused: focus == .queue)
        }
        let d = canvas.sub(right).box(
            title: detail.map { app.t("诉求 #\($0.record.id)", "request #\($0.record.id)") }
                ?? app.t("详情", "detail"),
            focused: focus == .detail)
        guard let detail else { return }
        detailTable.showsHeading = false
        let lines = detailLines(detail, width: d.width, app)
        detailTable.setRows(lines.map { [$0.0] }, styles: lines.map(\.1))
        detailTable.draw(d, focused: focus == .detail)
    }

    func detailLines(_ view: CaseView, width: Int, _ app: App) -> [(String, Style)] {
        let r = view.record
        var lines: [(String, Style)] = []
        for l in TextFit.wrap(r.title, width) { lines.append((l, .heading)) }
        let category =
            app.cases.requests.taxonomy.categories.first { $0.code == r.category }?.label.text(app.lang)
            ?? r.category
        lines += [
            (app.t("企业 ", "enterprise ") + r.orgName, .normal),
            (
                app.t("状态 ", "state ") + r.state.label.text(app.lang) + "  " + app.t("优先级 ", "priority ")
                    + r.priority.label.text(app.lang), .accent
            ),
            (app.t("类别 ", "category ") + category + "  " + app.t("受理 ", "opened ") + r.openedOn, .normal),
            (
                app.t("主办 ", "lead ") + (r.leadDepartment ?? "—")
                    + (r.assisting.isEmpty
                        ? "" : app.t("  协办 ", "  assisting ") + r.assisting.joined(separator: "、")),
                .normal
            ),
        ]
        if let d = r.description, !d.isEmpty {
            for l in TextFit.wrap(d, width) { lines.append((l, .dim)) }
        }
        lines.append(("", .normal))
        lines.append((app.t("办理记录", "timeline"), .heading))
        for e in view.events {
            // The casework summary: date, actor, action, states, details and note.
            for (i, l) in TextFit.wrap(e.summary.text(app.lang), width).enumerated() {
                lines.append((l, i == 0 ? .normal : .dim))
            }
        }
        return lines
    }
}
