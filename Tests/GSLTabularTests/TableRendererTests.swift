import GSLCore
import Testing

@testable import GSLTabular

@Suite struct TableRendererTests {
    static let columns = [
        Column("name", title: "名称"), Column("employees", title: "人数"), Column("city", title: "City"),
    ]
    static let rows: [[Cell]] = [
        [.text("宁波甬江科技"), .int(120), .text("Ningbo")],
        [.text("ABC"), .int(5), .null],
    ]

    @Test func tablePadsByDisplayWidthAndRightAlignsNumbers() {
        let text = TableRenderer.render(
            columns: Self.columns, rows: Self.rows, format: .table, options: RenderOptions())
        let expected = """
            名称          人数  City
            ────────────  ────  ──────
            宁波甬江科技   120  Ningbo
            ABC              5

            """
        #expect(text == expected)
    }

    @Test func everyTableLineHasTheSameDisplayWidthBeforeTrimming() {
        let rows: [[Cell]] = [[.text("甲"), .text("x")], [.text("abcd"), .text("宁波")]]
        let text = TableRenderer.render(
            columns: [Column("a"), Column("b")], rows: rows, format: .table,
            options: RenderOptions())
        #expect(text == "a     b\n────  ────\n甲    x\nabcd  宁波\n")
    }

    @Test func alignRightFlagAppliesToTextColumns() {
        let text = TableRenderer.render(
            columns: [Column("code", title: "代码", alignRight: true)],
            rows: [[.text("3302")], [.text("330203")]], format: .table, options: RenderOptions())
        #expect(text == "  代码\n──────\n  3302\n330203\n")
    }

    @Test func mixedTextAndNumbersStayLeftAligned() {
        let text = TableRenderer.render(
            columns: [Column("v")], rows: [[.int(1)], [.text("n/a")]], format: .table,
            options: RenderOptions())
        #expect(text == "v\n───\n1\nn/a\n")
    }

    @Test func longCellsAreTruncatedWithEllipsis() {
        var options = RenderOptions()
        options.maxColumnWidth = 7
        let text = TableRenderer.render(
            columns: [Column("n", title: "名称")], rows: [[.text("宁波市鄞州区甬江街道")], [.text("abcdefghij")]],
            format: .table, options: options)
        #expect(text == "名称\n───────\n宁波市…\nabcdef…\n")
    }

    @Test func noWidthLimitKeepsCellsWhole() {
        var options = RenderOptions()
        options.maxColumnWidth = nil
        let long = String(repeating: "宁", count: 40)
        let text = TableRenderer.render(
            columns: [Column("n")], rows: [[.text(long)]], format: .table, options: options)
        #expect(text.contains(long))
    }

    @Test func newlinesInsideCellsDoNotBreakTheGrid() {
        let text = TableRenderer.render(
            columns: [Column("a")], rows: [[.text("x\ny")]], format: .table, options: RenderOptions())
        #expect(text == "a\n───\nx y\n")
    }

    @Test func cellsShowDoublesAndBoolsPlainly() {
        let text = TableRenderer.render(
            columns: [Column("d"), Column("b")],
            rows: [[.double(1e-7), .bool(true)], [.double(.nan), .bool(false)], [.double(2.0), .null]],
            format: .table, options: RenderOptions())
        #expect(text == "        d  b\n─────────  ─────\n0.0000001  true\n      NaN  false\n        2\n")
    }

    @Test func emptyTableHasHeaderAndRule() {
        let text = TableRenderer.render(
            columns: Self.columns, rows: [], format: .table, options: RenderOptions())
        #expect(text == "名称  人数  City\n────  ────  ────\n")
    }

