import GSLCore

extension TabularReader {
    /// Builds a tabular file from CSV: checks the header and the width of every record.
    static func parseCSV(_ decoded: ByteDecoder.Decoded, path: String) throws(GSLError) -> TabularFile {
        let parser = CSVParser(
            bytes: decoded.bytes, separator: CSVParser.detectSeparator(decoded.bytes), path: path)
        var builder = TableBuilder(path: path)
        try parser.forEachRecord { (record) throws(GSLError) in
            try builder.add(line: record.line, fields: record.fields)
        }
        return try builder.finish(format: .csv, notices: decoded.notices)
    }

    /// `text` without surrounding white space (including the ideographic space) or a stray BOM.
    static func trimmed(_ text: String) -> String {
        if hasPlainEdges(text) { return text }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || scalar.value == 0xFEFF
        }
        guard isSpace(first) || isSpace(last) else { return text }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start && isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// Whether `text` surely starts and ends with a non-space: an ASCII graphic character or a CJK
    /// ideograph (U+4E00–U+9FFF) at both ends, checked on the bytes. False means "look closer".
    @inline(__always)
    static func hasPlainEdges(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        func plainStart(_ byte: UInt8) -> Bool {
            (byte > 0x20 && byte < 0x7F) || (byte >= 0xE4 && byte <= 0xE9)
        }
        guard plainStart(first) else { return false }
        if last > 0x20 && last < 0x7F { return true }
        // A trailing three-byte ideograph: lead byte E4–E9, then two continuation bytes.
        guard utf8.count >= 3, last & 0xC0 == 0x80 else { return false }
        let lead = utf8[utf8.index(utf8.endIndex, offsetBy: -3)]
        let middle = utf8[utf8.index(utf8.endIndex, offsetBy: -2)]
        return lead >= 0xE4 && lead <= 0xE9 && middle & 0xC0 == 0x80
    }
}
