/// One value in a rendered table.
public enum Cell: Sendable, Equatable {
    /// Text, shown as is.
    case text(String)
    /// A whole number.
    case int(Int64)
    /// A real number, printed shortest round-trip; non-finite values print as null.
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// No value: empty in tables and CSV, `null` in JSON.
    case null

    /// Whether the cell holds a number (numeric columns are right-aligned).
    var isNumeric: Bool {
        switch self {
        case .int, .double: true
        default: false
        }
    }

    /// The text shown in tables and CSV: plain decimals (no exponent), null and non-finite empty.
    var plainText: String {
        switch self {
        case .text(let text): text
        case .int(let value): String(value)
        case .double(let value): value.isFinite ? PlainDecimal.format(value.description) : ""
        case .bool(let value): value ? "true" : "false"
        case .null: ""
        }
    }

    /// The JSON value: strings escaped, doubles shortest round-trip, non-finite as null.
    var jsonText: String {
        switch self {
        case .text(let text): JSONText.quoted(text)
        case .int(let value): String(value)
        case .double(let value): value.isFinite ? JSONText.number(value) : "null"
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        }
    }
}
