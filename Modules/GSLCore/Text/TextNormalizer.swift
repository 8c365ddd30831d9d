/// Normalises the text people type into Chinese forms and spreadsheets.
public enum TextNormalizer {
    /// Full-width ASCII (`１２３`, `ＡＢＣ`, `，`, `．`) and the ideographic space turned half-width;
    /// other characters unchanged. Chinese full stops and brackets in names are kept.
    public static func halfWidth(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar.value >= 0x3000 && (scalar.value == 0x3000 || (0xFF01...0xFF5E).contains(scalar.value)) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3000: scalars.append(" ")
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Runs of whitespace collapsed to one space, ends trimmed.
    public static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Half-width, trimmed, with thousands separators (`,` `，`) removed: for numbers typed by hand.
    public static func numeric(_ text: String) -> String {
        var t = halfWidth(text)
        t.removeAll { $0 == "," || $0 == "，" || $0 == " " || $0 == "\u{00A0}" }
        return t
    }
}
