import GSLCore
import GSLTestSupport
import Testing

@testable import GSLTabular

@Suite struct CSVReadingTests {
    @Test func readsHeaderAndRowsWithLineNumbers() throws {
        let file = try TestHelpers.csv("企业名称,统一社会信用代码\n宁波甬江科技有限公司,91330201MA2H0X1234\n浙江四明制造,91330200\n")
        #expect(file.header == ["企业名称", "统一社会信用代码"])
        #expect(file.rows.count == 2)
        #expect(file.rows[0].values == ["宁波甬江科技有限公司", "91330201MA2H0X1234"])
        #expect(file.rows[0].line == 2)
        #expect(file.rows[1].line == 3)
        #expect(file.rows[1].index == 1)
        #expect(file.format == .csv)
        #expect(file.notices.isEmpty)
    }

    @Test func stripsUTF8ByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + TestHelpers.utf8("名称,人数\n甲,3\n")
        let file = try TabularReader.parse(bytes, path: "b.csv", format: .csv, encoding: .utf8)
        #expect(file.header == ["名称", "人数"])
        #expect(file.rows[0].values == ["甲", "3"])
    }

    @Test(arguments: ["a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4\n", "a,b\r1,2\r3,4\r", "a,b\n1,2\n3,4"])
    func acceptsEveryLineEnding(_ text: String) throws {
        let file = try TestHelpers.csv(text)
        #expect(file.rows.map(\.values) == [["1", "2"], ["3", "4"]])
        #expect(file.rows.map(\.line) == [2, 3])
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlinesKeepPhysicalLines() throws {
        let text = "名称,地址,备注\n\"甲公司\",\"宁波市,鄞州区\",\"他说\"\"好\"\"\"\n乙,\"第一行\n第二行\n第三行\",x\n丙,z,y\n"
        let file = try TestHelpers.csv(text)
        #expect(file.rows.count == 3)
        #expect(file.rows[0].values == ["甲公司", "宁波市,鄞州区", "他说\"好\""])
        #expect(file.rows[1].values[1] == "第一行\n第二行\n第三行")
        #expect(file.rows[1].line == 3)
        #expect(file.rows[2].line == 6)
    }

    @Test func quotedCRLFInsideFieldCountsAsOneLine() throws {
        let file = try TestHelpers.csv("a,b\r\n\"x\r\ny\",1\r\nz,2\r\n")
        #expect(file.rows[0].values[0] == "x\r\ny")
        #expect(file.rows[1].line == 4)
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let file = try TestHelpers.csv("\na,b\n\n1,2\n\n\n3,4\n\n")
        #expect(file.header == ["a", "b"])
        #expect(file.rows.map(\.line) == [4, 7])
        #expect(file.rows.map(\.index) == [0, 1])
    }

    @Test func rowsOfOnlyEmptyCellsAreSkipped() throws {
        let file = try TestHelpers.csv("a,b,c\n1,2,3\n,,\n , ,\n4,5,6\n")
        #expect(file.rows.map(\.values) == [["1", "2", "3"], ["4", "5", "6"]])
        #expect(file.rows.map(\.line) == [2, 5])
    }

    @Test func unterminatedQuoteIsAnErrorAtItsStartingLine() {
        let error = TestHelpers.error {
            _ = try TabularReader.parse(
                TestHelpers.utf8("a,b\n1,2\n3,\"open\n4,5\n6,7\n"),
                path: "q.csv", format: .csv, encoding: .auto)
        }
        #expect(error?.kind == .data)
        #expect(error?.location?.line == 3)
        #expect(error?.location?.file == "q.csv")
        #expect(error?.cause == .importUnterminatedQuote)
    }

    @Test func headerCellsAreTrimmed() throws {
        let file = try TestHelpers.csv(" 企业名称 ,\u{3000}人数\t\n甲,1\n")
        #expect(file.header == ["企业名称", "人数"])
    }

    @Test func duplicateHeaderNamesBothColumns() {
        let error = TestHelpers.error { _ = try TestHelpers.csv("名称,人数,名称\n甲,1,乙\n") }
        #expect(error?.kind == .data)
        #expect(error?.cause == .importDuplicateColumn)
        #expect(error?.mentions("名称") == true)
        #expect(error?.location?.column == 3)
    }

    @Test func emptyHeaderCellWithDataIsAnError() {
        let error = TestHelpers.error { _ = try TestHelpers.csv("名称,,人数\n甲,,1\n乙,x,2\n") }
        #expect(error?.kind == .data)
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 2)
        #expect(error?.cause == .dataWithoutHeader)
    }

    @Test func emptyHeaderCellWithoutDataIsDroppedAndColumnsStayPhysical() throws {
        let file = try TestHelpers.csv("名称,,人数\n甲,,1\n")
        #expect(file.header == ["名称", "人数"])
        #expect(file.rows[0].values == ["甲", "1"])
        let location = file.location(row: file.rows[0], column: 1)
        #expect(location == SourceLocation(file: "t.csv", line: 2, column: 3, field: "人数"))
    }

    @Test func trailingEmptyColumnsFromExcelAreIgnored() throws {
        let file = try TestHelpers.csv("名称,人数,,,\n甲,1,,,\n乙,2\n丙,3,,\n")
        #expect(file.header == ["名称", "人数"])
        #expect(file.rows.map(\.values) == [["甲", "1"], ["乙", "2"], ["丙", "3"]])
    }

    @Test func rowWithExtraFilledCellsIsAnError() {
        let error = TestHelpers.error { _ = try TestHelpers.csv("名称,人数\n甲,1\n乙,2,多余\n") }
        #expect(error?.kind == .data)
        #expect(error?.location?.line == 3)
        #expect(error?.cause == .importRaggedRow)
        #expect(error?.mentions("2") == true && error?.mentions("3") == true)
    }

    @Test func shortRowIsAnError() {
        let error = TestHelpers.error { _ = try TestHelpers.csv("名称,人数,地址\n甲,1,宁波\n\n乙,2\n") }
        #expect(error?.kind == .data)
        #expect(error?.location?.line == 4)
        #expect(error?.cause == .importRaggedRow)
        #expect(error?.mentions("2") == true && error?.mentions("3") == true)
    }

    @Test func headerOnlyMeansZeroRows() throws {
        let file = try TestHelpers.csv("企业名称,人数\r\n")
        #expect(file.header == ["企业名称", "人数"])
        #expect(file.rows.isEmpty)
    }

    @Test(arguments: ["", "\n\n", "\u{FEFF}", "  \r\n "])
    func emptyFileIsAnError(_ text: String) {
        let error = TestHelpers.error { _ = try TestHelpers.csv(text) }
        #expect(error?.kind == .data)
        #expect(error?.cause == .importEmptyFile)
    }

    @Test func valuesAreKeptUntrimmedInRows() throws {
        let file = try TestHelpers.csv("a,b\n x ,\" y \"\n")
        #expect(file.rows[0].values == [" x ", " y "])
    }

    @Test func tabSeparatedTextIsRead() throws {
        let file = try TestHelpers.csv("名称\t人数\n甲\t1\n")
        #expect(file.header == ["名称", "人数"])
        #expect(file.rows[0].values == ["甲", "1"])
    }

    @Test func locationForAColumnNamesTheField() throws {
        let file = try TestHelpers.csv("名称,人数\n甲,1\n")
        let location = file.location(row: file.rows[0], column: 1)
        #expect(location.description == "t.csv:2:2 [人数]")
        #expect(file.location(row: file.rows[0], column: nil) == SourceLocation(file: "t.csv", line: 2))
    }
}

