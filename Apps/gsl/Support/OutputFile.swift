import Foundation
import GSLCore

/// Files the commands write (reports, exports, generated data): one way to write them, and one
/// error when that fails (73, `cannotCreate`, naming the path).
enum OutputFile {
    /// Writes `data` to `path`, replacing what was there.
    static func write(_ data: Data, to path: String) throws(GSLError) {
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw GSLError(.cannotCreate, Message("无法写入 \(path)", en: "cannot write \(path)"))
                .at(SourceLocation(file: path))
        }
    }

    /// Writes `text` as UTF-8 to `path`.
    static func write(_ text: String, to path: String) throws(GSLError) {
        try write(Data(text.utf8), to: path)
    }
}
