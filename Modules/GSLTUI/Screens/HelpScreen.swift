import GSLTerminal

/// `?`: the keys of the screen it was opened over, then the keys that work everywhere.
final class HelpScreen: Screen {
    let title: String
    var table: TableView

    init(for screen: any Screen, app: App) {
        title = app.t("帮助", "help")
        screenTitle = screen.title
        table = TableView(columns: [
            TableColumn(app.t("键", "key"), width: 14), TableColumn(app.t("作用", "does")),
        ])
        var rows = screen.keyHelp(app).map { [$0.0, $0.1] }
        rows.append(["", ""])
        rows += [
            [
                "1…\(app.tabs.count)",
                app.t("切换页面：", "screens: ")
                    + app.tabs.enumerated().map { "\($0.offset + 1) \($0.element.screen.title)" }.joined(
                        separator: " "),
            ],
            ["Tab / S-Tab", app.t("在窗格间切换（无窗格时切换页面）", "next pane (next screen where there is one pane)")],
            ["↑↓←→ hjkl", app.t("移动", "move")],
            ["PgUp PgDn g G", app.t("翻页、到首行、到末行", "page, first, last")],
            ["Enter", app.t("打开", "open")],
            ["Esc", app.t("返回", "back")],
            ["/", app.t("搜索全部实体", "search every entity")],
            [":", app.t("运行任意 gsl 命令（同一数据库），显示输出", "run any gsl command on this store, show its output")],
            ["D", app.t("设置此后操作的日期（空为今天）", "date the following actions (empty: today)")],
            ["?", app.t("本帮助", "this help")],
            ["q  ^C", app.t("退出", "quit")],
        ]
        table.setRows(rows)
    }

    let screenTitle: String

    func location(_ app: App) -> String { screenTitle }
    func keyHelp(_ app: App) -> [(String, String)] { [] }
    func statusKeys(_ app: App) -> String { "Esc " + app.t("返回", "back") }
    func reload(_ app: App) throws {}
    func handle(_ key: Key, _ app: App) throws -> Bool { table.handle(key) }

    func draw(_ canvas: Canvas, _ app: App) {
        let inside = canvas.box(title: app.t("按键 · ", "keys · ") + screenTitle, focused: true)
        table.draw(inside, focused: true)
    }
}

/// The output of a command run from the command line (`:`), scrollable.
final class OutputScreen: Screen {
    let title: String
    let command: String
    let status: Int32
    var table = TableView(columns: [TableColumn("")])
    let lines: [String]

    init(command: String, result: CommandResult, app: App) {
        title = app.t("命令输出", "output")
        self.command = command
        status = result.status
        var lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        table.showsHeading = false
        table.setRows(lines.map { [$0] })
    }

    func location(_ app: App) -> String { command }
    func keyHelp(_ app: App) -> [(String, String)] {
        [("↑↓ PgUp PgDn", app.t("滚动", "scroll")), ("Esc", app.t("返回并刷新", "back (data reloaded)"))]
    }
    func statusKeys(_ app: App) -> String { "Esc " + app.t("返回", "back") }
    func reload(_ app: App) throws {}
    func handle(_ key: Key, _ app: App) throws -> Bool { table.handle(key) }

    func draw(_ canvas: Canvas, _ app: App) {
        let state = status == 0 ? app.t("成功", "ok") : app.t("退出码 \(status)", "exit \(status)")
        let inside = canvas.box(title: "\(command) · \(state)", focused: true)
        if lines.isEmpty {
            inside.text(0, 0, app.t("（无输出）", "(no output)"), .dim)
        } else {
            table.draw(inside, focused: false)
        }
    }
}
