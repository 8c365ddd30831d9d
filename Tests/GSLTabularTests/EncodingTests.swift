import Foundation
import GSLCore
import GSLTestSupport
import Testing

@testable import GSLTabular

@Suite struct EncodingTests {
    /// A GBK CSV as Chinese Excel saves it: 企业名称,营业收入（万元）CRLF 宁波,12.5 CRLF.
    static let gbkFile: [UInt8] =
        TestHelpers.gbkEnterpriseName + [0x2C] + TestHelpers.gbkRevenueWithUnit
        + [0x0D, 0x0A] + TestHelpers.gbkNingbo + Array(",12.5\r\n".utf8)

    @Test func hardCodedGBKBytesMatchIconv() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") else {
            Issue.record("iconv not installed; fixture bytes not cross-checked")
            return
        }
        process.arguments = ["-f", "UTF-8", "-t", "GBK"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("企业名称,营业收入（万元）\r\n宁波,12.5\r\n".utf8))
        try input.fileHandleForWriting.close()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect([UInt8](bytes) == Self.gbkFile)
    }

    @Test func autoConvertsGBKWithANotice() throws {
        let file = try TabularReader.parse(Self.gbkFile, path: "gbk.csv", format: .csv, encoding: .auto)
        #expect(file.header == ["企业名称", "营业收入（万元）"])
        #expect(file.rows.map(\.values) == [["宁波", "12.5"]])
        #expect(file.rows[0].line == 2)
        #expect(file.notices.count == 1)
        #expect(file.notices.first?.en.contains("GB18030") == true)
        #expect(file.notices.first?.zh.contains("gbk.csv") == true)
    }

    @Test func explicitGB18030DecodesDirectlyWithoutNotice() throws {
        let file = try TabularReader.parse(Self.gbkFile, path: "gbk.csv", format: .csv, encoding: .gb18030)
        #expect(file.header == ["企业名称", "营业收入（万元）"])
        #expect(file.notices.isEmpty)
    }

    @Test func explicitUTF8RefusesGBKNamingOffsetLineAndTheCause() {
        // Line 1 is ASCII, the first GBK byte sits at offset 6 on line 2.
        let bytes = Array("id,x\r\n".utf8) + TestHelpers.gbkNingbo + Array(",1\r\n".utf8)
        let error = TestHelpers.error {
            _ = try TabularReader.parse(bytes, path: "g.csv", format: .csv, encoding: .utf8)
        }
        #expect(error?.kind == .data)
        #expect(error?.location == SourceLocation(file: "g.csv", line: 2, column: 1))
        // The message names the byte offset of the first bad byte.
        #expect(error?.mentions("6") == true)
        // The reader names the cause; the CLI adds "--encoding gb18030" as a hint at its edge.
        #expect(error?.cause == .invalidUTF8)
    }

    @Test func utf8WithBOMUnderAutoHasNoNotice() throws {
        let file = try TabularReader.parse(
            [0xEF, 0xBB, 0xBF] + Array("名称\n甲\n".utf8), path: "u.csv",
            format: .csv, encoding: .auto)
        #expect(file.header == ["名称"])
        #expect(file.notices.isEmpty)
    }

    @Test func gb18030FourByteSequenceDecodes() throws {
        // U+20AC € is 0xA2E3 in GB18030; U+00B7 · is 0xA1A4; U+0080 is the four-byte 0x81308130.
        let bytes: [UInt8] = Array("a\n".utf8) + [0x81, 0x30, 0x81, 0x30, 0x0A]
        let file = try TabularReader.parse(bytes, path: "f.csv", format: .csv, encoding: .gb18030)
        #expect(file.rows.first?.values == ["\u{80}"])
    }

    @Test func undecodableBytesUnderGB18030AreAnError() {
        let bytes: [UInt8] = Array("a\nb\n".utf8) + [0xFF, 0xFF, 0x0A]
        let error = TestHelpers.error {
            _ = try TabularReader.parse(bytes, path: "bad.csv", format: .csv, encoding: .gb18030)
        }
        #expect(error?.kind == .data)
        #expect(error?.location?.line == 3)
    }

    @Test func utf8ValidatorRejectsOverlongAndSurrogates() {
        #expect(ByteDecoder.firstInvalidUTF8(Array("宁波 ok".utf8)) == nil)
        #expect(ByteDecoder.firstInvalidUTF8([0x41, 0xC0, 0x80]) == 1)
        #expect(ByteDecoder.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)
        #expect(ByteDecoder.firstInvalidUTF8([0x41, 0x42, 0xE4, 0xB8]) == 2)
        #expect(ByteDecoder.firstInvalidUTF8([0xF0, 0x9F, 0x98, 0x80]) == nil)
    }
}
