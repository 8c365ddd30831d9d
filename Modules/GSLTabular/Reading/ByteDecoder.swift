import GSLCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a file's bytes into UTF-8 bytes (no BOM), converting GB18030 through the C library's iconv.
enum ByteDecoder {
    /// The result of decoding: UTF-8 bytes and notices for the user.
    struct Decoded {
        /// Valid UTF-8, without a byte-order mark.
        var bytes: [UInt8]
        /// Notices (e.g. the file was converted from GB18030).
        var notices: [Message]
    }

    /// Decodes `data` under `encoding`; `path` names the file in errors and notices.
    static func decode(_ data: [UInt8], encoding: InputEncoding, path: String) throws(GSLError) -> Decoded {
        switch encoding {
        case .gb18030:
            return Decoded(bytes: try fromGB18030(data, path: path), notices: [])
        case .utf8, .auto:
            var bytes = data
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            guard let bad = firstInvalidUTF8(bytes) else { return Decoded(bytes: bytes, notices: []) }
            let offset = bad + (bytes.count == data.count ? 0 : 3)
            let (line, column) = position(of: bad, in: bytes)
            let shown = bytes[bad..<min(bytes.count, bad + 2)].map {
                "0x" + String($0, radix: 16, uppercase: true)
            }
            .joined(separator: " ")
            if encoding == .utf8 {
                throw GSLError.data(
                    "不是有效的 UTF-8：字节偏移 \(offset)（第 \(line) 行第 \(column) 列，\(shown)）无法解码",
                    en:
                        "not valid UTF-8: byte offset \(offset) (line \(line), column \(column), \(shown)) cannot be decoded",
                    at: SourceLocation(file: path, line: line, column: column)
                ).because(.invalidUTF8)
            }
            // Only a file that as a whole reads as GB18030 is converted: one stray byte sequence in
            // an otherwise UTF-8 file would otherwise turn every Chinese character into mojibake.
            let census = utf8Census(bytes)
            if census.valid >= census.invalid {
                throw GSLError.data(
                    "第 \(line) 行第 \(column) 列有无效的 UTF-8 字节（\(shown)），文件其余部分是 UTF-8；请改正该处（文件未按 GB18030 转换，未写入任何内容）",
                    en:
                        "invalid UTF-8 bytes (\(shown)) at line \(line), column \(column) in a file that is otherwise UTF-8; correct them (the file was not converted from GB18030 and nothing was written)",
                    at: SourceLocation(file: path, line: line, column: column)
                ).because(.strayBytesInUTF8)
            }
            let converted = try fromGB18030(data, path: path)
            return Decoded(
                bytes: converted,
                notices: [
                    Message(
                        "\(path)：不是 UTF-8，已按 GB18030（GBK）编码转换读取",
                        en: "\(path): not UTF-8; converted from GB18030 (GBK)")
                ])
        }
    }

    /// Non-ASCII bytes that form well-formed UTF-8 sequences, and those that do not.
    static func utf8Census(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0
        var invalid = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 {
                i += 1
            } else if let length = sequenceLength(bytes, at: i) {
                valid += length
                i += length
            } else {
                invalid += 1
                i += 1
            }
        }
        return (valid, invalid)
    }

    /// The 1-based line and character column of byte `offset` in UTF-8 `bytes` (valid before it).
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let line = lineNumber(of: offset, in: bytes)
        var start = offset
        while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
        let characters = bytes[start..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, characters + 1)
    }

    /// The offset of the first byte that does not belong to well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] < 0x80 { i += 1; continue }
            guard let length = sequenceLength(bytes, at: i) else { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 multi-byte sequence starting at `i`, or nil.
    static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int? {
        let b = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        let second = bytes[i + 1]
        guard second >= low && second <= high else { return nil }
        for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// The 1-based line that byte `offset` is on (LF, CRLF and CR end lines).
    static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
            } else if bytes[i] == 0x0D {
                line += 1
                if i + 1 < offset, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return line
    }

    /// GB18030 bytes converted to UTF-8 (a leading BOM dropped).
    static func fromGB18030(_ data: [UInt8], path: String) throws(GSLError) -> [UInt8] {
        guard !data.isEmpty else { return [] }
        let cd = iconv_open("UTF-8", "GB18030")
        guard let cd, Int(bitPattern: cd) != -1 else {
            throw GSLError(
                .internalError, Message("本机的 iconv 不支持 GB18030", en: "iconv on this machine lacks GB18030"))
        }
        defer { iconv_close(cd) }
        var input = data.map { CChar(bitPattern: $0) }
        var output = [UInt8](repeating: 0, count: data.count * 2 + 16)
        var failedAt: Int?
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { failedAt = inBuffer.count - inLeft }
                return outBuffer.count - outLeft
            }
        }
        if let failedAt {
            let line = lineNumber(of: failedAt, in: data)
            throw GSLError.data(
                "按 GB18030 也无法解码：字节偏移 \(failedAt)（第 \(line) 行）；请把文件另存为 UTF-8",
                en:
                    "cannot be decoded as GB18030 either: byte offset \(failedAt) (line \(line)); save the file as UTF-8",
                at: SourceLocation(file: path, line: line))
        }
        var bytes = Array(output[..<produced])
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }
}
