import GSLCore
import GSLTestSupport
import Testing

@testable import GSLTabular

@Suite struct JSONReadingTests {
    static func json(_ text: String) throws(GSLError) -> TabularFile {
        try TabularReader.parse(Array(text.utf8), path: "d.json", format: .json, encoding: .auto)
    }

    static func ndjson(_ text: String) throws(GSLError) -> TabularFile {
        try TabularReader.parse(Array(text.utf8), path: "d.ndjson", format: .ndjson, encoding: .auto)
    }

    @Test func arrayOfFlatObjectsWithUnionHeaderAndLines() throws {
        let file = try Self.json(
            """
            [
              {"name": "宁波甬江科技", "employees": 120, "listed": true},
              {
                "name": "四明制造",
                "city": "宁波",
                "employees": null
              }
            ]
            """)
        #expect(file.header == ["name", "employees", "listed", "city"])
        #expect(file.rows.map(\.values) == [["宁波甬江科技", "120", "true", ""], ["四明制造", "", "", "宁波"]])
        #expect(file.rows.map(\.line) == [2, 3])
        #expect(file.format == .json)
    }

    @Test(arguments: [
        ("1", "1"), ("-12", "-12"), ("1.0", "1"), ("2.50", "2.5"), ("1.5e3", "1500"),
        ("1E+2", "100"), ("1e-7", "0.0000001"), ("-0.0", "0"),
        ("123456789012345678901234", "123456789012345678901234"),
        ("47.76e8", "4776000000"), ("0.1", "0.1"),
    ])
    func numbersArePlainDecimals(_ literal: String, _ expected: String) throws {
        let file = try Self.json("[{\"v\": \(literal)}]")
        #expect(file.rows[0].values == [expected])
    }

    @Test func stringEscapesAreResolved() throws {
        let file = try Self.json(#"[{"a": "line\nnext \"q\" \u5B81\u6CE2 \ud83d\ude00 \/"}]"#)
        #expect(file.rows[0].values == ["line\nnext \"q\" 宁波 😀 /"])
    }

    @Test func nestedValueIsAnErrorWithLine() {
        let error = TestHelpers.error { _ = try Self.json("[\n{\"a\": 1},\n{\"a\": {\"b\": 2}}\n]") }
        #expect(error?.kind == .data)
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 7)
        #expect(error?.cause == .nestedJSONValue)
    }

    @Test func nestedArrayIsAnError() {
        let error = TestHelpers.error { _ = try Self.json("[{\"tags\": [1, 2]}]") }
        #expect(error?.cause == .nestedJSONValue)
        #expect(error?.mentions("tags") == true)
    }

    @Test func invalidJSONNamesLineAndColumn() {
        let error = TestHelpers.error { _ = try Self.json("[\n  {\"a\": 1,}\n]") }
        #expect(error?.kind == .data)
        #expect(error?.location == SourceLocation(file: "d.json", line: 2, column: 11))
        #expect(error?.cause == .importMalformedJSON)
    }

    @Test func columnCountsCharactersNotBytes() {
        let error = TestHelpers.error { _ = try Self.json("[{\"名称\": 宁波}]") }
        #expect(error?.location?.column == 9)
    }

    @Test func topLevelObjectIsRefused() {
        let error = TestHelpers.error { _ = try Self.json("{\"a\": 1}") }
        #expect(error?.kind == .data)
        #expect(error?.location?.line == 1)
    }

    @Test func trailingContentIsRefused() {
        let error = TestHelpers.error { _ = try Self.json("[{\"a\": 1}]\n[]") }
        #expect(error?.location?.line == 2)
    }

    @Test func duplicateKeyInOneObjectIsRefused() {
        let error = TestHelpers.error { _ = try Self.json("[{\"a\": 1, \"a\": 2}]") }
        #expect(error?.cause == .importDuplicateColumn)
    }

    @Test func emptyArrayHasNoRows() throws {
        let file = try Self.json("[ ]")
        #expect(file.rows.isEmpty)
        #expect(file.header.isEmpty)
    }

    @Test func jsonWithBOMIsRead() throws {
        let file = try TabularReader.parse(
            [0xEF, 0xBB, 0xBF] + Array("[{\"a\":\"x\"}]".utf8), path: "b.json",
            format: .json, encoding: .auto)
        #expect(file.rows[0].values == ["x"])
    }

    @Test func ndjsonOneObjectPerLineSkippingBlanks() throws {
        let file = try Self.ndjson("{\"name\":\"甲\",\"n\":1}\r\n\r\n{\"n\":2.0,\"extra\":false}\n\n")
        #expect(file.header == ["name", "n", "extra"])
        #expect(file.rows.map(\.values) == [["甲", "1", ""], ["", "2", "false"]])
        #expect(file.rows.map(\.line) == [1, 3])
        #expect(file.rows.map(\.index) == [0, 1])
    }

    @Test func ndjsonErrorNamesItsLine() {
        let error = TestHelpers.error { _ = try Self.ndjson("{\"a\":1}\n{\"a\":2}\n{\"a\":}\n") }
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 6)
    }

    @Test func ndjsonTwoObjectsOnOneLineAreRefused() {
        let error = TestHelpers.error { _ = try Self.ndjson("{\"a\":1} {\"a\":2}\n") }
        #expect(error?.kind == .data)
        #expect(error?.location?.line == 1)
    }

    @Test func jsonLocationHasLineAndFieldButNoColumn() throws {
        let file = try Self.json("[\n{\"a\": 1, \"b\": 2}\n]")
        #expect(
            file.location(row: file.rows[0], column: 1) == SourceLocation(file: "d.json", line: 2, field: "b")
        )
    }
}
