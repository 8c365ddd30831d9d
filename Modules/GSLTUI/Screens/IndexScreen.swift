import Foundation
import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTerminal

/// 指数: the framework tree of a stored run, the ranking at the chosen node with score bars and,
/// where the run has an uncertainty analysis of that node, rank whiskers (5th–95th percentile,
/// median marked); Enter on a unit shows its contributions.
final class IndexScreen: Screen {
    enum Pane { case tree, ranking }

    var runs: [IndexRepository.RunSummary] = []
    var runPosition = 0
    var view: RunView?
    var framework: Framework?
    var treeLines: [TreeLayout.Line] = []
    var tree = TableView(columns: [TableColumn("")])
    var ranking = TableView(columns: [])
    var ranked: [(unit: String, rank: Int, score: Double)] = []
    var node = ""
    var focus = Pane.ranking

    var title: String { "指数" }

    func location(_ app: App) -> String {
        guard let view, let framework else { return "" }
        let name = framework.node(node).map { app.lang == .zh ? $0.nameZh : $0.nameEn } ?? node
        return "#\(view.run.id) \(view.run.period) › \(name)"
    }

    func statusKeys(_ app: App) -> String {
        app.t("Tab 窗格 Enter 打开 [ ] 换计算", "Tab pane Enter open [ ] run")
    }

    func keyHelp(_ app: App) -> [(String, String)] {
        [
            ("Tab", app.t("在指标树与排名间切换", "tree / ranking pane")),
            (
                "Enter",
                app.t("指标树：按该节点排名；排名：该单位的贡献分解", "tree: rank by that node; ranking: the unit's contributions")
            ),
            ("[  ]", app.t("上一次 / 下一次计算", "previous / next stored run")),
            ("↑↓ j k", app.t("选择", "choose")),
            ("r", app.t("刷新", "reload")),
        ]
    }

    func reload(_ app: App) throws {
        runs = try app.index.runs(framework: nil)
        runPosition = min(runPosition, max(0, runs.count - 1))
        try loadRun(app)
    }

    func loadRun(_ app: App) throws {
        guard runPosition < runs.count else {
            view = nil
            framework = nil
            return
        }
        let view = try app.index.run(runs[runPosition].id)
        let framework = try view.run.framework.framework()
        self.view = view
        self.framework = framework
        treeLines = TreeLayout.lines(
            root: framework.rootCode, children: { framework.children(of: $0) },
            label: { code in
                let n = framework.node(code)
                return (app.lang == .zh ? n?.nameZh : n?.nameEn) ?? code
            })
        tree.showsHeading = false
        tree.setRows(
            treeLines.map { [$0.text] },
            styles: treeLines.map { framework.node($0.key)?.isIndicator == true ? .dim : .normal })
        if framework.node(node) == nil { node = framework.rootCode }
        rank(app)
    }

    /// The ranking at `node`: presentation order only (ranks come from the stored run).
    func rank(_ app: App) {
        guard let view else { return }
        let result = view.run.result
        ranked = result.aggregated.units.compactMap { u -> (unit: String, rank: Int, score: Double)? in
            guard let r = result.rank(unit: u, node: node), let s = result.score(unit: u, node: node),
                !s.isNaN
            else { return nil }
            return (u, r, s)
        }.sorted { ($0.rank, $0.unit) < ($1.rank, $1.unit) }
        ranking.selected = 0
    }

    var uncertainty: UncertaintyResult? {
        guard let u = view?.run.uncertainty, u.node == node else { return nil }
        return u
    }

    func handle(_ key: Key, _ app: App) throws -> Bool {
        switch key {
        case .tab, .backTab:
            focus = focus == .tree ? .ranking : .tree
            return true
        case .character("r"):
            try reload(app)
            return true
        case .character("["), .character("]"):
            guard !runs.isEmpty else { return true }
            // Runs are newest first: ] goes to the newer one.
            runPosition = max(0, min(runs.count - 1, runPosition + (key == .character("[") ? 1 : -1)))
            try loadRun(app)
            return true
        case .enter:
            if focus == .tree {
                if let i = tree.selection, i < treeLines.count {
                    node = treeLines[i].key
                    rank(app)
                    focus = .ranking
                }
            } else if let view, let i = ranking.selection, i < ranked.count {
                let explanation = try app.index.explain(run: view.run.id, unit: ranked[i].unit, node: node)
                app.pushed.append(
                    ContributionsScreen(
                        explanation, name: view.unitNames[ranked[i].unit] ?? ranked[i].unit, app: app))
            }
            return true
        default:
            return focus == .tree ? tree.handle(key) : ranking.handle(key)
        }
    }

