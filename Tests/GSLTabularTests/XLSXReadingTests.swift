import Foundation
import GSLCore
import GSLTestSupport
import Testing
import ZIPFoundation

@testable import GSLTabular

@Suite struct XLSXReadingTests {
    /// A workbook built part by part, the way Excel writes one (rich text, phonetic runs, a cell
    /// without a reference, styles with a CJK date format), zipped with ZIPFoundation.
    static func handMade(sheetXML: String, strings: String, styles: String, date1904: Bool = false) throws
        -> [UInt8]
    {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts = [
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><workbookPr date1904=\"\(date1904 ? 1 : 0)\"/><sheets>"
                    + "<sheet name=\"说明\" sheetId=\"2\" r:id=\"rId2\"/><sheet name=\"答卷\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "</sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"\(rel)/worksheet\" Target=\"worksheets/note.xml\"/>"
                    + "</Relationships>"
            ),
            ("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">\(strings)</sst>"),
            ("xl/styles.xml", "<styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"),
            (
                "xl/worksheets/data.xml",
                "<worksheet xmlns=\"\(main)\"><sheetData>\(sheetXML)</sheetData></worksheet>"
            ),
            (
                "xl/worksheets/note.xml",
                "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>备注</t></is></c></row></sheetData></worksheet>"
            ),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        return [UInt8](archive.data!)
    }

    @Test func readsSharedRichInlineNumbersDatesAndBooleans() throws {
        let strings =
            "<si><t>序号</t></si><si><r><t>提交</t></r><r><rPr><b/></rPr><t>答卷时间</t></r><rPh><t>ていしゅつ</t></rPh></si>"
            + "<si><t xml:space=\"preserve\"> 手机 </t></si><si><t>陈一鸣</t></si>"
        let styles =
            "<numFmts count=\"1\"><numFmt numFmtId=\"177\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
            + "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/><xf numFmtId=\"177\"/><xf numFmtId=\"14\"/></cellXfs>"
        let sheet =
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
            + "<c r=\"D1\" t=\"inlineStr\"><is><t>出生日期</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>得分</t></is></c>"
            + "<c r=\"F1\" t=\"inlineStr\"><is><t>是否会员</t></is></c><c r=\"G1\" t=\"inlineStr\"><is><t>姓名</t></is></c></row>"
            + "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\" s=\"1\"><v>45052.423055555555</v></c>"
            + "<c r=\"C3\"><v>13800138000</v></c><c r=\"D3\" s=\"2\"><v>33000</v></c><c r=\"E3\"><v>0.1</v></c>"
            + "<c r=\"F3\" t=\"b\"><v>1</v></c><c t=\"s\"><v>3</v></c></row>"
            + "<row r=\"4\"><c r=\"A4\"><v>2</v></c><c r=\"D4\" s=\"3\"><v>45052</v></c><c r=\"E4\" t=\"e\"><v>#N/A</v></c></row>"
        let bytes = try Self.handMade(sheetXML: sheet, strings: strings, styles: styles)
        let file = try TabularReader.parse(
            bytes, path: "答卷.xlsx", format: .xlsx, encoding: .auto, sheet: "答卷")
        #expect(file.format == .xlsx)
        #expect(file.header == ["序号", "提交答卷时间", "手机", "出生日期", "得分", "是否会员", "姓名"])
        #expect(file.rows.map(\.line) == [3, 4])
        #expect(
            file.rows[0].values == [
                "1", "2023-05-06 10:09:12", "13800138000", "1990-05-07", "0.1", "TRUE", "陈一鸣",
            ])
        #expect(file.rows[1].values == ["2", "", "", "2023-05-06", "#N/A", "", ""])
        let location = file.location(row: file.rows[1], column: 3)
        #expect(location.line == 4 && location.column == 4 && location.field == "出生日期")
        // The first sheet by default is the first tab (说明), whatever its sheetId.
        let first = try TabularReader.parse(bytes, path: "答卷.xlsx", format: .xlsx, encoding: .auto)
        #expect(first.header == ["备注"])
        #expect(first.notices.contains { $0.en.contains("2 sheets") })
    }

    @Test func the1904DateSystemShiftsSerials() throws {
        let styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"
        let sheet =
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>日期</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0</v></c></row><row r=\"3\"><c r=\"A3\" s=\"1\"><v>43590</v></c></row>"
        let bytes = try Self.handMade(sheetXML: sheet, strings: "", styles: styles, date1904: true)
        let file = try TabularReader.parse(bytes, path: "d.xlsx", format: .xlsx, encoding: .auto, sheet: "答卷")
        #expect(file.rows.map(\.values) == [["1904-01-01"], ["2023-05-06"]])
    }

