import GSLCore
import GSLTerminal

/// One screen of the app (a tab, or a view pushed over one): it draws itself, handles its keys and
/// reloads its data from the services. Screens hold no SQL and no rule: they call services.
protocol Screen: AnyObject {
    /// The name in the tab bar and the status line.
    var title: String { get }
    /// Where the user is inside the screen (filter, selection), for the status line.
    func location(_ app: App) -> String
    /// The keys of this screen for the help (`?`), key name and what it does.
    func keyHelp(_ app: App) -> [(String, String)]
    /// The main keys shown in the status line.
    func statusKeys(_ app: App) -> String
    /// Draws the screen's area.
    func draw(_ canvas: Canvas, _ app: App)
    /// Handles a key; returns whether it was the screen's.
    func handle(_ key: Key, _ app: App) throws -> Bool
    /// Reads its data again from the services.
    func reload(_ app: App) throws
    /// Whether the screen takes every key (a text field has focus).
    var capturesKeys: Bool { get }
}

extension Screen {
    var capturesKeys: Bool { false }

    /// The pane after `current` in `order` for Tab (before it for S-Tab).
    func nextPane<Pane: Equatable>(_ order: [Pane], after current: Pane, _ key: Key) -> Pane {
        let i = order.firstIndex(of: current) ?? 0
        return order[(i + (key == .backTab ? order.count - 1 : 1)) % order.count]
    }
}

/// A screen of the tab bar: its number key opens it (see `App.init` for the order, Docs/tui.md).
struct TabEntry {
    /// The tab's screen.
    let screen: any Screen
    /// Whether its data was loaded since the last change.
    var loaded = false
}

/// A question in the message row: a line of text, or a choice from a list.
enum Dialog {
    /// Text input; `submit` gets the text.
    case input(prompt: String, editor: LineEditor, submit: (String) throws -> Void)
    /// A choice; `choose` gets the chosen index.
    case menu(title: String, items: [String], table: TableView, choose: (Int) throws -> Void)
}