    func draw(_ canvas: Canvas, _ app: App) {
        guard let view, let framework else {
            let b = canvas.box(title: app.t("指数", "index"))
            b.text(
                0, 0,
                app.t(
                    "尚无指数计算。用 :index compute … 计算后刷新（r）。",
                    "No index run yet. Compute one with :index compute … then reload (r)."), .dim)
            return
        }
        let full = Rect(row: 0, column: 0, height: canvas.height, width: canvas.width)
        let (left, right) = full.splitColumns(min(34, canvas.width * 2 / 5))
        let t = canvas.sub(left).box(
            title: "\(framework.nameZh) \(framework.version)", focused: focus == .tree)
        tree.draw(t, focused: focus == .tree)

        let unc = uncertainty
        let name = framework.node(node).map { app.lang == .zh ? $0.nameZh : $0.nameEn } ?? node
        let title = app.t(
            "排名 · \(name) · \(view.run.period) · 计算 #\(view.run.id) (\(runPosition + 1)/\(runs.count))",
            "ranking · \(name) · \(view.run.period) · run #\(view.run.id) (\(runPosition + 1)/\(runs.count))")
        let r = canvas.sub(right).box(title: title, focused: focus == .ranking)
        let barWidth = max(4, (r.width - 34) / (unc == nil ? 1 : 2))
        var columns = [
            TableColumn(app.t("名次", "rank"), width: 4, right: true), TableColumn(app.t("单位", "unit")),
            TableColumn(app.t("得分", "score"), width: 8, right: true),
            TableColumn(app.t("得分条", "score bar"), width: barWidth),
        ]
        if unc != nil { columns.append(TableColumn(app.t("名次区间 5%–95%", "rank 5–95 %"), width: barWidth)) }
        ranking.columns = columns
        let scores = ranked.map(\.score)
        let lo = min(0, scores.min() ?? 0), hi = max(scores.max() ?? 1, lo + 1e-9)
        let positions = Dictionary(
            uniqueKeysWithValues: (unc?.units ?? []).enumerated().map { ($0.element, $0.offset) })
        ranking.setRows(
            ranked.map { item in
                var cells = [
                    String(item.rank), view.unitNames[item.unit] ?? item.unit,
                    String(format: "%.2f", item.score),
                    Gauge.bar((item.score - lo) / (hi - lo), width: barWidth),
                ]
                if let unc, let p = positions[item.unit] {
                    cells.append(
                        Gauge.whisker(
                            low: unc.q5[p], mid: unc.medianRank[p], high: unc.q95[p], count: unc.units.count,
                            width: barWidth))
                }
                return cells
            })
        ranking.draw(r, focused: focus == .ranking)
    }
}

/// One unit's score at a node explained: each indicator's value, weight, contribution and rank.
final class ContributionsScreen: Screen {
    let title: String
    let explanation: Explanation
    let name: String
    var table: TableView

    /// Indicator names by code, in the app's language.
    let indicatorNames: [String: String]

    func names(_ code: String) -> String { indicatorNames[code] ?? code }

    init(_ explanation: RunExplanation, name: String, app: App) {
        title = app.t("贡献", "contributions")
        indicatorNames = Dictionary(
            explanation.framework.nodes.map { ($0.code, app.lang == .zh ? $0.nameZh : $0.nameEn) },
            uniquingKeysWith: { a, _ in a })
        self.explanation = explanation.explanation
        self.name = name
        let framework = explanation.framework
        table = TableView(columns: [
            TableColumn(app.t("指标", "indicator")), TableColumn(app.t("值", "value"), width: 8, right: true),
            TableColumn(app.t("权重", "weight"), width: 7, right: true),
            TableColumn(app.t("贡献", "contrib."), width: 8, right: true),
            TableColumn(app.t("名次", "rank"), width: 4, right: true), TableColumn("", width: 12),
        ])
        let maxContribution = max(explanation.explanation.items.map { abs($0.contribution) }.max() ?? 1, 1e-9)
        table.setRows(
            explanation.explanation.items.sorted { $0.contribution > $1.contribution }.map { item in
                let n = framework.node(item.indicator)
                return [
                    (app.lang == .zh ? n?.nameZh : n?.nameEn) ?? item.indicator,
                    String(format: "%.3f", item.value),
                    String(format: "%.3f", item.weight), String(format: "%.3f", item.contribution),
                    String(item.rank),
                    Gauge.bar(abs(item.contribution) / maxContribution, width: 12),
                ]
            })
    }

    func location(_ app: App) -> String { name }
    func statusKeys(_ app: App) -> String { "Esc " + app.t("返回", "back") }
    func keyHelp(_ app: App) -> [(String, String)] {
        [("↑↓ j k", app.t("选择指标", "choose an indicator")), ("Esc", app.t("返回排名", "back to the ranking"))]
    }
    func reload(_ app: App) throws {}
    func handle(_ key: Key, _ app: App) throws -> Bool { table.handle(key) }

    func draw(_ canvas: Canvas, _ app: App) {
        let e = explanation
        let b = canvas.box(
            title: app.t(
                "\(name) · 得分 \(String(format: "%.2f", e.score)) · 第 \(e.rank) 名",
                "\(name) · score \(String(format: "%.2f", e.score)) · rank \(e.rank)"),
            focused: true)
        let (top, bottom) = Rect(row: 0, column: 0, height: b.height, width: b.width).splitRows(
            max(3, b.height - 2))
        table.draw(b.sub(top), focused: true)
        let f = b.sub(bottom)
        f.text(0, 0, app.t("优势：", "strengths: ") + e.strengths.map(names).joined(separator: "、"), .good)
        f.text(1, 0, app.t("短板：", "weaknesses: ") + e.weaknesses.map(names).joined(separator: "、"), .warning)
    }
}
