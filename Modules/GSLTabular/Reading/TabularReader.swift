import Foundation
import GSLCore

/// Reads CSV, JSON and NDJSON files as federation staff produce them (Excel/WPS, UTF-8 or GBK).
public enum TabularReader {
    /// Reads the file at `path`; the format comes from `format`, else the extension, else the content
    /// (a workbook is recognised by its bytes whatever its name). `sheet` names a workbook's sheet
    /// (default: the first).
    public static func read(
        path: String, format: TabularFormat?, encoding: InputEncoding, sheet: String? = nil
    ) throws(GSLError) -> TabularFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GSLError(
                .notFound, Message("找不到文件：\(path)", en: "file not found: \(path)"),
                at: SourceLocation(file: path)
            ).because(.fileNotFound)
        }
        guard !isDirectory.boolValue else {
            throw GSLError(.usage, Message("\(path) 是目录，不是文件", en: "\(path) is a directory, not a file"))
                .because(.pathIsDirectory)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GSLError(
                .notFound, Message("无法读取文件：\(path)", en: "cannot read file: \(path)"),
                at: SourceLocation(file: path))
        }
        let bytes = [UInt8](data)
        var chosen = format ?? TabularFormat.fromExtension(of: path) ?? TabularFormat.sniff(bytes)
        if format == nil, TabularFormat.sniff(bytes) == .xlsx { chosen = .xlsx }  // a workbook named .csv
        return try parse(bytes, path: path, format: chosen, encoding: encoding, sheet: sheet)
    }

    /// Parses file content already in memory; `path` names it in errors and locations.
    public static func parse(
        _ data: [UInt8], path: String, format: TabularFormat,
        encoding: InputEncoding, sheet: String? = nil
    ) throws(GSLError) -> TabularFile {
        if format == .xlsx { return try parseXLSX(data, path: path, sheet: sheet) }
        let decoded = try ByteDecoder.decode(data, encoding: encoding, path: path)
        let isBlank = decoded.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if isBlank {
            throw GSLError.data("文件为空", en: "the file is empty", at: SourceLocation(file: path))
                .because(.importEmptyFile)
        }
        try refuseControlBytes(decoded.bytes, path: path)
        switch format {
        case .csv: return try parseCSV(decoded, path: path)
        case .json: return try parseJSON(decoded, path: path)
        case .ndjson: return try parseNDJSON(decoded, path: path)
        case .xlsx: return try parseXLSX(data, path: path, sheet: sheet)
        }
    }

    /// Refuses NUL and the other control characters (tab and line breaks aside) anywhere in a file:
    /// text holding them is stored but can then be neither found nor shown.
    static func refuseControlBytes(_ bytes: [UInt8], path: String) throws(GSLError) {
        guard
            let bad = bytes.firstIndex(where: {
                ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F
            })
        else { return }
        let (line, column) = ByteDecoder.position(of: bad, in: bytes)
        let hex = String(bytes[bad], radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        throw GSLError.data(
            "文本中有控制字符 \(code)，请删除后再试", en: "the text holds the control character \(code); remove it",
            at: SourceLocation(file: path, line: line, column: column)
        ).because(.controlCharacter)
    }

    /// Parses file content given as `Data`.
    public static func parse(
        _ data: Data, path: String, format: TabularFormat,
        encoding: InputEncoding
    ) throws(GSLError) -> TabularFile {
        try parse([UInt8](data), path: path, format: format, encoding: encoding)
    }
}
