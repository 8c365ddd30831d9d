import GSLCore
import GSLStore
import GSLTerminal

/// 搜索: one search over every entity (the `gsl search` service); Enter on an enterprise shows its
/// requests.
final class SearchScreen: Screen {
    var editor = LineEditor()
    var editing = false
    var query = ""
    var hits: [SearchHit] = []
    var table = TableView(columns: [])

    var title: String { "搜索" }
    var capturesKeys: Bool { editing }

    func location(_ app: App) -> String { query.isEmpty ? "" : "“\(query)” \(hits.count)" }
    func statusKeys(_ app: App) -> String {
        editing
            ? app.t("Enter 搜索 Esc 取消", "Enter search Esc cancel")
            : app.t("/ 新搜索 Enter 打开", "/ new search Enter open")
    }
    func keyHelp(_ app: App) -> [(String, String)] {
        [
            (
                "/",
                app.t(
                    "输入搜索词（中文 1 个字起，多个词须全部匹配）",
                    "type a search (Chinese from 1 character; all words must match)")
            ),
            ("Enter", app.t("企业：打开其诉求", "an enterprise: open its requests")),
            ("↑↓ j k", app.t("选择结果", "choose a result")),
        ]
    }

    func startEditing() {
        editing = true
        editor = LineEditor(query)
    }

    func reload(_ app: App) throws {
        guard !query.isEmpty else {
            hits = []
            fill(app)
            return
        }
        hits = try app.records.search(query, entity: nil, limit: 200)
        fill(app)
    }

    func fill(_ app: App) {
        table.columns = [
            TableColumn(app.t("类型", "entity"), width: 6), TableColumn("#", width: 12, right: true),
            TableColumn(app.t("名称", "title"), width: 28), TableColumn(app.t("内容", "detail")),
        ]
        table.setRows(hits.map { [entityLabel($0.entity, app), $0.entityID, $0.title, $0.body] })
    }

    func entityLabel(_ entity: String, _ app: App) -> String {
        guard app.lang == .zh else { return entity }
        switch entity {
        case "organisation": return "组织"
        case "person": return "人员"
        case "region": return "区划"
        default: return entity
        }
    }

    func handle(_ key: Key, _ app: App) throws -> Bool {
        if editing {
            switch editor.handle(key) {
            case .editing: break
            case .cancelled: editing = false
            case .submitted:
                editing = false
                query = editor.text.trimmingCharacters(in: .whitespaces)
                table.selected = 0
                try reload(app)
            }
            return true
        }
        switch key {
        case .enter:
            guard let i = table.selection, i < hits.count else { return true }
            let hit = hits[i]
            if hit.entity == "organisation", let id = Int64(hit.entityID) {
                try app.openCases { screen in
                    screen.organisation = (id, hit.title)
                    try screen.reload(app)
                }
            }
            return true
        default:
            return table.handle(key)
        }
    }

    func draw(_ canvas: Canvas, _ app: App) {
        let full = Rect(row: 0, column: 0, height: canvas.height, width: canvas.width)
        let (top, rest) = full.splitRows(3)
        let input = canvas.sub(top).box(title: app.t("搜索", "search"), focused: editing)
        if editing {
            editor.draw(input, row: 0, prompt: "/ ")
        } else {
            input.text(
                0, 0, query.isEmpty ? app.t("按 / 输入搜索词", "press / to search") : "/ " + query,
                query.isEmpty ? .dim : .normal)
        }
        let results = canvas.sub(rest).box(
            title: app.t("结果 \(hits.count)", "results \(hits.count)"), focused: !editing)
        if hits.isEmpty {
            if !query.isEmpty { results.text(0, 0, app.t("没有结果", "no results"), .dim) }
        } else {
            table.draw(results, focused: !editing)
        }
    }
}
