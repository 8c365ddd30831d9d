import GSLCore

/// Turns records of cells (a CSV file's records, a worksheet's rows) into a `TabularFile`: the first
/// record is the header, every later one is checked against its width.
struct TableBuilder {
    /// The file, for error locations.
    let path: String
    private var rawHeader: [String]?
    private var kept: [Int] = []
    private var width = 0
    private var rows: [TabularRow] = []

    /// A builder for the file at `path`.
    init(path: String) { self.path = path }

    /// Takes the record starting on `line` (the header when it is the first).
    mutating func add(line: Int, fields: [String]) throws(GSLError) {
        let trimmed = TabularReader.trimmed
        guard let rawHeader else {
            let names = fields.map(trimmed)
            rawHeader = names
            width = (names.lastIndex { !$0.isEmpty } ?? -1) + 1
            guard width > 0 else {
                throw GSLError.data(
                    "表头为空", en: "the header row is empty",
                    at: SourceLocation(file: path, line: line))
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
                            file: path, line: line, column: column + 1, field: names[column])
                    ).because(.importDuplicateColumn)
                }
                firstSeen[names[column]] = column
            }
            return
        }
        let lastFilled = fields.lastIndex { !trimmed($0).isEmpty }
        guard let lastFilled else { return }  // a row of empty cells: merged-cell or Excel leftovers
        // One filled cell above a wider row: a title ("2024年会员企业名录") sits above the header.
        if rows.isEmpty, kept.count == 1, lastFilled > 0 {
            throw GSLError.data(
                "第 1 行被当作表头，但它像是标题行（“\(rawHeader[kept[0]])”）；请删除表头上方的标题行后再导入",
                en:
                    "line 1 was taken as the header, but it looks like a title (\"\(rawHeader[kept[0]])\"); delete the rows above the header and import again",
                at: SourceLocation(file: path, line: 1)
            ).because(.titleRowAsHeader)
        }
        let found = fields.count < width ? fields.count : lastFilled + 1
        if lastFilled >= width, lastFilled < rawHeader.count,
            let column = (width...lastFilled).first(where: { !trimmed(fields[$0]).isEmpty })
        {
            // The header row is as wide as this row, its cell here is just empty.
            throw GSLError.data(
                "第 \(column + 1) 列没有表头却有数据",
                en: "column \(column + 1) has data but no header",
                at: SourceLocation(file: path, line: line, column: column + 1)
            ).because(.dataWithoutHeader)
        }
        if fields.count < width || lastFilled >= width {
            throw GSLError.data(
                "列数不符：应为 \(width) 列，实际 \(found) 列（表头有 \(width) 列）",
                en:
                    "wrong number of columns: expected \(width) columns, found \(found) (the header has \(width))",
                at: SourceLocation(file: path, line: line)
            ).because(.importRaggedRow)
        }
        if kept.count != width {
            for column in 0..<width where rawHeader[column].isEmpty && !trimmed(fields[column]).isEmpty {
                throw GSLError.data(
                    "第 \(column + 1) 列没有表头却有数据",
                    en: "column \(column + 1) has data but no header",
                    at: SourceLocation(file: path, line: line, column: column + 1)
                ).because(.dataWithoutHeader)
            }
        }
        rows.append(TabularRow(line: line, index: rows.count, values: kept.map { fields[$0] }))
    }

    /// The file read, or the empty-file error when no record came.
    func finish(format: TabularFormat, notices: [Message]) throws(GSLError) -> TabularFile {
        guard let rawHeader else {
            throw GSLError.data("文件为空", en: "the file is empty", at: SourceLocation(file: path))
                .because(.importEmptyFile)
        }
        return TabularFile(
            path: path, format: format, header: kept.map { rawHeader[$0] }, rows: rows,
            notices: notices, physicalColumns: kept.map { $0 + 1 })
    }
}
