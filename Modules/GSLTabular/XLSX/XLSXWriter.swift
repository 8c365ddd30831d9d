import Foundation
import GSLCore
import ZIPFoundation

/// Writes a small Excel workbook (.xlsx) of text and numbers, the way Excel stores them: text in
/// the shared-string table (or inline), numbers as numbers, dates as serials with a date style.
public struct XLSXWriter: Sendable {
    /// One cell.
    public enum Cell: Sendable, Equatable {
        /// Text.
        case text(String)
        /// A number as Excel stores it (`"3"`, `"0.25"`).
        case number(String)
        /// A date serial shown as a date (built-in format 14).
        case date(Double)
        /// A date serial shown as date and time (built-in format 22).
        case dateTime(Double)
        /// A serial shown with a custom number format code, e.g. `yyyy"年"m"月"d"日"`.
        case formatted(Double, code: String)
        /// Nothing.
        case empty
    }

    /// One worksheet.
    public struct Sheet: Sendable {
        /// Its tab name.
        public var name: String
        /// Rows from row 1 on; cells from column A on.
        public var rows: [[Cell]]
        /// Merged ranges such as `A1:C1`.
        public var merged: [String]

        /// A sheet named `name`.
        public init(name: String, rows: [[Cell]], merged: [String] = []) {
            self.name = name
            self.rows = rows
            self.merged = merged
        }
    }

    /// The sheets in tab order.
    public var sheets: [Sheet]
    /// Whether text goes inline in the cells (`inlineStr`) instead of the shared-string table.
    public var inlineStrings: Bool
    /// Whether the workbook uses the 1904 date system.
    public var date1904: Bool

    /// A workbook of `sheets`.
    public init(sheets: [Sheet], inlineStrings: Bool = false, date1904: Bool = false) {
        self.sheets = sheets
        self.inlineStrings = inlineStrings
        self.date1904 = date1904
    }

    /// The workbook's bytes.
    public func data() throws(GSLError) -> Data {
        var shared: [String] = []
        var sharedIndex: [String: Int] = [:]
        var customCodes: [String] = []
        func style(_ cell: Cell) -> Int? {
            switch cell {
            case .date: return 1
            case .dateTime: return 2
            case .formatted(_, let code):
                if let i = customCodes.firstIndex(of: code) { return 3 + i }
                customCodes.append(code)
                return 2 + customCodes.count
            default: return nil
            }
        }
        var parts: [(String, String)] = []
        for (n, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            xml +=
                #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (r, row) in sheet.rows.enumerated() {
                xml += "<row r=\"\(r + 1)\">"
                for (c, cell) in row.enumerated() {
                    let ref = XLSXReader.cellName(row: r + 1, column: c)
                    switch cell {
                    case .empty: continue
                    case .text(let text):
                        if inlineStrings {
                            xml +=
                                "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.escape(text))</t></is></c>"
                        } else {
                            let index = sharedIndex[text] ?? shared.count
                            if index == shared.count {
                                shared.append(text)
                                sharedIndex[text] = index
                            }
                            xml += "<c r=\"\(ref)\" t=\"s\"><v>\(index)</v></c>"
                        }
                    case .number(let value): xml += "<c r=\"\(ref)\"><v>\(Self.escape(value))</v></c>"
                    case .date(let serial), .dateTime(let serial), .formatted(let serial, _):
                        xml += "<c r=\"\(ref)\" s=\"\(style(cell)!)\"><v>\(serial)</v></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>"
            if !sheet.merged.isEmpty {
                xml += "<mergeCells count=\"\(sheet.merged.count)\">"
                xml += sheet.merged.map { "<mergeCell ref=\"\($0)\"/>" }.joined()
                xml += "</mergeCells>"
            }
            xml += "</worksheet>"
            parts.append(("xl/worksheets/sheet\(n + 1).xml", xml))
        }
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var workbook = header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\">"
        workbook += date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>"
        workbook += "<sheets>"
        for (n, sheet) in sheets.enumerated() {
            workbook +=
                "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(n + 1)\" r:id=\"rId\(n + 1)\"/>"
        }
        workbook += "</sheets></workbook>"
        let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
        var rels = header + "<Relationships xmlns=\"\(pkg)\">"
        for n in sheets.indices {
            rels +=
                "<Relationship Id=\"rId\(n + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(n + 1).xml\"/>"
        }
        let stylesID = sheets.count + 1
        rels += "<Relationship Id=\"rId\(stylesID)\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        rels +=
            "<Relationship Id=\"rId\(stylesID + 1)\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        rels += "</Relationships>"
        var sst = header + "<sst xmlns=\"\(main)\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">"
        sst += shared.map { "<si><t xml:space=\"preserve\">\(Self.escape($0))</t></si>" }.joined()
        sst += "</sst>"
        var styles = header + "<styleSheet xmlns=\"\(main)\">"
        if !customCodes.isEmpty {
            styles += "<numFmts count=\"\(customCodes.count)\">"
            for (i, code) in customCodes.enumerated() {
                styles += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(Self.escape(code))\"/>"
            }
            styles += "</numFmts>"
        }
        let xfs = ["0", "14", "22"] + customCodes.indices.map { String(164 + $0) }
        styles += "<cellXfs count=\"\(xfs.count)\">"
        styles += xfs.map { "<xf numFmtId=\"\($0)\" applyNumberFormat=\"1\"/>" }.joined()
        styles += "</cellXfs></styleSheet>"
        var types = header
        types += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types +=
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        let ml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ml).sheet.main+xml\"/>"
        for n in sheets.indices {
            types +=
                "<Override PartName=\"/xl/worksheets/sheet\(n + 1).xml\" ContentType=\"\(ml).worksheet+xml\"/>"
        }
        types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ml).styles+xml\"/>"
        types += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ml).sharedStrings+xml\"/>"
        types += "</Types>"
        let rootRels =
            header + "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"rId1\" "
            + "Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        let all =
            [("[Content_Types].xml", types), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook)]
            + [
                ("xl/_rels/workbook.xml.rels", rels), ("xl/styles.xml", styles),
                ("xl/sharedStrings.xml", sst),
            ]
            + parts
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (name, text) in all {
                let bytes = Data(text.utf8)
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(bytes.count),
                    modificationDate: Date(timeIntervalSince1970: 1_700_000_000),
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
            return data
        } catch {
            throw GSLError(.internalError, Message("无法生成 .xlsx", en: "cannot build the .xlsx"))
        }
    }

    /// `text` with XML's five special characters escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
