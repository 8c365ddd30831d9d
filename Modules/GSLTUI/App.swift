import Foundation
import GSLCaseworkStore
import GSLCore
import GSLEventsStore
import GSLIndexScoringStore
import GSLMatchingStore
import GSLPairingStore
import GSLReports
import GSLStore
import GSLTerminal

/// The full-screen app: `gsl tui` and `gsl-tui` call `run`.
public enum TUI {
    /// Runs the app on `store` until the user quits.
    public static func run(store: Store, options: TUIOptions) throws(GSLError) {
        let trace = try options.tracePath.map { (p: String) throws(GSLError) in try KeyTrace(path: p) }
        let cases = try CaseService(store: store)
        let matches = try MatchService(store: store)
        let terminal = Terminal()
        try terminal.start(environment: options.environment)
        defer { terminal.stop() }
        let app = App(
            store: store, cases: cases, matches: matches, options: options, terminal: terminal, trace: trace)
        app.loop()
    }
}

/// The app's state: the tabs, screens pushed over them, the dialog in the message row, the last
/// message; one loop reads a key, hands it on and redraws.
final class App {
    let store: Store
    let cases: CaseService
    let index: IndexService
    let records: RecordsService
    let events: EventService
    let matches: MatchService
    let pairs: PairService
    let reports: AnnualReportService
    let options: TUIOptions
    let terminal: Terminal
    let trace: KeyTrace?
    var tabs: [TabEntry] = []
    var current = 0
    var pushed: [any Screen] = []
    var dialog: Dialog?
    var message: (text: String, style: Style)?
    var running = true
    /// The day actions are dated when it is not today (`D`); nil: today.
    var actionDate: LocalDate?

    init(
        store: Store, cases: CaseService, matches: MatchService, options: TUIOptions, terminal: Terminal,
        trace: KeyTrace?
    ) {
        self.store = store
        self.cases = cases
        self.index = IndexService(store: store)
        self.records = RecordsService(store: store)
        self.events = EventService(store: store)
        self.matches = matches
        self.pairs = PairService(store: store)
        self.reports = AnnualReportService(store: store)
        self.options = options
        self.terminal = terminal
        self.trace = trace
        tabs = [
            TabEntry(screen: DashboardScreen()), TabEntry(screen: CasesScreen()),
            TabEntry(screen: IndexScreen()), TabEntry(screen: EventsScreen()),
            TabEntry(screen: MatchingScreen()), TabEntry(screen: PairingScreen()),
            TabEntry(screen: SearchScreen()),
        ]
    }

    var lang: Lang { options.lang }

    /// Chinese or English by the language.
    func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    /// The screen shown: the last pushed one, else the current tab's.
    var screen: any Screen { pushed.last ?? tabs[current].screen }

    /// The audit context of a write made in the app: the actor, and the action as a command line.
    func context(_ command: String) -> MutationContext {
        MutationContext(actor: options.actor, command: "tui " + command)
    }

    /// Today on the machine's clock (Beijing time): the day views are computed for.
    var today: LocalDate { LocalDate.today() }

    /// The day the app's actions are dated: the one set with `D`, else today.
    var actionDay: LocalDate { actionDate ?? today }

    /// ` --date DAY` for the audit's command line when actions are not dated today.
    var dateFlag: String { actionDate.map { " --date \($0.iso)" } ?? "" }

    // MARK: Loop

    func loop() {
        ensureLoaded()
        draw()
        while running {
            let key = terminal.readKey()
            let start = monotonicMicroseconds()
            handle(key)
            guard running else { break }
            ensureLoaded()
            draw()
            trace?.record(key, microseconds: monotonicMicroseconds() - start)
        }
    }

    /// Loads the current tab's data the first time it is shown (and after a change).
    func ensureLoaded() {
        guard pushed.isEmpty, !tabs[current].loaded else { return }
        tabs[current].loaded = true
        attempt { try tabs[current].screen.reload(self) }
    }

    /// Marks every tab's data stale (after a write or a command).
    func invalidateAll() {
        for i in tabs.indices { tabs[i].loaded = false }
    }

    /// Runs `body`, showing an error as the message instead of leaving.
    func attempt(_ body: () throws -> Void) {
        do {
            try body()
        } catch let error as GSLError {
            message = (error.rendered(lang), .danger)
        } catch {
            message = ("\(error)", .danger)
        }
    }

