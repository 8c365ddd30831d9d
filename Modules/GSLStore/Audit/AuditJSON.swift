import GRDB
import GSLTabular

/// Compact JSON with keys in a fixed (sorted) order, written by hand so that audit hashing is stable
/// and fast on bulk imports.
public enum AuditJSON {
    /// A JSON object from column/value pairs, keys sorted.
    public static func object(_ pairs: [(String, DatabaseValue)]) -> String {
        var out = "{"
        var first = true
        for (key, value) in pairs.sorted(by: { $0.0 < $1.0 }) {
            if !first { out += "," }
            first = false
            appendString(key, to: &out)
            out += ":"
            appendValue(value, to: &out)
        }
        out += "}"
        return out
    }

    /// A JSON object from a fetched row, keys sorted.
    static func object(_ row: Row) -> String {
        object(row.columnNames.map { ($0, row[$0] as DatabaseValue) })
    }

    static func appendValue(_ value: DatabaseValue, to out: inout String) {
        switch value.storage {
        case .null: out += "null"
        case .int64(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): appendString(s, to: &out)
        case .blob(let data): appendString(data.base64EncodedString(), to: &out)
        }
    }

    static func appendString(_ s: String, to out: inout String) {
        out += JSONText.quoted(s)
    }
}
