import GSLCore

/// Brings header texts to one comparable form: half-width, lower-case, no spaces, `_` or `-`,
/// and no trailing unit in brackets (`营业收入（万元）` → `营业收入`).
enum HeaderNormaliser {
    /// The comparable form of a header text or alias.
    static func normalise(_ text: String) -> String {
        var t = TextNormaliser.halfWidth(text).lowercased()
        t.removeAll { $0.isWhitespace || $0 == "_" || $0 == "-" || $0 == "\u{FEFF}" }
        let pairs: [(open: Character, close: Character)] = [("(", ")"), ("[", "]"), ("【", "】"), ("〔", "〕")]
        for pair in pairs where t.last == pair.close {
            if let open = t.lastIndex(of: pair.open), open != t.startIndex {
                t = String(t[..<open])
            }
            break
        }
        return t
    }
}