    func handle(_ key: Key) {
        if key == .resize {
            terminal.invalidate()
            return
        }
        if dialog != nil {
            handleDialog(key)
            return
        }
        let screen = self.screen
        if screen.capturesKeys {
            attempt { _ = try screen.handle(key, self) }
            return
        }
        message = nil
        switch key {
        case .character("q"), .control("c"):
            running = false
        case .character("?"):
            if !(screen is HelpScreen) { pushed.append(HelpScreen(for: screen, app: self)) }
        case .character(":"):
            ask(t("命令 gsl ", "command gsl ")) { [self] text in runCommand(text) }
        case .character("D"):
            ask(
                t("办理日期（如 2025-03-05、2025年3月5日；空为今天）：", "action date (e.g. 2025-03-05; empty: today): "),
                initial: actionDate?.iso ?? ""
            ) { [self] text in
                let text = text.trimmingCharacters(in: .whitespaces)
                actionDate = text.isEmpty ? nil : try LocalDate.parse(text)
                message = (
                    actionDate.map { t("此后的操作日期为 \($0.iso)", "actions are now dated \($0.iso)") }
                        ?? t("操作日期恢复为今天", "actions are dated today again"), .good
                )
            }
        case .character("/"):
            pushed.removeAll()
            if let i = tabs.firstIndex(where: { $0.screen is SearchScreen }) {
                current = i
                (tabs[i].screen as? SearchScreen)?.startEditing()
            }
        case .escape:
            if !pushed.isEmpty {
                pushed.removeLast()
            } else {
                attempt { _ = try screen.handle(key, self) }
            }
        case .character(let c) where c.isASCII && c.isNumber && pushed.isEmpty:
            if let n = c.wholeNumberValue, n >= 1, n <= tabs.count { current = n - 1 }
        default:
            attempt {
                if try !screen.handle(key, self), key == .tab || key == .backTab, pushed.isEmpty {
                    current = (current + (key == .tab ? 1 : tabs.count - 1)) % tabs.count
                }
            }
        }
    }

    /// Switches to the requests screen with its filters cleared and then set by `configure`
    /// (which reloads it): how other screens open requests.
    func openCases(_ configure: (CasesScreen) throws -> Void) throws {
        guard let tab = tabs.firstIndex(where: { $0.screen is CasesScreen }),
            let screen = tabs[tab].screen as? CasesScreen
        else { return }
        pushed.removeAll()
        screen.clearFilters()
        try configure(screen)
        tabs[tab].loaded = true
        current = tab
    }

    // MARK: Dialogs

    /// Asks for a line of text in the message row.
    func ask(_ prompt: String, initial: String = "", submit: @escaping (String) throws -> Void) {
        dialog = .input(prompt: prompt, editor: LineEditor(initial), submit: submit)
    }

    /// Asks for one of `values` or all of them (nil): what the filter keys do; `set` gets the choice.
    func chooseFilter<Value>(
        _ title: String, _ values: [Value], label: (Value) -> String, set: @escaping (Value?) throws -> Void
    ) {
        choose(title, [t("全部", "all")] + values.map(label)) { i in try set(i == 0 ? nil : values[i - 1]) }
    }

    /// Reloads `screen` (the `r` key) and says so.
    func reload(_ screen: any Screen) throws {
        try screen.reload(self)
        message = (t("已刷新", "reloaded"), .good)
    }

    /// Asks for a choice from `items`.
    func choose(_ title: String, _ items: [String], choose: @escaping (Int) throws -> Void) {
        var table = TableView(columns: [TableColumn(title)])
        table.setRows(items.map { [$0] })
        dialog = .menu(title: title, items: items, table: table, choose: choose)
    }

    func handleDialog(_ key: Key) {
        guard let dialog else { return }
        switch dialog {
        case .input(let prompt, var editor, let submit):
            switch editor.handle(key) {
            case .editing: self.dialog = .input(prompt: prompt, editor: editor, submit: submit)
            case .cancelled: self.dialog = nil
            case .submitted:
                self.dialog = nil
                attempt { try submit(editor.text) }
            }
        case .menu(let title, let items, var table, let choose):
            switch key {
            case .escape, .character("q"): self.dialog = nil
            case .enter:
                self.dialog = nil
                if let i = table.selection { attempt { try choose(i) } }
            case .character(let c) where c.isNumber:
                if let n = c.wholeNumberValue, n >= 1, n <= items.count {
                    self.dialog = nil
                    attempt { try choose(n - 1) }
                }
            default:
                _ = table.handle(key)
                self.dialog = .menu(title: title, items: items, table: table, choose: choose)
            }
        }
    }

