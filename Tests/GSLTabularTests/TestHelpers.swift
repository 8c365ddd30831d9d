import GSLCore
import Testing

@testable import GSLTabular

/// Shorthands for building byte fixtures and checking errors.
enum TestHelpers {
    /// The UTF-8 bytes of `text`.
    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// GBK bytes of 企业名称 (C6F3 D2B5 C3FB B3C6), checked against iconv.
    static let gbkEnterpriseName: [UInt8] = [0xC6, 0xF3, 0xD2, 0xB5, 0xC3, 0xFB, 0xB3, 0xC6]
    /// GBK bytes of 营业收入（万元）.
    static let gbkRevenueWithUnit: [UInt8] = [
        0xD3, 0xAA, 0xD2, 0xB5, 0xCA, 0xD5, 0xC8, 0xEB,
        0xA3, 0xA8, 0xCD, 0xF2, 0xD4, 0xAA, 0xA3, 0xA9,
    ]
    /// GBK bytes of 宁波.
    static let gbkNingbo: [UInt8] = [0xC4, 0xFE, 0xB2, 0xA8]

    /// Parses `text` as CSV (UTF-8).
    static func csv(_ text: String, encoding: InputEncoding = .auto) throws(GSLError) -> TabularFile {
        try TabularReader.parse(utf8(text), path: "t.csv", format: .csv, encoding: encoding)
    }

    /// The GSLError thrown by `body`, or nil when it succeeded.
    static func error(_ body: () throws -> Void) -> GSLError? {
        do {
            try body()
            return nil
        } catch let error as GSLError {
            return error
        } catch {
            Issue.record("not a GSLError: \(error)")
            return nil
        }
    }
}
