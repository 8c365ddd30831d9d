/// CSV spelling of fields: RFC 4180 quoting and protection against spreadsheet formulas.
enum CSVText {
    /// A cell as a CSV field; text that a spreadsheet would run as a formula gets a leading `'`.
    static func field(_ cell: Cell) -> String {
        guard case .text(let text) = cell else { return quoted(cell.plainText) }
        return quoted(defused(text))
    }

    /// `text` with a leading `'` when it starts with `=`, `+`, `-`, `@`, tab or CR and is not a plain number.
    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first,
            first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
        else { return text }
        return isPlainNumber(text) ? text : "'" + text
    }

    /// `text` quoted when it holds a comma, quote, CR, LF or leading/trailing space.
    static func quoted(_ text: String) -> String {
        var needsQuotes = false
        for byte in text.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A {
            needsQuotes = true
            break
        }
        if !needsQuotes, let first = text.utf8.first, let last = text.utf8.last {
            // Bytes first; only a non-ASCII end needs the (slower) Character check.
            needsQuotes =
                first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
                || (first >= 0x80 && text.first!.isWhitespace) || (last >= 0x80 && text.last!.isWhitespace)
        }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// True for `-12`, `+3.5`, `-0.25`: a sign, digits and at most one decimal point.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        var points = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "+" where offset == 0, "-" where offset == 0: continue
            case "0"..."9": digits += 1
            case ".": points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