    // MARK: Command line

    /// Runs `gsl WORDS` on the same store as a child process, shows its output, reloads the data.
    func runCommand(_ text: String) {
        let words = CommandLineWords.split(text)
        guard !words.isEmpty else { return }
        if words.first == "tui" {
            message = (t("已在全屏界面中", "already in the full-screen interface"), .warning)
            return
        }
        let result = CommandRunner.run(
            executable: options.executable, arguments: words, database: options.databasePath,
            actor: options.actor, environment: options.environment)
        pushed.append(OutputScreen(command: "gsl " + text, result: result, app: self))
        invalidateAll()
    }

    // MARK: Drawing

    func draw() {
        terminal.begin()
        let canvas = Canvas(terminal)
        let (rows, columns) = terminal.size
        if rows < 8 || columns < 30 {
            canvas.text(0, 0, t("终端太小", "terminal too small"), .danger)
            terminal.end()
            return
        }
        drawTabs(canvas.sub(Rect(row: 0, column: 0, height: 1, width: columns)))
        screen.draw(canvas.sub(Rect(row: 1, column: 0, height: rows - 3, width: columns)), self)
        drawMessageRow(canvas.sub(Rect(row: rows - 2, column: 0, height: 1, width: columns)))
        drawStatus(canvas.sub(Rect(row: rows - 1, column: 0, height: 1, width: columns)))
        if case .menu(let title, _, var table, _) = dialog {
            let h = min(rows - 4, table.rows.count + 3)
            let w = min(columns - 4, max(30, (table.rows.map { TextFit.width($0[0]) }.max() ?? 0) + 8))
            let box = canvas.sub(
                Rect(row: max(1, (rows - h) / 2), column: (columns - w) / 2, height: h, width: w))
            box.fill()
            let inside = box.box(title: title, focused: true)
            table.showsHeading = false
            table.rows = table.rows.enumerated().map { ["\($0.offset + 1) " + $0.element[0]] }
            table.draw(inside, focused: true)
        }
        terminal.end()
    }

    func drawTabs(_ canvas: Canvas) {
        canvas.fill(.bar)
        var x = 0
        let name = " gsl "
        canvas.text(0, x, name, .barActive)
        x += TextFit.width(name) + 1
        for (i, tab) in tabs.enumerated() {
            let label = " \(i + 1) \(tab.screen.title) "
            canvas.text(0, x, label, i == current ? .barActive : .bar)
            x += TextFit.width(label)
        }
        let db = (options.databasePath as NSString).lastPathComponent
        let right = "\(db) · \(options.actor) "
        let w = TextFit.width(right)
        if x + w < canvas.width { canvas.text(0, canvas.width - w, right, .bar) }
    }

    func drawMessageRow(_ canvas: Canvas) {
        if case .input(let prompt, let editor, _) = dialog {
            editor.draw(canvas, row: 0, prompt: prompt)
        } else if case .menu = dialog {
            canvas.text(0, 0, t("↑↓ 选择  Enter 确定  Esc 取消", "↑↓ choose  Enter ok  Esc cancel"), .dim)
        } else if let message {
            canvas.text(0, 0, message.text, message.style)
        }
    }

    func drawStatus(_ canvas: Canvas) {
        canvas.fill(.bar)
        var path = ["gsl", tabs[current].screen.title]
        path += pushed.map(\.title)
        let location = screen.location(self)
        if !location.isEmpty { path.append(location) }
        if let actionDate { path.append(t("办理日期 ", "dated ") + actionDate.iso) }
        let left = " " + path.joined(separator: " › ")
        let global =
            "?" + t("帮助", "help") + " :" + t("命令", "cmd") + " /" + t("搜索", "search") + " q" + t("退出", "quit")
            + " "
        // Where you are comes first; the screen's keys show when they fit, the global ones always.
        let lw = min(TextFit.width(left), canvas.width * 3 / 5)
        let full = screen.statusKeys(self) + "  " + global
        let keys = lw + 2 + TextFit.width(full) <= canvas.width ? full : global
        let kw = min(TextFit.width(keys), canvas.width - lw - 1)
        canvas.text(0, 0, left, .bar, width: canvas.width - kw - 1)
        if kw > 0 { canvas.text(0, canvas.width - kw, keys, .bar, width: kw, right: true) }
    }
}
