import Foundation
import GSLCore

/// Reads a dense number matrix from CSV or NumPy `.npy` bytes, refusing anything else with the
/// file and the place (line and column, or the header field).
public enum NumberMatrixReader {
    /// A JSON `[[…], …]` of numbers and nulls (null → `missing`), or nil when the bytes are not
    /// exactly that (decode them the slow way to learn why).
    public static func json(_ bytes: [UInt8], missing: Double = .nan) -> NumberMatrix? {
        JSONScanner.numberMatrix(bytes, missing: missing)
    }

    /// A JSON object whose member `key` is such a matrix: the matrix and the object without that
    /// member (JSON text); nil when the bytes are not exactly that.
    public static func json(_ bytes: [UInt8], member key: String, missing: Double = .nan)
        -> (matrix: NumberMatrix, rest: [UInt8])?
    {
        JSONScanner.numberMatrixMember(bytes, key: key, missing: missing)
    }

    /// A CSV of numbers: one matrix row per line, cells separated by commas, no header row. An empty
    /// cell is `missing`; a UTF-8 BOM and blank lines at the end are ignored.
    public static func csv(_ bytes: [UInt8], path: String, missing: Double = .nan) throws(GSLError)
        -> NumberMatrix
    {
        var values: [Double] = []
        var rows = 0
        var columns = -1
        let data = bytes + [0]
        let end = bytes.count
        var failure: GSLError? = nil
        data.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var k = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
            var line = 1
            while k < end {
                let lineStart = k
                var count = 0
                var blank = true
                while true {
                    // One cell: optional spaces, a number or nothing, optional spaces.
                    while k < end && (base[k] == 0x20 || base[k] == 0x09) { k += 1 }
                    var quoted = false
                    if k < end && base[k] == 0x22 {
                        quoted = true
                        k += 1
                    }
                    if k < end && base[k] != 0x2C && base[k] != 0x0A && base[k] != 0x0D && base[k] != 0x22 {
                        blank = false
                        guard let (value, next) = DecimalScanner.scan(base, k, end) else {
                            failure = notANumber(base, k, end, lineStart: lineStart, line: line, path: path)
                            return
                        }
                        values.append(value)
                        k = next
                    } else {
                        values.append(missing)
                    }
                    if quoted {
                        guard k < end, base[k] == 0x22 else {
                            failure = notANumber(base, k, end, lineStart: lineStart, line: line, path: path)
                            return
                        }
                        k += 1
                    }
                    while k < end && (base[k] == 0x20 || base[k] == 0x09) { k += 1 }
                    count += 1
                    if k < end && base[k] == 0x2C {
                        blank = false
                        k += 1
                        continue
                    }
                    if k >= end || base[k] == 0x0A || base[k] == 0x0D { break }
                    failure = notANumber(base, k, end, lineStart: lineStart, line: line, path: path)
                    return
                }
                if k < end && base[k] == 0x0D { k += 1 }
                if k < end && base[k] == 0x0A { k += 1 }
                if blank && count == 1 {
                    // A blank line: allowed only at the end.
                    values.removeLast()
                    var rest = k
                    while rest < end && (base[rest] == 0x0A || base[rest] == 0x0D || base[rest] == 0x20) {
                        rest += 1
                    }
                    if rest < end {
                        failure = GSLError.data(
                            "矩阵中有空行", en: "blank line inside the matrix",
                            at: SourceLocation(file: path, line: line))
                        return
                    }
                    k = rest
                    break
                }
                if columns < 0 {
                    columns = count
                    values.reserveCapacity(count * count)
                } else if count != columns {
                    failure = GSLError.data(
                        "第 \(line) 行有 \(count) 列，第 1 行有 \(columns) 列",
                        en: "line \(line) has \(count) cells, line 1 has \(columns)",
                        at: SourceLocation(file: path, line: line))
                    return
                }
                rows += 1
                line += 1
            }
        }
        if let failure { throw failure }
        return NumberMatrix(rows: rows, columns: max(columns, 0), values: values)
    }

    /// The error for a cell that is not a number, naming its line and character column.
    private static func notANumber(
        _ base: UnsafePointer<UInt8>, _ k: Int, _ end: Int, lineStart: Int, line: Int, path: String
    ) -> GSLError {
        var cellStart = k
        while cellStart > lineStart && base[cellStart - 1] != 0x2C { cellStart -= 1 }
        var cellEnd = k
        while cellEnd < end && base[cellEnd] != 0x2C && base[cellEnd] != 0x0A && base[cellEnd] != 0x0D {
            cellEnd += 1
        }
        let cell = String(
            decoding: UnsafeBufferPointer(start: base + cellStart, count: cellEnd - cellStart), as: UTF8.self
        )
        .trimmingCharacters(in: [" ", "\t"])
        var column = 1
        for offset in lineStart..<cellStart where base[offset] & 0xC0 != 0x80 { column += 1 }
        // Text on line 1 is most likely a header row; a number out of range is not.
        let looksLikeText = !(cell.first.map { "0123456789+-.".contains($0) } ?? true)
        let hint = line == 1 && looksLikeText ? "（矩阵不带表头行）" : ""
        let hintEn = line == 1 && looksLikeText ? " (the matrix has no header row)" : ""
        return GSLError.data(
            "“\(cell)”不是数字\(hint)", en: "\"\(cell)\" is not a number\(hintEn)",
            at: SourceLocation(file: path, line: line, column: column)
        ).because(.matrixCellNotANumber)
    }

    /// A NumPy `.npy` file of a 2-D float64 or int64 array in C order (little-endian). A non-finite
    /// float is `missing`; an int64 beyond ±2^53 (not exact as a double), other element types,
    /// Fortran order and other shapes are refused.
    public static func npy(_ bytes: [UInt8], path: String, missing: Double = .nan) throws(GSLError)
        -> NumberMatrix
    {
        func refuse(_ zh: String, _ en: String) -> GSLError {
            GSLError.data(
                "NumPy 文件无法使用：\(zh)", en: "unusable NumPy file: \(en)", at: SourceLocation(file: path))
        }
        let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw refuse("不是 .npy 格式（开头应为 \\x93NUMPY）", "not in .npy format (no \\x93NUMPY magic)")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw refuse("文件被截断", "the file is truncated") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw refuse("不支持的版本 \(major)", "unsupported format version \(major)")
        }
        guard bytes.count >= headerStart + headerLength else {
            throw refuse("文件被截断", "the file is truncated")
        }
        let header = String(decoding: bytes[headerStart..<headerStart + headerLength], as: UTF8.self)
        func entry(_ key: String) -> Substring? {
            guard let range = header.range(of: "'\(key)':") else { return nil }
            return header[range.upperBound...].drop(while: { $0 == " " })
        }
        guard let descrText = entry("descr"), let quote = descrText.first, quote == "'" || quote == "\"",
            let close = descrText.dropFirst().firstIndex(of: quote)
        else { throw refuse("头部缺少 descr", "no descr in the header") }
        let descr = String(descrText[descrText.index(after: descrText.startIndex)..<close])
        let isFloat: Bool
        switch descr {
        case "<f8", "=f8", "f8", "float64": isFloat = true
        case "<i8", "=i8", "i8", "int64": isFloat = false
        default:
            throw refuse(
                "元素类型 \(descr) 不受支持（只接受 float64 <f8 或 int64 <i8）",
                "element type \(descr) is not supported (only float64 <f8 or int64 <i8)")
        }
        guard let order = entry("fortran_order") else {
            throw refuse("头部缺少 fortran_order", "no fortran_order")
        }
        if order.hasPrefix("True") {
            throw refuse("数组为 Fortran 列优先顺序，应为 C 顺序", "the array is in Fortran order; C order is required")
        }
        guard let shapeText = entry("shape"), shapeText.first == "(",
            let shapeEnd = shapeText.firstIndex(of: ")")
        else { throw refuse("头部缺少 shape", "no shape in the header") }
        let dims = shapeText[shapeText.index(after: shapeText.startIndex)..<shapeEnd].split(separator: ",")
            .map { $0.trimmingCharacters(in: [" "]) }.filter { !$0.isEmpty }
        guard dims.count == 2, let rows = Int(dims[0]), let columns = Int(dims[1]) else {
            throw refuse(
                "数组应为二维，实为 (\(dims.joined(separator: ", ")))",
                "the array must be 2-D, not (\(dims.joined(separator: ", ")))")
        }
        let dataStart = headerStart + headerLength
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, bytes.count - dataStart == count * 8 else {
            throw refuse(
                "数据长度 \(bytes.count - dataStart) 字节，形状 \(rows)×\(columns) 需要 \(count * 8) 字节",
                "\(bytes.count - dataStart) data bytes, shape \(rows)×\(columns) needs \(count * 8)")
        }
        var values = [Double](repeating: 0, count: count)
        var inexact: Int? = nil
        values.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBytes { raw in
                for k in 0..<count {
                    let bits = UInt64(
                        littleEndian: raw.loadUnaligned(fromByteOffset: dataStart + 8 * k, as: UInt64.self))
                    if isFloat {
                        let value = Double(bitPattern: bits)
                        out[k] = value.isFinite ? value : missing
                    } else {
                        let value = Int64(bitPattern: bits)
                        if value.magnitude > 1 << 53 && inexact == nil { inexact = k }
                        out[k] = Double(value)
                    }
                }
            }
        }
        if let k = inexact {
            throw refuse(
                "第 \(k / max(columns, 1)) 行第 \(k % max(columns, 1)) 列的整数超过 2^53，换成浮点数会不精确",
                "the int64 at row \(k / max(columns, 1)), column \(k % max(columns, 1)) exceeds 2^53 and is not exact as a double"
            )
        }
        return NumberMatrix(rows: rows, columns: columns, values: values)
    }
}
