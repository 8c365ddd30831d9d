/// Reads JSON settings into a `ConfigNode` tree that keeps the line and column of every key and value.
/// Duplicate keys and nesting deeper than `maxDepth` are refused.
public struct ConfigJSON {
    /// Deepest nesting accepted (a settings file is shallow; this guards the stack).
    public static let maxDepth = 200

    private let bytes: [UInt8]
    private let file: String?
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// How far the column count of the current line has been taken (`columnAt`), and the column
    /// there: every value's column continues from the last, so a one-line document of n bytes (an
    /// audit payload of thousands of rows) costs O(n), not O(n²).
    private var columnFrom = 0
    private var columnAt = 1

    private init(_ text: String, file: String?) {
        var b = Array(text.utf8)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
        self.file = file
    }

    /// Parses `text`; errors are `.data` with `file`, line and column.
    public static func parse(_ text: String, file: String? = nil) throws(GSLError) -> ConfigNode {
        var p = ConfigJSON(text, file: file)
        p.skipSpace()
        let node = try p.value(depth: 0)
        p.skipSpace()
        if p.i < p.bytes.count { throw p.error("文档结束后还有内容", en: "unexpected text after the document") }
        return node
    }

    private var column: Int {
        var count = 1
        var k = lineStart
        while k < i && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { count += 1 }
            k += 1
        }
        return count
    }

    /// The current column, counted on from where the last count stopped.
    private mutating func currentColumn() -> Int {
        if columnFrom < lineStart || columnFrom > i {
            columnFrom = lineStart
            columnAt = 1
        }
        while columnFrom < i && columnFrom < bytes.count {
            if bytes[columnFrom] & 0xC0 != 0x80 { columnAt += 1 }
            columnFrom += 1
        }
        return columnAt
    }

    private func error(_ zh: String, en: String, because cause: GSLError.Cause = .configSyntax) -> GSLError {
        GSLError.data(
            "JSON 语法错误：\(zh)", en: "JSON syntax error: \(en)",
            at: SourceLocation(file: file, line: line, column: column)
        ).because(cause)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09: i += 1
            case 0x0A:
                i += 1; line += 1; lineStart = i
            case 0x0D:
                i += 1
                if i < bytes.count && bytes[i] == 0x0A { i += 1 }
                line += 1; lineStart = i
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(GSLError) -> ConfigNode {
        guard i < bytes.count else { throw error("文件意外结束", en: "unexpected end of file") }
        if depth > Self.maxDepth {
            throw error("嵌套过深", en: "nesting deeper than \(Self.maxDepth)", because: .configTooLarge)
        }
        let (l, c) = (line, currentColumn())
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var entries: [ConfigNode.Entry] = []
            var seen: [String: Int] = [:]
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
                i += 1
                return ConfigNode(.object([]), line: l, column: c)
            }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw error("此处应为字段名（带引号）", en: "expected a quoted key")
                }
                let (kl, kc) = (line, currentColumn())
                let key = try string()
                if let first = seen[key] {
                    throw error(
                        "字段「\(key)」重复（第一次在第 \(first) 行）",
                        en: "duplicate key '\(key)' (first on line \(first))", because: .configDuplicateKey)
                }
                seen[key] = kl
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                    throw error("字段名后应为冒号", en: "expected ':' after a key")
                }
                i += 1
                skipSpace()
                let v = try value(depth: depth + 1)
                entries.append(.init(key: key, line: kl, column: kc, value: v))
                skipSpace()
                guard i < bytes.count else { throw error("文件意外结束", en: "unexpected end of file") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return ConfigNode(.object(entries), line: l, column: c)
                }
                throw error("此处应为逗号或 }", en: "expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [ConfigNode] = []
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
                i += 1
                return ConfigNode(.array([]), line: l, column: c)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error("文件意外结束", en: "unexpected end of file") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return ConfigNode(.array(items), line: l, column: c)
                }
                throw error("此处应为逗号或 ]", en: "expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return ConfigNode(.string(try string(), plain: false), line: l, column: c)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for (word, v) in [
                ("true", ConfigNode.Value.bool(true)), ("false", .bool(false)), ("null", .null),
            ] {
                let w = Array(word.utf8)
                if bytes.count - i >= w.count && Array(bytes[i..<(i + w.count)]) == w {
                    i += w.count
                    return ConfigNode(v, line: l, column: c)
                }
            }
            throw error("无法识别的值", en: "unrecognised value")
        default:
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            let digits = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
            guard i < bytes.count, digits(bytes[i]) else { throw error("无法识别的值", en: "unrecognised value") }
            while i < bytes.count, digits(bytes[i]) { i += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard i < bytes.count, digits(bytes[i]) else {
                    throw error("小数点后应为数字", en: "expected a digit")
                }
                while i < bytes.count, digits(bytes[i]) { i += 1 }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard i < bytes.count, digits(bytes[i]) else {
                    throw error("指数应为数字", en: "expected an exponent")
                }
                while i < bytes.count, digits(bytes[i]) { i += 1 }
            }
            return ConfigNode(.number(String(decoding: bytes[start..<i], as: UTF8.self)), line: l, column: c)
        }
    }

    private mutating func string() throws(GSLError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw error("字符串中有控制字符或换行", en: "control character or line break in a string") }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                do {
                    i = try JSONString.unescape(bytes, at: i, into: &out)
                } catch {
                    switch error.kind {
                    case .unknown: throw self.error("无效的转义", en: "invalid escape")
                    case .invalidUnicode: throw self.error("无效的 \\u 转义", en: "invalid \\u escape")
                    case .invalidSurrogatePair: throw self.error("无效的代理对", en: "invalid surrogate pair")
                    }
                }
                continue
            }
            out.append(b)
            i += 1
        }
        throw error("字符串没有结束引号", en: "unterminated string")
    }
}
