import GSLCore

/// Splits UTF-8 CSV bytes into records of fields, keeping each record's physical starting line.
struct CSVParser {
    /// One parsed record: its fields and the physical line it starts on.
    struct Record {
        /// The 1-based line where the record starts.
        var line: Int
        /// The raw field texts (quotes removed, `""` unescaped).
        var fields: [String]
    }

    /// The bytes to parse (UTF-8, no BOM).
    let bytes: [UInt8]
    /// The field separator (comma, or tab for tab-separated exports).
    let separator: UInt8
    /// The file, for error locations.
    let path: String

    /// The separator a file uses: tab when its first line has tabs but no commas, else comma.
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var commas = 0
        var tabs = 0
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == 0x09 { tabs += 1 }
        }
        return tabs > 0 && commas == 0 ? 0x09 : UInt8(ascii: ",")
    }

    /// Calls `body` for every record; blank lines are skipped.
    func forEachRecord(_ body: (Record) throws(GSLError) -> Void) throws(GSLError) {
        let quote = UInt8(ascii: "\"")
        let n = bytes.count
        var i = 0
        var line = 1
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1
        var recordHasContent = false
        var fieldWasQuoted = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }

        while i < n {
            let byte = bytes[i]
            if byte == quote && field.isEmpty && !fieldWasQuoted {
                // A quoted field: runs to the matching quote, across line ends.
                let quoteLine = line
                fieldWasQuoted = true
                recordHasContent = true
                i += 1
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < n && bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if b == 0x0A {
                        line += 1
                    } else if b == 0x0D {
                        line += 1
                        if i + 1 < n && bytes[i + 1] == 0x0A {
                            field.append(b)
                            i += 1
                            field.append(0x0A)
                            i += 1
                            continue
                        }
                    }
                    field.append(b)
                    i += 1
                }
                if !closed {
                    throw GSLError.data(
                        "引号未闭合：从第 \(quoteLine) 行开始的带引号字段直到文件末尾都没有结束",
                        en: "unterminated quote: the quoted field starting on line \(quoteLine) never ends",
                        at: SourceLocation(file: path, line: quoteLine, column: fields.count + 1)
                    ).because(.importUnterminatedQuote)
                }
                continue
            }
            if byte == separator {
                recordHasContent = true
                endField()
                i += 1
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                if recordHasContent || !field.isEmpty {
                    endField()
                    try body(Record(line: recordLine, fields: fields))
                }
                fields.removeAll(keepingCapacity: true)
                recordHasContent = false
                line += 1
                recordLine = line
                continue
            }
            field.append(byte)
            i += 1
        }
        if recordHasContent || !field.isEmpty {
            endField()
            try body(Record(line: recordLine, fields: fields))
        }
    }
}
