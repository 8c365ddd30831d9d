import GRDB

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

    /// Reads `text`; nil when it is not an object of scalar values or a batch.
    static func parse(_ text: String) -> AuditPayload? {
        var parser = Parser(bytes: Array(text.utf8))
        guard let value = parser.value(), parser.atEnd, case .object(let pairs) = value else { return nil }
        if pairs.count == 2, pairs[0].0 == "columns", pairs[1].0 == "rows",
            case .array(let names) = pairs[0].1, case .array(let list) = pairs[1].1
        {
            var columns: [String] = []
            for name in names {
                guard case .scalar(let value) = name, case .string(let text) = value.storage else {
                    return nil
                }
                columns.append(text)
            }
            var rows: [[DatabaseValue]] = []
            rows.reserveCapacity(list.count)
            for item in list {
                guard case .array(let cells) = item, cells.count == columns.count else { return nil }
                var row: [DatabaseValue] = []
                row.reserveCapacity(cells.count)
                for cell in cells {
                    guard case .scalar(let value) = cell else { return nil }
                    row.append(value)
                }
                rows.append(row)
            }
            return .rows(columns: columns, rows: rows)
        }
        var row: [(String, DatabaseValue)] = []
        for (key, value) in pairs {
            guard case .scalar(let scalar) = value else { return nil }
            row.append((key, scalar))
        }
        return .row(row)
    }

    /// A parsed JSON value: scalars become database values at once.
    private indirect enum Value {
        case scalar(DatabaseValue)
        case array([Value])
        case object([(String, Value)])
    }

    /// A small strict JSON reader over UTF-8 bytes.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool {
            mutating get {
                skipSpace()
                return index == bytes.count
            }
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> Value? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var pairs: [(String, Value)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(pairs)
                }
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let item = value() else { return nil }
                    pairs.append((key, item))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        return .object(pairs)
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [Value] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        return .array(items)
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "\""):
                return string().map { .scalar($0.databaseValue) }
            case UInt8(ascii: "n"): return literal("null", .null)
            case UInt8(ascii: "t"): return literal("true", 1.databaseValue)
            case UInt8(ascii: "f"): return literal("false", 0.databaseValue)
            default: return number()
            }
        }

        mutating func literal(_ word: String, _ value: DatabaseValue) -> Value? {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count,
                Array(bytes[index..<index + expected.count]) == expected
            else { return nil }
            index += expected.count
            return .scalar(value)
        }

        mutating func number() -> Value? {
            let start = index
            var isDouble = false
            while index < bytes.count {
                let byte = bytes[index]
                if (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                    index += 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                {
                    isDouble = true
                    index += 1
                } else {
                    break
                }
            }
            guard index > start else { return nil }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if !isDouble, let integer = Int64(text) { return .scalar(integer.databaseValue) }
            return Double(text).map { .scalar($0.databaseValue) }
        }

        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(scalar) {
                            // A surrogate pair: `\uD83D\uDE00`.
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                                bytes[index + 1] == UInt8(ascii: "u")
                            else { return nil }
                            index += 2
                            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { return nil }
                        out.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default: return nil
                    }
                default:
                    out.append(byte)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count,
                let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { return nil }
            index += 4
            return value
        }
    }
}
