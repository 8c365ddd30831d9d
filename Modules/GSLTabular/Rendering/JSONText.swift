/// JSON spelling of strings and numbers, kept deterministic.
public enum JSONText {
    /// `text` as a JSON string literal; non-ASCII kept as is, controls escaped.
    public static func quoted(_ text: String) -> String {
        // Most text needs no escaping: check the bytes once and copy it whole.
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
            plain = false
            break
        }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// A finite double, shortest round-trip: `1.5`, `3.0`, `1e-07`, `1e+20`.
    static func number(_ value: Double) -> String {
        if value == 0 { return "0.0" }
        return value.description
    }

    /// An object `{"k":v,...}` with keys in byte order of their UTF-8 spelling.
    static func object(_ pairs: [(key: String, value: String)], pretty: Bool = false) -> String {
        let sorted = pairs.enumerated().sorted { a, b in
            if a.element.key == b.element.key { return a.offset < b.offset }
            return a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
        }.map(\.element)
        if pretty {
            if sorted.isEmpty { return "{}" }
            return "{\n" + sorted.map { "  \(quoted($0.key)): \($0.value)" }.joined(separator: ",\n") + "\n}"
        }
        return "{" + sorted.map { "\(quoted($0.key)):\($0.value)" }.joined(separator: ",") + "}"
    }
}