    @Test func csvUsesTitlesAndQuotesWhereNeeded() {
        let rows: [[Cell]] = [
            [.text("宁波,甬江"), .int(-3), .text(" padded")],
            [.text("他说\"好\""), .double(2.5), .text("a\nb")],
            [.text("plain"), .null, .text("x\r")],
        ]
        let text = TableRenderer.render(
            columns: Self.columns, rows: rows, format: .csv, options: RenderOptions())
        #expect(
            text == "名称,人数,City\n\"宁波,甬江\",-3,\" padded\"\n\"他说\"\"好\"\"\",2.5,\"a\nb\"\nplain,,\"x\r\"\n")
    }

    @Test func csvForExcelHasBOMAndCRLF() {
        let text = TableRenderer.render(
            columns: [Column("a", title: "名称")], rows: [[.text("甲")]], format: .csv,
            options: .excel)
        #expect(Array(text.utf8) == [0xEF, 0xBB, 0xBF] + Array("名称\r\n甲\r\n".utf8))
    }

    @Test(arguments: [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"), ("+86 574", "'+86 574"), ("-cmd", "'-cmd"), ("@x", "'@x"),
        ("-12.5", "-12.5"), ("+3", "+3"), ("--1", "'--1"), ("a=b", "a=b"), ("=1,2", "\"'=1,2\""),
    ])
    func csvDefusesFormulas(_ input: String, _ expected: String) {
        let text = TableRenderer.render(
            columns: [Column("v")], rows: [[.text(input)]], format: .csv, options: RenderOptions())
        #expect(text == "v\n\(expected)\n")
    }

    @Test func negativeNumbersInNumericCellsAreNotDefused() {
        let text = TableRenderer.render(
            columns: [Column("i"), Column("d")], rows: [[.int(-42), .double(-0.5)]],
            format: .csv, options: RenderOptions())
        #expect(text == "i,d\n-42,-0.5\n")
    }

    @Test func jsonIsSortedStableAndTyped() {
        let columns = [
            Column("zeta", title: "Z"), Column("alpha", title: "A"), Column("名称"), Column("flag"),
            Column("none"),
        ]
        let rows: [[Cell]] = [
            [.int(1), .double(0.1), .text("宁波\"甬江\"\n"), .bool(true), .null],
            [.int(-2), .double(.infinity), .text(""), .bool(false), .double(3)],
        ]
        let text = TableRenderer.render(columns: columns, rows: rows, format: .json, options: RenderOptions())
        let expected = """
            [
            {"alpha":0.1,"flag":true,"none":null,"zeta":1,"名称":"宁波\\"甬江\\"\\n"},
            {"alpha":"Infinity","flag":false,"none":3.0,"zeta":-2,"名称":""}
            ]

            """
        #expect(text == expected)
        #expect(
            TableRenderer.render(columns: columns, rows: rows, format: .json, options: RenderOptions())
                == text)
    }

    @Test func jsonOfNoRowsIsAnEmptyArray() {
        #expect(
            TableRenderer.render(columns: Self.columns, rows: [], format: .json, options: RenderOptions())
                == "[]\n")
    }

    @Test func doublesAreShortestRoundTrip() {
        let text = TableRenderer.render(
            columns: [Column("v")], rows: [[.double(0.1 + 0.2)], [.double(1e21)], [.double(1e-7)]],
            format: .ndjson, options: RenderOptions())
        #expect(text == "{\"v\":0.30000000000000004}\n{\"v\":1e+21}\n{\"v\":1e-07}\n")
    }

    @Test func controlCharactersAreEscapedInJSON() {
        let text = TableRenderer.render(
            columns: [Column("v")], rows: [[.text("a\u{01}\tb\\")]], format: .ndjson,
            options: RenderOptions())
        #expect(text == "{\"v\":\"a\\u0001\\tb\\\\\"}\n")
    }

    @Test func shortRowsAreFilledWithNull() {
        let text = TableRenderer.render(
            columns: [Column("a"), Column("b")], rows: [[.int(1)]], format: .ndjson,
            options: RenderOptions())
        #expect(text == "{\"a\":1,\"b\":null}\n")
    }

    @Test(arguments: OutputFormat.allCases)
    func streamingWriteEqualsRender(_ format: OutputFormat) {
        var rows = Self.rows
        rows.append([.text("=1+1"), .double(-1.5), .text("x,y")])
        for options in [RenderOptions(), RenderOptions.excel] {
            var pieces: [String] = []
            TableRenderer.write(columns: Self.columns, rows: rows, format: format, options: options) {
                pieces.append($0)
            }
            #expect(
                pieces.joined()
                    == TableRenderer.render(
                        columns: Self.columns, rows: rows, format: format, options: options))
            if format == .csv || format == .ndjson {
                #expect(pieces.count >= rows.count)
            }
        }
    }

    @Test func csvStreamsALazySequenceRowByRow() {
        var produced = 0
        var sawFirstRowBeforeLast = false
        let lazyRows = (0..<1000).lazy.map { i -> [Cell] in
            produced = i + 1
            return [.int(Int64(i))]
        }
        var count = 0
        TableRenderer.write(columns: [Column("i")], rows: lazyRows, format: .csv, options: RenderOptions()) {
            piece in
            count += 1
            if piece == "0\n" && produced == 1 { sawFirstRowBeforeLast = true }
        }
        #expect(count == 1001)
        #expect(sawFirstRowBeforeLast)
    }

    @Test func csvOutputReadsBackThroughTheReader() throws {
        let rows: [[Cell]] = [[.text("宁波,甬江"), .text("第一行\n第二行")], [.text("他说\"好\""), .text(" x ")]]
        let text = TableRenderer.render(
            columns: [Column("a", title: "名称"), Column("b", title: "备注")], rows: rows,
            format: .csv, options: .excel)
        let file = try TabularReader.parse(Array(text.utf8), path: "r.csv", format: .csv, encoding: .utf8)
        #expect(file.header == ["名称", "备注"])
        #expect(file.rows.map(\.values) == [["宁波,甬江", "第一行\n第二行"], ["他说\"好\"", " x "]])
        #expect(file.rows.map(\.line) == [2, 4])
    }
}

