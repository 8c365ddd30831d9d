/// The layout of a tabular input file.
public enum TabularFormat: String, Sendable, CaseIterable {
    /// Comma-separated values (RFC 4180, as Excel and WPS save them).
    case csv
    /// A JSON array of flat objects.
    case json
    /// One JSON object per line.
    case ndjson
    /// An Excel workbook (.xlsx/.xlsm): one sheet read as a table.
    case xlsx

    /// The format a file name's extension implies (`.csv`/`.txt`/`.tsv`, `.json`, `.ndjson`/`.jsonl`, `.xlsx`/`.xlsm`), if any.
    public static func fromExtension(of path: String) -> TabularFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv", "txt", "tsv": return .csv
        case "json": return .json
        case "ndjson", "jsonl": return .ndjson
        case "xlsx", "xlsm": return .xlsx
        default: return nil
        }
    }

    /// The format guessed from the first meaningful byte: `[` is JSON, `{` is NDJSON, a ZIP archive
    /// (or an old binary .xls, refused when read) a workbook, anything else CSV.
    public static func sniff(_ bytes: [UInt8]) -> TabularFormat {
        if XLSXReader.looksLikeZIP(bytes) || XLSXReader.looksLikeCompoundFile(bytes) { return .xlsx }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        for byte in bytes[start...] {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "["): return .json
            case UInt8(ascii: "{"): return .ndjson
            default: return .csv
            }
        }
        return .csv
    }
}
