import Foundation
import GSLCore

/// Prints solver results as JSON with sorted keys.
enum SolveOutput {
    /// Writes `value` to standard output as one JSON document.
    static func print<T: Encodable>(_ value: T) throws(GSLError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } catch {
            throw GSLError(
                .internalError, Message("无法输出结果：\(error)", en: "cannot write the result: \(error)"))
        }
    }
}
