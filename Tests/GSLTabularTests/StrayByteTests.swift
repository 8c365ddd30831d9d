import Foundation
import GSLCore
import GSLTestSupport
import Testing

@testable import GSLTabular

/// A UTF-8 file with one bad byte sequence is refused where it is, never converted as a whole.
@Suite struct StrayByteTests {
    /// A UTF-8 file of several Chinese rows with `stray` pasted into the note on line 4.
    func file(_ stray: [UInt8]) -> [UInt8] {
        Array("名称,备注\n宁波甬联科技有限公司,甲\n宁波天一模具有限公司,乙\n".utf8) + Array("海曙商贸有限公司,见".utf8) + stray
            + Array("附件\n".utf8)
    }

    @Test(arguments: [[0xA1, 0xA1] as [UInt8], [0xFF]])
    func aStrayByteInUTF8IsRefusedAtItsLineAndColumn(stray: [UInt8]) {
        let error = TestHelpers.error {
            _ = try TabularReader.parse(file(stray), path: "notes.csv", format: .csv, encoding: .auto)
        }
        #expect(error?.kind == .data)
        // 海曙商贸有限公司,见 is 10 characters: the bad bytes are the 11th.
        #expect(error?.location == SourceLocation(file: "notes.csv", line: 4, column: 11))
        // Not `invalidUTF8`: the hint to read the file as GB18030 would turn it into mojibake.
        #expect(error?.cause == .strayBytesInUTF8)
    }

    @Test func aWholeGBKFileIsStillConverted() throws {
        let bytes = Array("id,x\r\n".utf8) + TestHelpers.gbkNingbo + Array(",1\r\n".utf8)
        let file = try TabularReader.parse(bytes, path: "g.csv", format: .csv, encoding: .auto)
        #expect(file.rows.first?.values == ["宁波", "1"])
        #expect(file.notices.count == 1)
    }

    @Test func theLineOfABadByteAfterCRLinesIsItsOwn() {
        let bytes = Array("a\r\nb\rc\n".utf8) + [0xFF] + Array("\n".utf8)
        let error = TestHelpers.error {
            _ = try TabularReader.parse(bytes, path: "cr.csv", format: .csv, encoding: .utf8)
        }
        #expect(error?.location?.line == 4)
        #expect(error?.location?.column == 1)
    }
}

@Suite struct ControlCharacterTests {
    @Test(arguments: [[0x00] as [UInt8], [0x07], [0x7F]])
    func controlCharactersInAFileAreRefusedWhereTheyAre(byte: [UInt8]) {
        let bytes = Array("名称,备注\n甲公司,好\n乙".utf8) + byte + Array("公司,x\n".utf8)
        let error = TestHelpers.error {
            _ = try TabularReader.parse(bytes, path: "c.csv", format: .csv, encoding: .auto)
        }
        #expect(error?.kind == .data)
        #expect(error?.location == SourceLocation(file: "c.csv", line: 3, column: 2))
    }

    @Test func tabsAndLineBreaksAreText() throws {
        let file = try TabularReader.parse(
            Array("a,b\r\n\"x\ty\",\"多\n行\"\r\n".utf8), path: "t.csv", format: .csv, encoding: .auto)
        #expect(file.rows.first?.values == ["x\ty", "多\n行"])
    }
}
