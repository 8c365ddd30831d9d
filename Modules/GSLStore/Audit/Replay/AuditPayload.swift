import GRDB
import GSLCore

/// The `before`/`after` text of an audit entry read back into values: a row object written by
/// `AuditJSON.object` (`{"column":value,…}`), or a batch of rows written by `Mutation.writeRows` and
/// `BulkInsert` (`{"columns":[…],"rows":[[…],…]}`). Numbers keep their SQLite type: `AuditJSON`
/// writes integers without a point or exponent and doubles always with one (`3.0`, `1e-07`).
enum AuditPayload: Equatable {
    /// One row: column and value pairs.
    case row([(String, DatabaseValue)])
    /// Several rows over the same columns.
    case rows(columns: [String], rows: [[DatabaseValue]])

    /// Equality of the columns and values, in order.
    static func == (a: AuditPayload, b: AuditPayload) -> Bool {
        switch (a, b) {
        case (.row(let x), .row(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        case (.rows(let c1, let r1), .rows(let c2, let r2)): c1 == c2 && r1 == r2
        default: false
        }
    }

    /// Reads `text` with GSLCore's JSON reader; nil when it is not an object of scalar values or a
    /// batch.
    static func parse(_ text: String) -> AuditPayload? {
        guard let root = try? ConfigJSON.parse(text), case .object(let entries) = root.value else {
            return nil
        }
        if entries.count == 2, entries[0].key == "columns", entries[1].key == "rows",
            case .array(let names) = entries[0].value.value, case .array(let list) = entries[1].value.value
        {
            var columns: [String] = []
            for name in names {
                guard case .string(let text, _) = name.value else { return nil }
                columns.append(text)
            }
            var rows: [[DatabaseValue]] = []
            rows.reserveCapacity(list.count)
            for item in list {
                guard case .array(let cells) = item.value, cells.count == columns.count else { return nil }
                var row: [DatabaseValue] = []
                row.reserveCapacity(cells.count)
                for cell in cells {
                    guard let value = scalar(cell) else { return nil }
                    row.append(value)
                }
                rows.append(row)
            }
            return .rows(columns: columns, rows: rows)
        }
        var row: [(String, DatabaseValue)] = []
        for entry in entries {
            guard let value = scalar(entry.value) else { return nil }
            row.append((entry.key, value))
        }
        return .row(row)
    }

    /// A scalar node as the database value `AuditJSON` wrote it from: a number without a point or
    /// exponent is an integer, with one a double; `true`/`false` are 1/0; nil for a list or object.
    private static func scalar(_ node: ConfigNode) -> DatabaseValue? {
        switch node.value {
        case .null: return .null
        case .bool(let b): return (b ? 1 : 0).databaseValue
        case .string(let text, _): return text.databaseValue
        case .number(let text):
            let isDouble = text.contains { $0 == "." || $0 == "e" || $0 == "E" }
            if !isDouble, let integer = Int64(text) { return integer.databaseValue }
            return Double(text).map(\.databaseValue)
        case .array, .object: return nil
        }
    }
}
