import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLEvents
import GSLEventsStore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLReports
import GSLStore
import GSLTerminal

/// 概览: requests by state with the overdue ones (a page of the SLA view, most urgent first), the
/// latest index run's top and bottom, the year's figures as the annual report computes them (`y`
/// steps back a year), and the upcoming events. Every figure is a service call;
/// nothing is made up.
final class DashboardScreen: Screen {
    var counts: [(CaseState, Int)] = []
    var overdue: [(CaseRecord, SLAReport)] = []
    /// Whether `overdue` holds every overdue request (else the first page of them).
    var overdueComplete = true
    /// Requests whose stored due date has passed: the most there can be overdue.
    var overdueCandidates = 0
    var upcoming: [EventRecord] = []
    /// Overdue requests shown (the first page of the SLA view).
    static let overdueShown = 200
    var indexTitle = ""
    var top: [(rank: Int, name: String, score: Double)] = []
    var bottom: [(rank: Int, name: String, score: Double)] = []
    var overdueTable = TableView(columns: [])
    var loadedOn: LocalDate?
    /// The year whose figures are shown (nil: the current year), and the figures.
    var figuresYear: Int?
    var yearFigures: [ReportFigure] = []

    var title: String { "概览" }

    func location(_ app: App) -> String { loadedOn.map { app.t("截至 ", "as of ") + $0.iso } ?? "" }
    func statusKeys(_ app: App) -> String { app.t("Enter 打开逾期诉求 r 刷新", "Enter open overdue r reload") }
    func keyHelp(_ app: App) -> [(String, String)] {
        [
            ("↑↓ j k", app.t("选择逾期诉求", "choose an overdue request")),
            ("Enter", app.t("在诉求页打开（逾期筛选）", "open it on the requests screen (overdue filter)")),
            ("y", app.t("年度数据：上一年（循环回到今年）", "the year's figures: the year before (wraps to this year)")),
            ("r", app.t("刷新", "reload")),
        ]
    }

    func reload(_ app: App) throws {
        let today = app.today
        loadedOn = today
        counts = try app.cases.stateCounts()
        // Most urgent first, one page: the SLA view decides what is overdue and by how much, and
        // only the page's requests are clocked (a store with 30,000 open requests opens at once).
        let page = try app.cases.slaPage(.overdue, today: today, after: nil, limit: Self.overdueShown)
        overdue = page.items
        overdueComplete = page.next == nil
        overdueCandidates = page.candidates
        upcoming = try app.events.list(EventRepository.Filter(from: today, status: .scheduled), limit: 20)
        // The figures the annual report prints, computed by the same service.
        yearFigures = try app.reports.annual(year: figuresYear ?? today.year, compare: nil).figures
        overdueTable.columns = [
            TableColumn("#", width: 7, right: true), TableColumn(app.t("逾期", "late"), width: 6, right: true),
            TableColumn(app.t("主办部门", "lead"), width: 10), TableColumn(app.t("标题", "title")),
        ]
        overdueTable.setRows(
            overdue.map { r, sla in
                [
                    String(r.id),
                    app.t(
                        "\(sla.statuses.map(\.overdueWorkdays).max() ?? 0)天",
                        "\(sla.statuses.map(\.overdueWorkdays).max() ?? 0)d"),
                    r.leadDepartment ?? "—", r.title,
                ]
            })
        top = []
        bottom = []
        indexTitle = ""
        if let latest = try app.index.runs(framework: nil).first {
            let view = try app.index.run(latest.id)
            let result = view.run.result
            let framework = try view.run.framework.framework()
            let node = framework.rootCode
            let ranked = result.aggregated.units.compactMap {
                u -> (rank: Int, name: String, score: Double)? in
                guard let rank = result.rank(unit: u, node: node),
                    let score = result.score(unit: u, node: node),
                    !score.isNaN
                else { return nil }
                return (rank, view.unitNames[u] ?? u, score)
            }.sorted { $0.rank < $1.rank }
            top = Array(ranked.prefix(5))
            bottom = Array(ranked.suffix(5))
            indexTitle = "\(framework.nameZh) · \(view.run.period) · #\(view.run.id)"
        }
    }

    func handle(_ key: Key, _ app: App) throws -> Bool {
        switch key {
        case .character("r"):
            try reload(app)
            return true
        case .character("y"):
            let year = (figuresYear ?? app.today.year) - 1
            figuresYear = year < app.today.year - 5 ? nil : year
            try reload(app)
            return true
        case .enter:
            guard let i = overdueTable.selection, i < overdue.count else { return true }
            let id = overdue[i].0.id
            try app.openCases { screen in
                screen.overdueOnly = true
                try screen.reload(app)
                try screen.select(id, app)
            }
            return true
        default:
            return overdueTable.handle(key)
        }
    }

