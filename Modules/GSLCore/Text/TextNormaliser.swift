/// Normalises the text people type into Chinese forms and spreadsheets.
public enum TextNormaliser {
    /// Full-width ASCII (`１２３`, `ＡＢＣ`, `，`, `．`) and the ideographic space turned half-width;
    /// other characters unchanged. Chinese full stops and brackets in names are kept.
    public static func halfWidth(_ text: String) -> String {
        // Fast path: U+3000 is E3 80 80 and U+FF01…U+FF5E start EF BC or EF BD in UTF-8.
        let mayNeedWork = UTF8Scan.withBytes(text) { bytes -> Bool in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0xE3, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                    return true
                }
                if byte == 0xEF, index + 1 < count, bytes[index + 1] == 0xBC || bytes[index + 1] == 0xBD {
                    return true
                }
                index += 1
            }
            return false
        }
        guard mayNeedWork else { return text }
        return halfWidthFully(text)
    }

    /// `halfWidth(_:)` over scalars (the reference for the fast path).
    static func halfWidthFully(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars
        where scalar.value >= 0x3000 && (scalar.value == 0x3000 || (0xFF01...0xFF5E).contains(scalar.value)) {
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
        // Fast path: nothing to do when no character is whitespace, or when the text is ASCII with
        // single spaces between words only.
        let untouched = UTF8Scan.withBytes(text) { bytes -> Bool in
            var previousSpace = true  // a leading space needs work
            var ascii = true
            for byte in bytes {
                if byte >= 0x80 {
                    ascii = false
                } else if byte == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                    continue
                } else if UTF8Scan.isASCIIWhitespace(byte) {
                    return false
                }
                previousSpace = false
            }
            if ascii { return !(previousSpace && !bytes.isEmpty) }
            // Non-ASCII: a character is whitespace when its first scalar is, and a space may start a
            // cluster with a combining mark. Safe: no whitespace scalar but single U+0020 spaces, each
            // between two scalars that neither join a cluster with it nor are whitespace (printable
            // ASCII, CJK unified ideographs, full-width forms).
            func plain(_ value: UInt32) -> Bool {
                (0x21...0x7E).contains(value) || (0x4E00...0x9FFF).contains(value)
                    || (0xFF01...0xFF5E).contains(value)
            }
            var previous: UInt32 = 0x20
            var spaceAfterPlain = false
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if spaceAfterPlain {
                    guard plain(value) else { return false }
                    spaceAfterPlain = false
                } else if value == 0x20 {
                    guard plain(previous) else { return false }
                    spaceAfterPlain = true
                } else if UTF8Scan.isWhitespace(scalar: value) {
                    return false
                }
                previous = value
            }
            return !spaceAfterPlain
        }
        if untouched { return text }
        return collapseSpacesFully(text)
    }

    /// `collapseSpaces(_:)` over characters (the reference for the fast path).
    static func collapseSpacesFully(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Half-width, trimmed, with thousands separators (`,` `，`) removed: for numbers typed by hand.
    public static func numeric(_ text: String) -> String {
        // Fast path: ASCII text is half-width already, and removing the ASCII `,` and space is a
        // byte filter (neither can join another byte into one character).
        let ascii = UTF8Scan.withBytes(text) { bytes -> (isASCII: Bool, needsRemoval: Bool) in
            var needsRemoval = false
            for byte in bytes {
                if byte >= 0x80 { return (false, false) }
                if byte == 0x2C || byte == 0x20 { needsRemoval = true }
            }
            return (true, needsRemoval)
        }
        if ascii.isASCII {
            guard ascii.needsRemoval else { return text }
            return String(decoding: text.utf8.filter { $0 != 0x2C && $0 != 0x20 }, as: UTF8.self)
        }
        return numericFully(text)
    }

    /// `numeric(_:)` over characters (the reference for the fast path).
    static func numericFully(_ text: String) -> String {
        var t = halfWidth(text)
        t.removeAll { $0 == "," || $0 == "，" || $0 == " " || $0 == "\u{00A0}" }
        return t
    }
}
