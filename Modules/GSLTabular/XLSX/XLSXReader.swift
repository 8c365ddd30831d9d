import Foundation
import GSLCore
import XMLCoder
import ZIPFoundation

/// Reads the cells of an Excel workbook (.xlsx/.xlsm) as text: shared and inline strings, numbers
/// as stored, date-formatted numbers as ISO dates, booleans as TRUE/FALSE, error values as shown.
public enum XLSXReader {
    /// Whether `bytes` start like a ZIP archive (an .xlsx is one).
    public static func looksLikeZIP(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// Whether `bytes` start like an OLE compound file (.xls, or an encrypted workbook).
    static func looksLikeCompoundFile(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// The names of the workbook's sheets in tab order.
    public static func sheetNames(_ bytes: [UInt8], path: String) throws(GSLError) -> [String] {
        try Workbook(bytes, path: path).sheets.map(\.name)
    }

    /// The sheet named `sheet`, or the first sheet when nil.
    public static func read(_ bytes: [UInt8], path: String, sheet: String? = nil) throws(GSLError)
        -> XLSXSheet
    {
        try Workbook(bytes, path: path).sheet(named: sheet)
    }

    /// An opened workbook: its archive, sheets, shared strings and date styles.
    struct Workbook {
        let path: String
        let archive: Archive
        let sheets: [XLSXParts.Workbook.Sheet]
        let targets: [String: String]
        let date1904: Bool

        init(_ bytes: [UInt8], path: String) throws(GSLError) {
            self.path = path
            if looksLikeCompoundFile(bytes) {
                throw GSLError.data(
                    "这是 Excel 97–2003 的 .xls 文件（或加密的工作簿），请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入",
                    en:
                        "this is an Excel 97–2003 .xls file (or an encrypted workbook); save it as .xlsx or CSV in Excel/WPS and import that",
                    at: SourceLocation(file: path)
                ).because(.xlsBinary)
            }
            let archive: Archive
            do {
                archive = try Archive(data: Data(bytes), accessMode: .read)
            } catch {
                throw Self.unreadable(path, "不是 ZIP 格式", "not a ZIP archive")
            }
            self.archive = archive
            let workbook: XLSXParts.Workbook = try Self.decode(archive, "xl/workbook.xml", path: path)
            let rels: XLSXParts.Relationships = try Self.decode(
                archive, "xl/_rels/workbook.xml.rels", path: path)
            sheets = workbook.sheets.sheet
            var targets: [String: String] = [:]
            for rel in rels.Relationship ?? [] {
                targets[rel.Id] =
                    rel.Target.hasPrefix("/") ? String(rel.Target.dropFirst()) : "xl/" + rel.Target
            }
            self.targets = targets
            let flag = workbook.workbookPr?.date1904?.lowercased()
            date1904 = flag == "1" || flag == "true"
        }

        /// The sheet named `name` (or the first), its cells as text.
        func sheet(named name: String?) throws(GSLError) -> XLSXSheet {
            let chosen: XLSXParts.Workbook.Sheet
            if let name {
                guard let found = sheets.first(where: { $0.name == name }) else {
                    let names = sheets.map(\.name).joined(separator: "、")
                    throw GSLError(
                        .notFound,
                        Message(
                            "工作簿中没有名为“\(name)”的工作表（有：\(names)）",
                            en: "the workbook has no sheet named \"\(name)\" (it has: \(names))"),
                        at: SourceLocation(file: path)
                    ).because(.sheetNotFound)
                }
                chosen = found
            } else {
                guard let first = sheets.first else {
                    throw Self.unreadable(path, "工作簿中没有工作表", "the workbook has no sheet")
                }
                chosen = first
            }
            guard let target = targets[chosen.relationship] else {
                throw Self.unreadable(
                    path, "找不到工作表“\(chosen.name)”的内容", "the part of sheet \"\(chosen.name)\" is missing")
            }
            var shared: [String] = []
            if archive["xl/sharedStrings.xml"] != nil {
                let data = try Self.extract(archive, "xl/sharedStrings.xml", path: path)
                guard let strings = XLSXSharedStringsParser.strings(data) else {
                    throw Self.unreadable(
                        path, "xl/sharedStrings.xml 不是有效的 XML", "xl/sharedStrings.xml is not valid XML")
                }
                shared = strings
            }
            let formats = try dateFormats()
            let (sheetRows, merged) = try worksheet(target)
            var rows: [XLSXSheet.Row] = []
            var nextRow = 1
            for row in sheetRows {
                let number = row.r ?? nextRow
                nextRow = number + 1
                var cells: [String] = []
                var nextColumn = 0
                for cell in row.c ?? [] {
                    let column = cell.r.flatMap { XLSXReader.columnIndex(of: $0) } ?? nextColumn
                    nextColumn = column + 1
                    let text = try value(
                        of: cell, shared: shared, formats: formats, row: number, column: column)
                    guard !text.isEmpty else { continue }
                    if cells.count <= column {
                        cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count))
                    }
                    cells[column] = text
                }
                if !cells.isEmpty { rows.append(XLSXSheet.Row(number: number, cells: cells)) }
            }
            return XLSXSheet(name: chosen.name, rows: rows, merged: merged)
        }

        /// A worksheet's rows and merged ranges. The rows are parsed in pieces of about 1 MB cut at
        /// `</row>`: Foundation's XML parser refuses documents over 10 MB (libxml2's limit without
        /// XML_PARSE_HUGE), and a 问卷星 export of 3,000 answers × 120 columns is larger.
        private func worksheet(_ name: String) throws(GSLError) -> ([XLSXParts.Worksheet.Row], [String]) {
            let bytes = [UInt8](try Self.extract(archive, name, path: path))
            func find(_ text: String, from: Int) -> Int? {
                let needle = Array(text.utf8)
                guard needle.count <= bytes.count, from >= 0 else { return nil }
                var i = from
                while i <= bytes.count - needle.count {
                    if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) { return i }
                    i += 1
                }
                return nil
            }
            var rows: [XLSXParts.Worksheet.Row] = []
            if let open = find("<sheetData", from: 0), let close = find(">", from: open),
                bytes[close - 1] != UInt8(ascii: "/"), let end = find("</sheetData>", from: close)
            {
                var start = close + 1
                while start < end {
                    var cut = end
                    if start + (1 << 20) < end, let rowEnd = find("</row>", from: start + (1 << 20)) {
                        cut = min(end, rowEnd + 6)
                    }
                    let piece =
                        Data("<sheetData>".utf8) + Data(bytes[start..<cut]) + Data("</sheetData>".utf8)
                    guard let decoded = XLSXRowParser.rows(piece) else {
                        throw Self.unreadable(path, "\(name) 不是有效的 XML", "\(name) is not valid XML")
                    }
                    rows += decoded
                    start = cut
                }
            }
            var merged: [String] = []
            if let open = find("<mergeCells", from: 0), let end = find("</mergeCells>", from: open) {
                let piece = Data(bytes[open..<end + 13])
                let decoded: XLSXParts.Worksheet.MergeCells = try Self.decode(piece, name, path: path)
                merged = decoded.mergeCell?.map(\.ref) ?? []
            }
            return (rows, merged)
        }