    func draw(_ canvas: Canvas, _ app: App) {
        let full = Rect(row: 0, column: 0, height: canvas.height, width: canvas.width)
        let (upper, lower) = full.splitRows(canvas.height * 3 / 5)
        let (statesRect, overdueRect) = upper.splitColumns(30)
        let (indexRect, rest) = lower.splitColumns(canvas.width * 2 / 5)
        let (yearRect, eventsRect) = rest.splitColumns(rest.width * 11 / 24)

        let s = canvas.sub(statesRect).box(title: app.t("诉求（按状态）", "requests by state"))
        let total = counts.map(\.1).reduce(0, +)
        let open = counts.filter { $0.0.isOpen }.map(\.1).reduce(0, +)
        var row = 0
        func figure(_ label: String, _ value: Int, _ style: Style = .normal) {
            guard row < s.height else { return }
            s.text(row, 0, label, style, width: s.width - 9)
            s.text(row, s.width - 9, String(value), style == .normal ? .accent : style, width: 9, right: true)
            row += 1
        }
        figure(app.t("全部", "all"), total, .heading)
        figure(app.t("办理中（未结）", "open"), open)
        if overdueComplete {
            figure(app.t("逾期", "overdue"), overdue.count, overdue.isEmpty ? .good : .danger)
        } else {
            // More than a page: the count of passed stored due dates bounds it from above.
            figure(app.t("逾期（≤）", "overdue (≤)"), overdueCandidates, .danger)
        }
        row += 1
        for (state, n) in counts { figure("  " + state.label.text(app.lang), n) }

        let o = canvas.sub(overdueRect).box(
            title: overdueComplete
                ? app.t("逾期诉求 \(overdue.count)", "overdue requests \(overdue.count)")
                : app.t(
                    "逾期诉求 · 最急的 \(overdue.count) 件", "overdue requests · the \(overdue.count) most urgent"),
            focused: true)
        if overdue.isEmpty {
            o.text(1, 1, app.t("没有逾期诉求", "no overdue requests"), .good)
        } else {
            overdueTable.draw(o, focused: true)
        }

        let ix = canvas.sub(indexRect).box(title: app.t("指数 ", "index ") + indexTitle)
        if top.isEmpty {
            ix.text(0, 0, app.t("尚无指数计算（gsl index compute）", "no index run yet (gsl index compute)"), .dim)
        } else {
            var r = 0
            let maxScore = max(top.first?.score ?? 1, 1e-9)
            // As many of the top and of the bottom as the pane holds (at least one each).
            let n = max(1, (ix.height - 2) / 2)
            for (label, items) in [
                (app.t("前列", "top"), Array(top.prefix(n))), (app.t("末位", "bottom"), Array(bottom.suffix(n))),
            ] {
                guard r < ix.height else { break }
                ix.text(r, 0, label, .heading)
                r += 1
                for item in items where r < ix.height {
                    let bar = max(0, ix.width - 30)
                    ix.text(r, 0, String(item.rank), .dim, width: 4, right: true)
                    ix.text(r, 5, item.name, .normal, width: 14)
                    ix.text(r, 20, String(format: "%.2f", item.score), .accent, width: 8, right: true)
                    if bar > 0 { ix.text(r, 29, Gauge.bar(item.score / maxScore, width: bar), .good) }
                    r += 1
                }
            }
        }

        let year = figuresYear ?? app.today.year
        let y = canvas.sub(yearRect).box(title: app.t("\(year) 年度数据", "\(year) in figures"))
        let shown = yearFigures.filter { $0.value != .none && $0.value != .integer(0) }
        if shown.isEmpty {
            y.text(0, 0, app.t("本年度尚无记录", "no records for the year"), .dim)
        }
        for (i, f) in shown.prefix(y.height).enumerated() {
            let value = ReportFormatting.value(f.value, f.definition, lang: app.lang)
            let w = min(DisplayWidth.of(value), max(0, y.width - 4))
            y.text(i, 0, f.definition.label.text(app.lang), .normal, width: max(0, y.width - w - 1))
            y.text(i, y.width - w, value, .accent, width: w, right: true)
        }

        let ev = canvas.sub(eventsRect).box(title: app.t("近期活动", "upcoming events"))
        if upcoming.isEmpty {
            ev.text(0, 0, app.t("没有已排期的近期活动", "no upcoming events scheduled"), .dim)
        }
        for (i, e) in upcoming.prefix(ev.height).enumerated() {
            if ev.width >= 40 {
                ev.text(i, 0, String(e.start.display.dropFirst(5)), .accent, width: 11)
                ev.text(i, 12, e.type.label.text(app.lang), .dim, width: 6)
                ev.text(i, 19, e.title, .normal, width: max(0, ev.width - 19))
            } else {
                // Narrow (80 columns): the day and the title.
                ev.text(i, 0, String(e.start.date.iso.dropFirst(5)), .accent, width: 5)
                ev.text(i, 6, e.title, .normal, width: max(0, ev.width - 6))
            }
        }
    }
}
