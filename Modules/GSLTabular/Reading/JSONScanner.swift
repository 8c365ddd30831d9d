import GSLCore

/// A small JSON reader for arrays of flat objects that keeps line and column of every token.
struct JSONScanner {
    /// One flat object: its keys and text values in order, and where it starts.
    struct FlatObject {
        /// The 1-based line of the opening brace.
        var line: Int
        /// Key–value pairs in document order; `nil` for JSON null.
        var pairs: [(String, String?)]
    }

    /// The bytes (UTF-8, no BOM).
    let bytes: [UInt8]
    /// The file, for error locations.
    private let path: String
    /// The read position.
    var i = 0
    /// The current 1-based line.
    private var line: Int
    /// The byte offset where the current line starts.
    private var lineStart = 0

    /// A scanner over `bytes`, whose first byte is on `firstLine`.
    init(_ bytes: [UInt8], path: String, firstLine: Int = 1) {
        self.bytes = bytes
        self.path = path
        self.line = firstLine
    }

    /// The 1-based character column of the read position.
    private var column: Int {
        var count = 1
        var k = lineStart
        while k < i && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { count += 1 }
            k += 1
        }
        return count
    }

    /// A data error at the read position (`cause` defaults to invalid JSON).
    func error(_ zh: String, en: String, because cause: GSLError.Cause = .importMalformedJSON) -> GSLError {
        GSLError.data(
            "JSON 格式错误：\(zh)", en: "invalid JSON: \(en)",
            at: SourceLocation(file: path, line: line, column: column)
        ).because(cause)
    }

    /// Skips spaces and line ends, counting lines.
    mutating func skipSpace() {
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

    /// True when only white space remains.
    mutating func atEnd() -> Bool {
        skipSpace()
        return i >= bytes.count
    }

    /// Reads a top-level array of flat objects, then expects the end of input.
    mutating func readArrayOfObjects() throws(GSLError) -> [FlatObject] {
        skipSpace()
        guard i < bytes.count else { throw error("文件为空", en: "the file is empty", because: .importEmptyFile) }
        guard bytes[i] == UInt8(ascii: "[") else {
            throw error(
                "顶层应为由对象组成的数组 [ {...}, ... ]", en: "the top level must be an array of objects [ {...}, ... ]")
        }
        i += 1
        var objects: [FlatObject] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
            i += 1
        } else {
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else {
                    throw error("数组元素应为对象 {...}", en: "array elements must be objects {...}")
                }
                objects.append(try readObject())
                skipSpace()
                guard i < bytes.count else {
                    throw error("数组未结束（缺少 ]）", en: "unterminated array (missing ])")
                }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                throw error("应为 , 或 ]", en: "expected , or ]")
            }
        }
        guard atEnd() else { throw error("数组之后还有多余内容", en: "unexpected content after the array") }
        return objects
    }

    /// Reads one flat object at the read position (which must be `{`).
    mutating func readObject() throws(GSLError) -> FlatObject {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else {
            throw error("应为对象 {...}", en: "expected an object {...}")
        }
        let startLine = line
        i += 1
        var pairs: [(String, String?)] = []
        var seen: Set<String> = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
            i += 1
            return FlatObject(line: startLine, pairs: pairs)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error("应为带引号的字段名", en: "expected a quoted key")
            }
            let key = try readString()
            guard seen.insert(key).inserted else {
                throw error(
                    "同一对象中字段“\(key)”重复", en: "duplicate key \"\(key)\" in one object",
                    because: .importDuplicateColumn)
            }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw error("应为 :", en: "expected :")
            }
            i += 1
            skipSpace()
            pairs.append((key, try readScalar(key: key)))
            skipSpace()
            guard i < bytes.count else { throw error("对象未结束（缺少 }）", en: "unterminated object (missing })") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw error("应为 , 或 }", en: "expected , or }")
        }
        return FlatObject(line: startLine, pairs: pairs)
    }

    /// Reads a string, number, boolean or null as text (`nil` for null).
    private mutating func readScalar(key: String) throws(GSLError) -> String? {
        guard i < bytes.count else { throw error("缺少值", en: "missing value") }
        switch bytes[i] {
        case UInt8(ascii: "\""): return try readString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            throw error(
                "字段“\(key)”的值是嵌套的对象或数组，只支持文本、数字、布尔值和 null",
                en:
                    "the value of \"\(key)\" is a nested object or array; only strings, numbers, booleans and null are allowed",
                because: .nestedJSONValue)
        case UInt8(ascii: "t"): try expectWord("true"); return "true"
        case UInt8(ascii: "f"): try expectWord("false"); return "false"
        case UInt8(ascii: "n"): try expectWord("null"); return nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw error("无法识别的值", en: "unexpected value")
        }
    }

    /// Consumes `word` exactly.
    mutating func expectWord(_ word: StaticString) throws(GSLError) {
        let expected = Array(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        guard i + expected.count <= bytes.count, Array(bytes[i..<i + expected.count]) == expected else {
            throw error("无法识别的值", en: "unexpected value")
        }
        i += expected.count
    }

    /// Reads a number literal and returns it in plain decimal form.
    private mutating func readNumber() throws(GSLError) -> String {
        let start = i
        func digits(_ scanner: inout JSONScanner) -> Int {
            let from = scanner.i
            while scanner.i < scanner.bytes.count, (0x30...0x39).contains(scanner.bytes[scanner.i]) {
                scanner.i += 1
            }
            return scanner.i - from
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits(&self) > 0 else { throw error("数字格式错误", en: "malformed number") }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw error("数字格式错误", en: "malformed number") }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard digits(&self) > 0 else { throw error("数字格式错误", en: "malformed number") }
        }
        return PlainDecimal.format(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    /// Reads a quoted string at the read position, resolving escapes.
    mutating func readString() throws(GSLError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x0A || b == 0x0D { throw error("字符串中有未转义的换行", en: "unescaped line break in a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { break }
            do {
                i = try JSONString.unescape(bytes, at: i, into: &out, repairing: true)
            } catch {
                i = error.offset
                switch error.kind {
                case .unknown: throw self.error("字符串中有无效的转义", en: "invalid escape in a string")
                case .invalidUnicode, .invalidSurrogatePair:
                    throw self.error("\\u 转义不完整", en: "incomplete \\u escape")
                }
            }
        }
        throw error("字符串未结束", en: "unterminated string")
    }
}
