import CNCursesW
import Foundation
import GSLCore

/// The terminal through ncursesw: full screen, keys (wide characters whole), resize, colour with a
/// monochrome fallback. One frame is `begin()`, drawing through `Surface`, `end()` (one
/// `doupdate`, so ncurses sends only the cells that changed).
public final class Terminal: Surface {
    /// Whether colour is used (a colour terminal and no `NO_COLOR`).
    public private(set) var colour = false
    /// The locale drawing uses (`C.UTF-8` when the environment's was not UTF-8).
    public private(set) var locale = ""
    private var attributes: [Int32] = []
    private var started = false

    /// A terminal not yet started.
    public init() {}

    /// Takes over the terminal: a UTF-8 locale (falling back to C.UTF-8 for drawing), raw keys,
    /// keypad, no echo, no cursor, colours unless `NO_COLOR` is set or the terminal has none.
    public func start(environment: [String: String]) throws(GSLError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw GSLError.usage("全屏界面需要在终端中运行", en: "the full-screen interface needs a terminal")
                .because(.terminalNotATerminal)
        }
        setlocale(LC_ALL, "")
        if !Self.isUTF8(String(cString: gsl_codeset())) {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        locale = String(cString: setlocale(LC_CTYPE, nil))
        if environment["ESCDELAY"] == nil { setenv("ESCDELAY", "25", 1) }
        // A parent may have left SIGWINCH blocked or ignored; ncurses needs it to report resizes.
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        sigprocmask(SIG_UNBLOCK, &winch, nil)
        signal(SIGWINCH, SIG_DFL)
        initscr()
        started = true
        raw()
        noecho()
        nonl()
        keypad(gsl_stdscr(), true)
        curs_set(0)
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        colour = !noColour && has_colors()
        if colour {
            start_color()
            use_default_colors()
        }
        attributes = Style.allCases.map { palette($0) }
    }

    /// Gives the terminal back (also safe when not started).
    public func stop() {
        guard started else { return }
        started = false
        endwin()
    }

    /// Whether a codeset name is UTF-8.
    public static func isUTF8(_ codeset: String) -> Bool {
        let c = codeset.lowercased().replacingOccurrences(of: "-", with: "")
        return c == "utf8"
    }

    /// Rows and columns now.
    public var size: (rows: Int, columns: Int) { (Int(gsl_lines()), Int(gsl_cols())) }

    /// Starts a frame: clears the screen buffer (not the terminal).
    public func begin() {
        werase(gsl_stdscr())
    }

    /// Ends a frame: sends the changes.
    public func end() {
        wnoutrefresh(gsl_stdscr())
        doupdate()
    }

    /// Forces a full repaint on the next frame (after a resize or when the screen got garbled).
    public func invalidate() {
        clearok(gsl_stdscr(), true)
    }

    public func put(_ row: Int, _ column: Int, _ text: String, _ style: Style) {
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = gsl_put(gsl_stdscr(), Int32(row), Int32(column), wide, attributes[style.rawValue])
    }

    /// Waits for the next key.
    public func readKey() -> Key {
        while true {
            var code: Int32 = 0
            let r = gsl_get_key(gsl_stdscr(), &code)
            if r == gsl_err() { continue }
            if r == gsl_key_code_yes() { return Self.named(code) }
            return Self.character(code)
        }
    }

    static func named(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case gsl_key_resize(): .resize
        default:
            if code >= gsl_key_f(1), code <= gsl_key_f(12) {
                .function(Int(code - gsl_key_f(0)))
            } else {
                .other(code)
            }
        }
    }

    static func character(_ code: Int32) -> Key {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)) else { return .other(code) }
            return .character(Character(scalar))
        }
    }

    /// The attributes of a style: colour pairs, or bold/reverse/underline without colour.
    private func palette(_ style: Style) -> Int32 {
        let bold = gsl_attr_bold(), reverse = gsl_attr_reverse(), underline = gsl_attr_underline()
        let dim = gsl_attr_dim()
        guard colour else {
            switch style {
            case .normal, .border, .good: return gsl_attr_normal()
            case .heading, .accent, .borderFocused, .warning: return bold
            case .selected, .bar: return reverse
            case .selectedInactive: return underline
            case .dim: return dim
            case .danger: return bold | underline
            case .barActive: return reverse | bold
            }
        }
        func pair(_ n: Int16, _ fg: Int16, _ bg: Int16) -> Int32 {
            init_pair(n, fg, bg)
            return gsl_color_pair(Int32(n))
        }
        let n = Int16(style.rawValue + 1)
        switch style {
        case .normal: return gsl_attr_normal()
        case .heading: return pair(n, Int16(COLOR_CYAN), -1) | bold
        case .selected: return pair(n, Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        case .selectedInactive: return reverse
        case .dim: return dim
        case .accent: return pair(n, Int16(COLOR_YELLOW), -1) | bold
        case .warning: return pair(n, Int16(COLOR_YELLOW), -1)
        case .danger: return pair(n, Int16(COLOR_RED), -1) | bold
        case .good: return pair(n, Int16(COLOR_GREEN), -1)
        case .bar: return pair(n, Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        case .barActive: return pair(n, Int16(COLOR_BLACK), Int16(COLOR_YELLOW)) | bold
        case .border: return pair(n, Int16(COLOR_BLUE), -1)
        case .borderFocused: return pair(n, Int16(COLOR_CYAN), -1) | bold
        }
    }
}

/// Monotonic microseconds, for the key trace.
public func monotonicMicroseconds() -> Int64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Int64(t.tv_sec) * 1_000_000 + Int64(t.tv_nsec) / 1000
}