        /// The text of one cell.
        private func value(
            of cell: XLSXParts.Worksheet.Cell, shared: [String], formats: [ExcelDate.Format], row: Int,
            column: Int
        ) throws(GSLError) -> String {
            let raw = cell.v?.value ?? ""
            switch cell.t {
            case "s":
                guard let index = Int(raw), index >= 0, index < shared.count else {
                    throw GSLError.data(
                        "单元格 \(XLSXReader.cellName(row: row, column: column)) 引用了不存在的共享字符串 \(raw)",
                        en:
                            "cell \(XLSXReader.cellName(row: row, column: column)) refers to a missing shared string \(raw)",
                        at: SourceLocation(file: path, line: row, column: column + 1)
                    ).because(.xlsxUnreadable)
                }
                return shared[index]
            case "inlineStr": return cell.inline?.text ?? raw
            case "b": return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw
            case "str", "e", "d": return raw
            default:
                guard !raw.isEmpty, let style = cell.s, style >= 0, style < formats.count,
                    formats[style] != .number,
                    let serial = Double(raw),
                    let text = ExcelDate.text(serial: serial, date1904: date1904, format: formats[style])
                else { return raw }
                return text
            }
        }

        /// The date kind of each cell style (`s` indexes `cellXfs`).
        private func dateFormats() throws(GSLError) -> [ExcelDate.Format] {
            guard archive["xl/styles.xml"] != nil else { return [] }
            let styles: XLSXParts.Styles = try Self.decode(archive, "xl/styles.xml", path: path)
            var custom: [Int: ExcelDate.Format] = [:]
            for format in styles.numFmts?.numFmt ?? [] {
                custom[format.numFmtId] = ExcelDate.custom(format.formatCode)
            }
            return (styles.cellXfs?.xf ?? []).map { xf in
                let id = xf.numFmtId ?? 0
                return custom[id] ?? ExcelDate.builtIn(id)
            }
        }

        /// Decodes the part at `name`.
        static func decode<T: Decodable>(_ archive: Archive, _ name: String, path: String) throws(GSLError)
            -> T
        {
            try decode(try extract(archive, name, path: path), name, path: path)
        }

        /// The bytes of the part at `name`.
        static func extract(_ archive: Archive, _ name: String, path: String) throws(GSLError) -> Data {
            guard let entry = archive[name] else {
                throw unreadable(path, "缺少 \(name)", "\(name) is missing")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry) { data.append($0) }
            } catch {
                throw unreadable(path, "\(name) 无法解压", "\(name) cannot be decompressed")
            }
            return data
        }

        /// Decodes XML text of the part `name`.
        static func decode<T: Decodable>(_ data: Data, _ name: String, path: String) throws(GSLError) -> T {
            do {
                return try XLSXParts.decoder().decode(T.self, from: data)
            } catch {
                throw unreadable(path, "\(name) 不是有效的 XML", "\(name) is not valid XML")
            }
        }

        static func unreadable(_ path: String, _ zh: String, _ en: String) -> GSLError {
            GSLError.data(
                "无法读取 Excel 工作簿：\(zh)", en: "cannot read the Excel workbook: \(en)",
                at: SourceLocation(file: path)
            ).because(.xlsxUnreadable)
        }
    }

    /// The 0-based column of a cell reference (`AB12` → 27).
    static func columnIndex(of reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") else { break }
            index = index * 26 + Int(byte - UInt8(ascii: "A") + 1)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : index - 1
    }

    /// `B3` for row 3, column index 1.
    public static func cellName(row: Int, column: Int) -> String {
        var name = ""
        var n = column + 1
        while n > 0 {
            let rest = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rest))) + name
            n = (n - 1) / 26
        }
        return name + String(row)
    }
}
