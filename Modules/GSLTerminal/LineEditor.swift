/// A one-line text input (search, command line, prompts): characters, CJK included, are inserted
/// at the cursor; Backspace, ←/→, Home/End, ^U (clear) edit.
public struct LineEditor: Sendable {
    /// The text typed so far.
    public var text: String = ""
    /// Cursor, in characters.
    public var cursor = 0

    /// An editor with `text`, cursor at the end.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// What a key did.
    public enum Outcome: Sendable, Equatable {
        case editing, submitted, cancelled
    }

    /// Applies a key.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .submitted
        case .escape, .control("c"), .control("g"): return .cancelled
        case .backspace:
            if cursor > 0 {
                let i = text.index(text.startIndex, offsetBy: cursor - 1)
                text.remove(at: i)
                cursor -= 1
            }
        case .delete:
            if cursor < text.count { text.remove(at: text.index(text.startIndex, offsetBy: cursor)) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text = ""
            cursor = 0
        case .character(let c):
            text.insert(c, at: text.index(text.startIndex, offsetBy: cursor))
            cursor += 1
        default: break
        }
        return .editing
    }

    /// Draws `prompt` and the text on one row, with the cursor shown as a reversed cell; scrolls
    /// so the cursor stays visible.
    public func draw(_ canvas: Canvas, row: Int, prompt: String) {
        canvas.text(row, 0, "", .normal, width: canvas.width)
        canvas.text(row, 0, prompt, .heading)
        let start = TextFit.width(prompt)
        let room = canvas.width - start - 1
        guard room > 0 else { return }
        let chars = Array(text)
        var first = 0
        while TextFit.width(String(chars[first..<cursor])) > room { first += 1 }
        let before = String(chars[first..<cursor])
        let after = cursor < chars.count ? String(chars[cursor...]) : ""
        canvas.text(row, start, before)
        let x = start + TextFit.width(before)
        let under = cursor < chars.count ? String(chars[cursor]) : " "
        canvas.text(row, x, under, .selected)
        let rest = after.isEmpty ? "" : String(after.dropFirst())
        canvas.text(row, x + TextFit.width(under), rest)
    }
}
