import GSLCore

/// JSON spelling of strings and numbers, kept deterministic.
public enum JSONText {
    /// `text` as a JSON string literal; non-ASCII kept as is, controls escaped.
    public static func quoted(_ text: String) -> String { JSONString.quoted(text) }

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