    @Test(arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (61.0, "1900-03-01"), (45052.0, "2023-05-06"),
        (45052.5, "2023-05-06 12:00:00"), (2958465.0, "9999-12-31"),
    ])
    func excelSerialsAsDates(_ serial: Double, _ expected: String) {
        #expect(ExcelDate.text(serial: serial, date1904: false, format: .date) == expected)
    }

    @Test func the1900LeapDayIsNotADate() {
        #expect(ExcelDate.text(serial: 60, date1904: false, format: .date) == nil)
        #expect(ExcelDate.custom("yyyy/m/d h:mm") == .dateTime)
        #expect(ExcelDate.custom("[h]:mm:ss") == .time)
        #expect(ExcelDate.custom("0.00%") == .number)
        #expect(ExcelDate.custom("[Red]#,##0;[Blue]-#,##0") == .number)
        #expect(ExcelDate.custom("yyyy\"年\"m\"月\"") == .date)
    }

    @Test func writerRoundTripsThroughTheReaderWithMergedCellsReported() throws {
        let workbook = XLSXWriter(sheets: [
            XLSXWriter.Sheet(
                name: "会员",
                rows: [
                    [.text("企业名称"), .text("区县"), .text("入会日期"), .text("员工")],
                    [.text("宁波甬江科技有限公司"), .text("鄞州区"), .date(45052), .number("120")],
                    [
                        .text("浙江四明制造 & Co <x>"), .empty, .formatted(45053, code: "yyyy\"年\"m\"月\"d\"日\""),
                        .number("8"),
                    ],
                ], merged: ["B2:B3"])
        ])
        for inline in [false, true] {
            var writer = workbook
            writer.inlineStrings = inline
            let bytes = [UInt8](try writer.data())
            let file = try TabularReader.parse(bytes, path: "m.xlsx", format: .xlsx, encoding: .auto)
            #expect(
                file.rows.map(\.values) == [
                    ["宁波甬江科技有限公司", "鄞州区", "2023-05-06", "120"],
                    ["浙江四明制造 & Co <x>", "", "2023-05-07", "8"],
                ])
            #expect(file.notices.count == 1)
            #expect(file.notices[0].zh.contains("B2:B3"))
        }
    }

    @Test func aWorkbookIsRecognisedByItsBytesAndItsRowsAreChecked() throws {
        let dir = try Fixtures.temporaryDirectory()
        let ragged = XLSXWriter(sheets: [
            XLSXWriter.Sheet(
                name: "S",
                rows: [
                    [.text("名称"), .text("人数")], [.text("甲"), .number("3")],
                    [.text("乙"), .number("4"), .text("多余")],
                ])
        ])
        let path = dir.appendingPathComponent("export.csv").path  // a workbook saved under a .csv name
        try ragged.data().write(to: URL(fileURLWithPath: path))
        let error = TestHelpers.error { _ = try TabularReader.read(path: path, format: nil, encoding: .auto) }
        #expect(error?.cause == .dataWithoutHeader)
        #expect(error?.location?.line == 3 && error?.location?.column == 3)
    }

    @Test func refusesABinaryXLSANonWorkbookAndAMissingSheet() throws {
        let xls: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 64)
        let a = TestHelpers.error {
            _ = try TabularReader.parse(xls, path: "a.xls", format: .xlsx, encoding: .auto)
        }
        #expect(a?.cause == .xlsBinary)
        #expect(TabularFormat.sniff(xls) == .xlsx)
        #expect(TabularFormat.fromExtension(of: "答卷.xlsx") == .xlsx)
        #expect(TabularFormat.fromExtension(of: "宏.XLSM") == .xlsx)
        let b = TestHelpers.error {
            _ = try TabularReader.parse(
                Array("PK\u{3}\u{4}junk".utf8), path: "b.xlsx", format: .xlsx, encoding: .auto)
        }
        #expect(b?.cause == .xlsxUnreadable)
        #expect(b?.kind == .data)
        let bytes = [UInt8](
            try XLSXWriter(sheets: [XLSXWriter.Sheet(name: "一", rows: [[.text("a")], [.text("1")]])]).data())
        let c = TestHelpers.error {
            _ = try TabularReader.parse(bytes, path: "c.xlsx", format: .xlsx, encoding: .auto, sheet: "二")
        }
        #expect(c?.cause == .sheetNotFound)
        #expect(c?.kind == .notFound)
        #expect(c?.message.zh.contains("一") == true)
    }
}
