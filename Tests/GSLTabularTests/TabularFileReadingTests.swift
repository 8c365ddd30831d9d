import Foundation
import GSLCore
import GSLTestSupport
import Testing

@testable import GSLTabular

@Suite struct TabularFileReadingTests {
    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let directory = try Fixtures.temporaryDirectory()
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test(arguments: [
        ("a.csv", TabularFormat.csv), ("a.TXT", .csv), ("a.json", .json), ("a.ndjson", .ndjson),
        ("a.jsonl", .ndjson),
    ])
    func formatComesFromExtension(_ name: String, _ expected: TabularFormat) {
        #expect(TabularFormat.fromExtension(of: "/tmp/x.y/" + name) == expected)
    }

    @Test func noExtensionMeansNoFormat() {
        #expect(TabularFormat.fromExtension(of: "/tmp/x.d/data") == nil)
        // A workbook is .xlsx; an old .xls is recognised by its bytes and refused when read.
        #expect(TabularFormat.fromExtension(of: "data.xls") == nil)
    }

    @Test func readSniffsWhenTheExtensionSaysNothing() throws {
        let json = try Self.write(Array("\u{FEFF}\n [{\"a\": 1}]".utf8), name: "export")
        #expect(try TabularReader.read(path: json, format: nil, encoding: .auto).format == .json)
        let ndjson = try Self.write(Array("{\"a\": 1}\n{\"a\": 2}\n".utf8), name: "export.dat")
        let file = try TabularReader.read(path: ndjson, format: nil, encoding: .auto)
        #expect(file.format == .ndjson)
        #expect(file.rows.count == 2)
        let csv = try Self.write(Array("a,b\n1,2\n".utf8), name: "export2")
        #expect(try TabularReader.read(path: csv, format: nil, encoding: .auto).format == .csv)
    }

    @Test func explicitFormatWinsOverExtension() throws {
        let path = try Self.write(Array("a\n1\n".utf8), name: "odd.json")
        let file = try TabularReader.read(path: path, format: .csv, encoding: .auto)
        #expect(file.format == .csv)
        #expect(file.rows[0].values == ["1"])
    }

    @Test func readsAGBKFileFromDisk() throws {
        let path = try Self.write(EncodingTests.gbkFile, name: "会员.csv")
        let file = try TabularReader.read(path: path, format: nil, encoding: .auto)
        #expect(file.path == path)
        #expect(file.header == ["企业名称", "营业收入（万元）"])
        #expect(file.notices.count == 1)
    }

    @Test func missingFileIsNotFound() {
        let error = TestHelpers.error {
            _ = try TabularReader.read(path: "/nonexistent/none.csv", format: nil, encoding: .auto)
        }
        #expect(error?.kind == .notFound)
        #expect(error?.cause == .fileNotFound)
        #expect(error?.mentions("/nonexistent/none.csv") == true)
    }

    @Test func dataOverloadMatchesBytes() throws {
        let bytes = Array("a,b\n1,2\n".utf8)
        let fromData = try TabularReader.parse(Data(bytes), path: "x.csv", format: .csv, encoding: .auto)
        #expect(fromData.rows.map(\.values) == [["1", "2"]])
    }
}
