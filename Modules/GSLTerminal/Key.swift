/// A key press as the screens see it: a character (a CJK character arrives whole) or a named key.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Function key n.
    case function(Int)
    /// The terminal changed size.
    case resize
    /// Ctrl plus a letter (lowercase), other than the named keys above.
    case control(Character)
    /// Another key code.
    case other(Int32)

    /// The key as written in help and traces (`j`, `↑`, `Enter`, `^C`).
    public var name: String {
        switch self {
        case .character(let c): c == " " ? "Space" : String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        case .resize: "resize"
        case .control(let c): "^" + String(c).uppercased()
        case .other(let n): "key\(n)"
        }
    }

    /// Up, with k as its vi synonym (and so on for hjkl): what list movement uses.
    public var isUp: Bool { self == .up || self == .character("k") }
    /// Down or j.
    public var isDown: Bool { self == .down || self == .character("j") }
    /// Left or h.
    public var isLeft: Bool { self == .left || self == .character("h") }
    /// Right or l.
    public var isRight: Bool { self == .right || self == .character("l") }
}
