import GSLCore

extension TabularReader {
    /// Builds a tabular file from CSV: checks the header and the width of every record.
    static func parseCSV(_ decoded: ByteDecoder.Decoded, path: String) throws(GSLError) -> TabularFile {
        let parser = CSVParser(
            bytes: decoded.bytes, separator: CSVParser.detectSeparator(decoded.bytes), path: path)
        var rawHeader: [String]?
        var kept: [Int] = []
        var width = 0
        var rows: [TabularRow] = []

        try parser.forEachRecord { (record) throws(GSLError) in
            guard rawHeader != nil else {
                let names = record.fields.map(trimmed)
                rawHeader = names
                width = (names.lastIndex { !$0.isEmpty } ?? -1) + 1
                guard width > 0 else {
                    throw GSLError.data(
                        "表头为空", en: "the header row is empty",
                        at: SourceLocation(file: path, line: record.line))
                }
                kept = (0..<width).filter { !names[$0].isEmpty }
                var firstSeen: [String: Int] = [:]
                for column in kept {
                    if let earlier = firstSeen[names[column]] {
                        throw GSLError.data(
                            "表头重复：第 \(earlier + 1) 列和第 \(column + 1) 列都叫“\(names[column])”",
                            en:
                                "duplicate header: columns \(earlier + 1) and \(column + 1) are both named \"\(names[column])\"",
                            at: SourceLocation(
                                file: path, line: record.line, column: column + 1, field: names[column])
                        ).because(.importDuplicateColumn)
                    }
                    firstSeen[names[column]] = column
                }
                return
            }
            let fields = record.fields
            let lastFilled = fields.lastIndex { !trimmed($0).isEmpty }
            guard let lastFilled else { return }  // a row of empty cells: merged-cell or Excel leftovers
            // One filled cell above a wider row: a title ("2024年会员企业名录") sits above the header.
            if rows.isEmpty, kept.count == 1, lastFilled > 0, let rawHeader {
                throw GSLError.data(
                    "第 1 行被当作表头，但它像是标题行（“\(rawHeader[kept[0]])”）；请删除表头上方的标题行后再导入",
                    en:
                        "line 1 was taken as the header, but it looks like a title (\"\(rawHeader[kept[0]])\"); delete the rows above the header and import again",
                    at: SourceLocation(file: path, line: 1)
                ).because(.titleRowAsHeader)
            }
            let found = fields.count < width ? fields.count : lastFilled + 1
            if lastFilled >= width, let header = rawHeader, lastFilled < header.count,
                let column = (width...lastFilled).first(where: { !trimmed(fields[$0]).isEmpty })
            {
                // The header row is as wide as this row, its cell here is just empty.
                throw GSLError.data(
                    "第 \(column + 1) 列没有表头却有数据",
                    en: "column \(column + 1) has data but no header",
                    at: SourceLocation(file: path, line: record.line, column: column + 1)
                ).because(.dataWithoutHeader)
            }
            if fields.count < width || lastFilled >= width {
                throw GSLError.data(
                    "列数不符：应为 \(width) 列，实际 \(found) 列（表头有 \(width) 列）",
                    en:
                        "wrong number of columns: expected \(width) columns, found \(found) (the header has \(width))",
                    at: SourceLocation(file: path, line: record.line)
                ).because(.importRaggedRow)
            }
            if kept.count != width {
                for column in 0..<width where rawHeader![column].isEmpty && !trimmed(fields[column]).isEmpty {
                    throw GSLError.data(
                        "第 \(column + 1) 列没有表头却有数据",
                        en: "column \(column + 1) has data but no header",
                        at: SourceLocation(file: path, line: record.line, column: column + 1)
                    ).because(.dataWithoutHeader)
                }
            }
            rows.append(TabularRow(line: record.line, index: rows.count, values: kept.map { fields[$0] }))
        }
        guard let rawHeader else {
            throw GSLError.data("文件为空", en: "the file is empty", at: SourceLocation(file: path))
                .because(.importEmptyFile)
        }
        return TabularFile(
            path: path, format: .csv, header: kept.map { rawHeader[$0] }, rows: rows,
            notices: decoded.notices, physicalColumns: kept.map { $0 + 1 })
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
