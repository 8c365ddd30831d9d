import Foundation
import GSLTabular

/// A JSON value built in order, for outputs that are more than one flat record or list: keys keep
/// the order given, numbers are shortest round-trip; a non-finite number prints as a cell does
/// (`"Infinity"`, `"-Infinity"`, `"NaN"`), and `null` means missing.
indirect enum JSONValue {
    case string(String)
    case number(Double)
    case int(Int64)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A cell's value.
    init(_ cell: Cell) {
        switch cell {
        case .text(let t): self = .string(t)
        case .int(let i): self = .int(i)
        case .double(let d), .measure(let d, _): self = .number(d)
        case .bool(let b): self = .bool(b)
        case .null: self = .null
        }
    }

    /// A number, or null when missing (nil, or NaN: the index engine's missing value).
    static func optional(_ x: Double?) -> JSONValue {
        guard let x, !x.isNaN else { return .null }
        return .number(x)
    }

    /// The text: indented by two spaces when `pretty`, else on one line.
    func render(pretty: Bool, indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .string(let t): return JSONText.quoted(t)
        case .number(let d): return Cell.double(d).jsonText
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if !pretty { return "[" + items.map { $0.render(pretty: false) }.joined(separator: ",") + "]" }
            return "[\n"
                + items.map { inner + $0.render(pretty: true, indent: inner) }.joined(separator: ",\n")
                + "\n\(indent)]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            if !pretty {
                return "{"
                    + pairs.map { JSONText.quoted($0.0) + ":" + $0.1.render(pretty: false) }
                    .joined(separator: ",") + "}"
            }
            return "{\n"
                + pairs.map {
                    inner + JSONText.quoted($0.0) + ": " + $0.1.render(pretty: true, indent: inner)
                }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }
}

extension Output {
    /// Writes one JSON document (pretty for `json`, one line for `ndjson`).
    func document(_ value: JSONValue) {
        line(value.render(pretty: format == .json))
    }

    /// Whether the output is JSON or NDJSON.
    var isJSON: Bool { format == .json || format == .ndjson }

    /// A number cell: rounded to `digits` decimals in tables (for reading), exact in CSV and JSON.
    func number(_ x: Double, digits: Int = 4) -> Cell {
        guard format == .table, x.isFinite else { return .double(x) }
        let scale = pow(10.0, Double(digits))
        return .double((x * scale).rounded() / scale)
    }
}
