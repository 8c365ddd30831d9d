/// One value in a rendered table.
public enum Cell: Sendable, Equatable {
    /// Text, shown as is.
    case text(String)
    /// A whole number.
    case int(Int64)
    /// A real number, printed shortest round-trip; non-finite values print as `Infinity`,
    /// `-Infinity` or `NaN` (JSON strings), never as null, which means missing.
    case double(Double)
    /// A measured real number: tables show it rounded to `places` decimals for reading; CSV, JSON
    /// and NDJSON print it exactly (shortest round-trip), like `double`.
    case measure(Double, places: Int)
    /// A boolean.
    case bool(Bool)
    /// No value: empty in tables and CSV, `null` in JSON.
    case null

    /// Whether the cell holds a number (numeric columns are right-aligned).
    var isNumeric: Bool {
        switch self {
        case .int, .double, .measure: true
        default: false
        }
    }

    /// The exact text of CSV: plain decimals (no exponent), null empty, non-finite spelt out.
    var plainText: String {
        switch self {
        case .text(let text): text
        case .int(let value): String(value)
        case .double(let value), .measure(let value, _):
            value.isFinite ? PlainDecimal.format(value.description) : Self.nonFinite(value)
        case .bool(let value): value ? "true" : "false"
        case .null: ""
        }
    }

    /// The text shown in tables: as `plainText`, with measures rounded to their places.
    var tableText: String {
        guard case .measure(let value, let places) = self, value.isFinite else { return plainText }
        let scale = pow10(places)
        let rounded = (value * scale).rounded() / scale
        return PlainDecimal.format((rounded == 0 ? 0 : rounded).description)
    }

    /// The JSON value: strings escaped, doubles shortest round-trip, non-finite as the strings
    /// `"Infinity"`, `"-Infinity"` and `"NaN"` (JSON has no such numbers; null means missing).
    public var jsonText: String {
        switch self {
        case .text(let text): JSONText.quoted(text)
        case .int(let value): String(value)
        case .double(let value), .measure(let value, _):
            value.isFinite ? JSONText.number(value) : JSONText.quoted(Self.nonFinite(value))
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        }
    }

    /// `Infinity`, `-Infinity` or `NaN`.
    static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity"
    }

    private func pow10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<max(0, n) { x *= 10 }
        return x
    }
}
