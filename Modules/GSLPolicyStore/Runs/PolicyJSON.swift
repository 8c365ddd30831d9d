import Foundation
import GSLCore

/// JSON for stored results: sorted keys, non-finite numbers as strings, decoded back the same way.
enum PolicyJSON {
    static func encode<T: Encodable>(_ value: T) throws(GSLError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw GSLError(
                .internalError, Message("结果无法编码：\(error)", en: "cannot encode the result: \(error)"))
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws(GSLError) -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw GSLError(
                .internalError, Message("存储的结果无法读取：\(error)", en: "cannot read the stored result: \(error)"))
        }
    }
}
