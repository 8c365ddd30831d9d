import GSLCore

extension TabularReader {
    /// Builds a tabular file from a worksheet: Excel's row numbers are the lines, its columns the
    /// columns; merged ranges are reported (their value sits in the top-left cell only).
    static func parseXLSX(_ bytes: [UInt8], path: String, sheet: String?) throws(GSLError) -> TabularFile {
        let read = try XLSXReader.read(bytes, path: path, sheet: sheet)
        var builder = TableBuilder(path: path)
        var started = false
        // A sheet has no ragged rows: a row ends at its last cell. Every row is as wide as the widest,
        // so that a cell right of the header is "data without a header", never a short row.
        let width = read.rows.reduce(0) { max($0, $1.cells.count) }
        for row in read.rows {
            // Rows of blanks above the header (spaces only) are skipped like blank CSV lines.
            if !started && row.cells.allSatisfy({ trimmed($0).isEmpty }) { continue }
            started = true
            var cells = row.cells
            if cells.count < width { cells.append(contentsOf: repeatElement("", count: width - cells.count)) }
            try builder.add(line: row.number, fields: cells)
        }
        var notices: [Message] = []
        if sheet == nil, let names = try? XLSXReader.sheetNames(bytes, path: path), names.count > 1 {
            notices.append(
                Message(
                    "工作簿有 \(names.count) 个工作表，已读取第一个“\(read.name)”",
                    en: "the workbook has \(names.count) sheets; read the first, \"\(read.name)\""))
        }
        if !read.merged.isEmpty {
            let shown = read.merged.prefix(10).joined(separator: "、")
            let more = read.merged.count > 10 ? " …" : ""
            notices.append(
                Message(
                    "工作表“\(read.name)”有 \(read.merged.count) 处合并单元格（\(shown)\(more)）：值只在左上角单元格，其余按空读取",
                    en:
                        "sheet \"\(read.name)\" has \(read.merged.count) merged ranges (\(read.merged.prefix(10).joined(separator: ", "))\(more)): the value is in the top-left cell only, the others read as empty"
                ))
        }
        if !started {
            throw GSLError.data("文件为空", en: "the file is empty", at: SourceLocation(file: path))
                .because(.importEmptyFile)
        }
        return try builder.finish(format: .xlsx, notices: notices)
    }
}
