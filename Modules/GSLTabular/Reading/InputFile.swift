import Foundation
import GSLCore

/// Reads a settings or input file given on the command line, with one error per way it can fail:
/// missing (66), a directory (64), not readable (77), not UTF-8 (65, at its line and column).
public enum InputFile {
    /// The file's bytes; `what` names the file in messages (e.g. 规格文件 / spec file).
    public static func bytes(_ path: String, what: Message = Message("文件", en: "file")) throws(GSLError)
        -> [UInt8]
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GSLError(
                .notFound, Message("找不到\(what.zh)：\(path)", en: "\(what.en) not found: \(path)"),
                at: SourceLocation(file: path)
            ).because(.fileNotFound)
        }
        guard !isDirectory.boolValue else {
            throw GSLError(
                .usage, Message("\(path) 是目录，不是\(what.zh)", en: "\(path) is a directory, not a \(what.en)")
            ).because(.pathIsDirectory)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GSLError(
                .permission,
                Message("无权读取\(what.zh)：\(path)", en: "no permission to read the \(what.en) \(path)"),
                at: SourceLocation(file: path))
        }
        return [UInt8](data)
    }

    /// The file as UTF-8 text (a BOM dropped); invalid bytes are refused at their line and column.
    public static func text(_ path: String, what: Message = Message("文件", en: "file")) throws(GSLError)
        -> String
    {
        let decoded = try ByteDecoder.decode(try bytes(path, what: what), encoding: .utf8, path: path)
        return String(decoding: decoded.bytes, as: UTF8.self)
    }
}
