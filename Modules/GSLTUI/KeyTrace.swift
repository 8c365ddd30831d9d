import Foundation
import GSLCore
import GSLTerminal

/// `GSL_TUI_TRACE=FILE`: per key, the time from reading the key to the end of the refresh, one
/// line `KEY<TAB>MICROSECONDS` each, appended and flushed per key.
final class KeyTrace {
    private let handle: FileHandle

    /// Opens (creates or truncates) the trace file.
    init(path: String) throws(GSLError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw GSLError(
                .cannotCreate, Message("无法写入跟踪文件 \(path)", en: "cannot write the trace file \(path)")
            ).because(.tuiTraceNotWritable)
        }
        self.handle = handle
    }

    /// Records one key.
    func record(_ key: Key, microseconds: Int64) {
        handle.write(Data("\(key.name)\t\(microseconds)\n".utf8))
    }
}