@Suite struct CSVVolumeTests {
    @Test func manyRowsKeepIndexAndLine() throws {
        var text = "企业名称,人数,地址\r\n"
        for i in 0..<20_000 { text += "企业\(i),\(i),\"宁波市\n第\(i)号\"\r\n" }
        let file = try TestHelpers.csv(text)
        #expect(file.rows.count == 20_000)
        #expect(file.rows[19_999].values == ["企业19999", "19999", "宁波市\n第19999号"])
        #expect(file.rows[19_999].line == 2 + 2 * 19_999)
        #expect(file.rows[19_999].index == 19_999)
    }
}

@Suite struct CSVEdgeCaseTests {
    @Test func dataUnderATrailingEmptyHeaderCellNamesTheColumn() {
        let error = TestHelpers.error { _ = try TestHelpers.csv("名称,人数,,\n甲,1,,\n乙,2,,x\n") }
        #expect(error?.kind == .data)
        #expect(error?.location == SourceLocation(file: "t.csv", line: 3, column: 4))
        #expect(error?.cause == .dataWithoutHeader)
    }

    @Test func quotedFieldWithBareCRKeepsLinesPhysical() throws {
        let file = try TestHelpers.csv("a,b\r\"x\ry\",1\r2,3\r")
        #expect(file.rows[0].values == ["x\ry", "1"])
        #expect(file.rows.map(\.line) == [2, 4])
    }

    @Test func emptyQuotedFieldsAreEmptyValues() throws {
        let file = try TestHelpers.csv("a,b,c\n\"\",x,\"\"\n")
        #expect(file.rows[0].values == ["", "x", ""])
    }

    @Test func headerOfEmptyCellsIsAnError() {
        let error = TestHelpers.error { _ = try TestHelpers.csv(",,\n1,2,3\n") }
        #expect(error?.kind == .data)
        #expect(error?.location?.line == 1)
    }

    @Test func fullWidthDigitsAndChineseCommasArePreservedForLaterNormalising() throws {
        let file = try TestHelpers.csv("金额,日期\n\"1，234\",2023年5月6日\n１２３,2023/5/6\n")
        #expect(file.rows.map(\.values) == [["1，234", "2023年5月6日"], ["１２３", "2023/5/6"]])
    }

    @Test func sniffLooksAtTheFirstMeaningfulByte() {
        #expect(TabularFormat.sniff(Array("\u{FEFF}  [".utf8)) == .json)
        #expect(TabularFormat.sniff(Array("\n{\"a\":1}".utf8)) == .ndjson)
        #expect(TabularFormat.sniff(Array("名称,人数".utf8)) == .csv)
        #expect(TabularFormat.sniff([]) == .csv)
    }
}
