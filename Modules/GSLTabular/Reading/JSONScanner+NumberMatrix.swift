/// Fast reading of dense number matrices (`[[1, 2.5, null], …]`), alone or as one member of an
/// object, for solver instances of millions of entries. These readers return nil rather than
/// explain: a caller that gets nil decodes the document the slow way, which names the problem.
extension JSONScanner {
    /// A top-level `[[…], …]` of numbers and nulls (null → `missing`), rows of equal length.
    static func numberMatrix(_ bytes: [UInt8], missing: Double = .nan) -> NumberMatrix? {
        var scanner = JSONScanner(bytes + [0], path: "")
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.i = 3 }
        guard let matrix = scanner.readNumberRows(missing: missing) else { return nil }
        scanner.skipSpace()
        return scanner.i == scanner.bytes.count - 1 ? matrix : nil
    }

    /// A top-level object whose member `key` is a number matrix: the matrix, and the object without
    /// that member (as JSON text, for decoding the small rest the usual way).
    static func numberMatrixMember(_ bytes: [UInt8], key: String, missing: Double = .nan)
        -> (matrix: NumberMatrix, rest: [UInt8])?
    {
        var scanner = JSONScanner(bytes + [0], path: "")
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.i = 3 }
        let end = scanner.bytes.count - 1
        scanner.skipSpace()
        guard scanner.i < end, scanner.bytes[scanner.i] == UInt8(ascii: "{") else { return nil }
        scanner.i += 1
        var matrix: NumberMatrix? = nil
        var rest: [UInt8] = [UInt8(ascii: "{")]
        scanner.skipSpace()
        if scanner.i < end && scanner.bytes[scanner.i] == UInt8(ascii: "}") { return nil }
        while true {
            scanner.skipSpace()
            guard scanner.i < end, scanner.bytes[scanner.i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = scanner.i
            guard let name = try? scanner.readString() else { return nil }
            let keyEnd = scanner.i
            scanner.skipSpace()
            guard scanner.i < end, scanner.bytes[scanner.i] == UInt8(ascii: ":") else { return nil }
            scanner.i += 1
            scanner.skipSpace()
            if name == key {
                guard matrix == nil, let read = scanner.readNumberRows(missing: missing) else { return nil }
                matrix = read
            } else {
                let valueStart = scanner.i
                guard scanner.skipValue(depth: 0) else { return nil }
                if rest.count > 1 { rest.append(UInt8(ascii: ",")) }
                rest += scanner.bytes[keyStart..<keyEnd]
                rest.append(UInt8(ascii: ":"))
                rest += scanner.bytes[valueStart..<scanner.i]
            }
            scanner.skipSpace()
            guard scanner.i < end else { return nil }
            if scanner.bytes[scanner.i] == UInt8(ascii: ",") {
                scanner.i += 1
                continue
            }
            guard scanner.bytes[scanner.i] == UInt8(ascii: "}") else { return nil }
            scanner.i += 1
            break
        }
        scanner.skipSpace()
        guard scanner.i == end, let matrix else { return nil }
        rest.append(UInt8(ascii: "}"))
        return (matrix, rest)
    }

    /// Reads `[[…], …]` at the read position; the bytes must end with a NUL sentinel.
    mutating func readNumberRows(missing: Double) -> NumberMatrix? {
        let end = bytes.count - 1
        var k = i
        var values: [Double] = []
        var rows = 0
        var columns = -1
        let ok: Bool = bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            @inline(__always) func space() {
                while k < end {
                    let b = base[k]
                    guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                    k += 1
                }
            }
            space()
            guard k < end, base[k] == UInt8(ascii: "[") else { return false }
            k += 1
            space()
            if k < end && base[k] == UInt8(ascii: "]") {
                k += 1
                columns = 0
                return true
            }
            while true {
                space()
                guard k < end, base[k] == UInt8(ascii: "[") else { return false }
                k += 1
                var count = 0
                space()
                if k < end && base[k] == UInt8(ascii: "]") {
                    k += 1
                } else {
                    while true {
                        space()
                        guard k < end else { return false }
                        if base[k] == UInt8(ascii: "n") {
                            guard k + 4 <= end, base[k + 1] == UInt8(ascii: "u"),
                                base[k + 2] == UInt8(ascii: "l"),
                                base[k + 3] == UInt8(ascii: "l")
                            else { return false }
                            values.append(missing)
                            k += 4
                        } else {
                            guard let (value, next) = DecimalScanner.scan(base, k, end) else { return false }
                            values.append(value)
                            k = next
                        }
                        count += 1
                        space()
                        guard k < end else { return false }
                        if base[k] == UInt8(ascii: ",") {
                            k += 1
                            continue
                        }
                        guard base[k] == UInt8(ascii: "]") else { return false }
                        k += 1
                        break
                    }
                }
                if columns < 0 {
                    columns = count
                    values.reserveCapacity(count * max(count, 1))
                }
                guard count == columns else { return false }
                rows += 1
                space()
                guard k < end else { return false }
                if base[k] == UInt8(ascii: ",") {
                    k += 1
                    continue
                }
                guard base[k] == UInt8(ascii: "]") else { return false }
                k += 1
                return true
            }
        }
        guard ok else { return nil }
        i = k
        return NumberMatrix(rows: rows, columns: max(columns, 0), values: values)
    }

    /// Skips any JSON value at the read position; false when it is malformed (roughly checked: the
    /// caller decodes what it keeps).
    mutating func skipValue(depth: Int) -> Bool {
        let end = bytes.count - 1
        guard depth < 64, i < end else { return false }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            return (try? readString()) != nil
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let close = bytes[i] == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            let isObject = close == UInt8(ascii: "}")
            i += 1
            skipSpace()
            if i < end && bytes[i] == close {
                i += 1
                return true
            }
            while true {
                skipSpace()
                if isObject {
                    guard i < end, bytes[i] == UInt8(ascii: "\""), (try? readString()) != nil else {
                        return false
                    }
                    skipSpace()
                    guard i < end, bytes[i] == UInt8(ascii: ":") else { return false }
                    i += 1
                    skipSpace()
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                guard i < end else { return false }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard bytes[i] == close else { return false }
                i += 1
                return true
            }
        case UInt8(ascii: "t"): return (try? expectWord("true")) != nil
        case UInt8(ascii: "f"): return (try? expectWord("false")) != nil
        case UInt8(ascii: "n"): return (try? expectWord("null")) != nil
        default:
            let next: Int? = bytes.withUnsafeBufferPointer { DecimalScanner.scan($0.baseAddress!, i, end)?.1 }
            guard let next else { return false }
            i = next
            return true
        }
    }
}
