import GSLCore

/// Text cut and padded to terminal columns by display width (a CJK character takes two): a cut
/// ends in `…` and never splits a wide character; the result is exactly `width` columns.
public enum TextFit {
    /// `text` in exactly `width` columns: truncated with an ellipsis when longer, padded with
    /// spaces when shorter (on the left when `right`).
    public static func fit(_ text: String, _ width: Int, right: Bool = false) -> String {
        guard width > 0 else { return "" }
        let clean = sanitized(text)
        return DisplayWidth.pad(DisplayWidth.truncate(clean, to: width), to: width, right: right)
    }

    /// `text` cut to at most `width` columns (ellipsis when cut), not padded.
    public static func clip(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        return DisplayWidth.truncate(sanitized(text), to: width)
    }

    /// Display width of `text`.
    public static func width(_ text: String) -> Int { DisplayWidth.of(text) }

    /// Control characters (tabs, newlines) as spaces: one cell each, never a cursor move.
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return text
        }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// Lines of `text` wrapped at `width` columns by display width (wide characters never split).
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for c in sanitized(String(paragraph)) {
                let w = DisplayWidth.of(c)
                if used + w > width {
                    out.append(line)
                    line = ""
                    used = 0
                }
                line.append(c)
                used += w
            }
            out.append(line)
        }
        return out
    }
}