@Suite struct ProgressTextTests {
    @Test func barPercentAndCounts() {
        #expect(ProgressText.line(label: "导入", done: 0, total: 200, width: 10) == "导入 [>         ] 0%  0/200")
        #expect(
            ProgressText.line(label: "import", done: 45_000, total: 100_000, width: 10)
                == "import [====>     ] 45%  45,000/100,000")
        #expect(
            ProgressText.line(label: "导入", done: 1_234_567, total: 1_234_567, width: 4)
                == "导入 [====] 100%  1,234,567/1,234,567")
        // Nothing to do counts as done; more than the total is capped.
        #expect(ProgressText.line(label: "x", done: 0, total: 0, width: 2) == "x [==] 100%  0/0")
        #expect(ProgressText.line(label: "x", done: 9, total: 3, width: 2) == "x [==] 100%  9/3")
    }
}

@Suite struct MeasureCellTests {
    @Test func measuresAreRoundedInTablesOnly() {
        let rows: [[Cell]] = [[.measure(0.684_45, places: 3)], [.measure(2, places: 3)]]
        let columns = [Column("hdi")]
        #expect(
            TableRenderer.render(columns: columns, rows: rows, format: .table, options: RenderOptions())
                == "  hdi\n─────\n0.684\n    2\n")
        #expect(
            TableRenderer.render(columns: columns, rows: rows, format: .csv, options: RenderOptions())
                == "hdi\n0.68445\n2\n")
        #expect(
            TableRenderer.render(columns: columns, rows: rows, format: .ndjson, options: RenderOptions())
                == "{\"hdi\":0.68445}\n{\"hdi\":2.0}\n")
    }

    @Test func nonFiniteNumbersAreNotMissing() {
        let rows: [[Cell]] = [[.double(.infinity)], [.double(-.infinity)], [.double(.nan)], [.null]]
        let text = TableRenderer.render(
            columns: [Column("x")], rows: rows, format: .ndjson, options: RenderOptions())
        #expect(text == "{\"x\":\"Infinity\"}\n{\"x\":\"-Infinity\"}\n{\"x\":\"NaN\"}\n{\"x\":null}\n")
        let csv = TableRenderer.render(
            columns: [Column("x")], rows: rows, format: .csv, options: RenderOptions())
        #expect(csv == "x\nInfinity\n-Infinity\nNaN\n\n")
    }
}
