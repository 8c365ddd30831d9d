/// JSON string literals, spelled the same everywhere (tables' JSON output, stored survey answers).
public enum JSONString {
    /// `text` as a JSON string literal; non-ASCII kept as is, controls escaped.
    public static func quoted(_ text: String) -> String {
        // Most text needs no escaping: check the bytes once and copy it whole.
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
            plain = false
            break
        }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}

extension JSONString {
    /// Why an escape in a JSON string could not be read, and where reading stopped.
    public struct EscapeError: Error, Sendable, Equatable {
        /// What was wrong.
        public enum Kind: Sendable, Equatable {
            /// A letter after `\` that JSON does not define.
            case unknown
            /// `\u` without four hex digits, or naming no character (a lone surrogate).
            case invalidUnicode
            /// A high surrogate followed by a `\u` that is not a low one.
            case invalidSurrogatePair
        }

        /// What was wrong.
        public let kind: Kind
        /// The index where reading stopped: after an unknown letter, at the hex digit that is
        /// missing or not one, at the escape's letter for a surrogate.
        public let offset: Int
    }

    /// Reads the escape whose letter (the byte after `\`) is `bytes[i]`, appends the UTF-8 of the
    /// character it stands for to `out`, and returns the index after the escape; `\uD83D\uDE00`
    /// (a surrogate pair) is one character. With `repairing`, a lone surrogate or a high surrogate
    /// followed by a `\u` that is not a low one (both escapes read) becomes U+FFFD instead of an
    /// error, as for imported files. The JSON readers in gsl (settings, stored answers, imported
    /// JSON) share it.
    public static func unescape<Bytes: RandomAccessCollection>(
        _ bytes: Bytes, at i: Int, into out: inout [UInt8], repairing: Bool = false
    ) throws(EscapeError) -> Int where Bytes.Element == UInt8, Bytes.Index == Int {
        switch bytes[i] {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4(bytes, after: i)
            var next = i + 5
            if (0xD800..<0xDC00).contains(code), next + 1 < bytes.endIndex,
                bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u")
            {
                let low = try hex4(bytes, after: next + 1)
                if (0xDC00..<0xE000).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if repairing {
                    code = 0xFFFD
                } else {
                    throw EscapeError(kind: .invalidSurrogatePair, offset: next + 1)
                }
                next += 6
            }
            guard let scalar = Unicode.Scalar(code) ?? (repairing ? "\u{FFFD}" : nil) else {
                throw EscapeError(kind: .invalidUnicode, offset: i)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            return next
        default: throw EscapeError(kind: .unknown, offset: i + 1)
        }
        return i + 1
    }

    /// The four hex digits after the `u` at `i`.
    static func hex4<Bytes: RandomAccessCollection>(
        _ bytes: Bytes, after i: Int
    ) throws(EscapeError) -> UInt32 where Bytes.Element == UInt8, Bytes.Index == Int {
        guard i + 4 < bytes.endIndex else { throw EscapeError(kind: .invalidUnicode, offset: i + 1) }
        var v: UInt32 = 0
        for k in 1...4 {
            let b = bytes[i + k]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw EscapeError(kind: .invalidUnicode, offset: i + k)
            }
            v = v * 16 + d
        }
        return v
    }
}
