/// Byte-level helpers for the ASCII fast paths of the parsers: they decide cheaply whether the
/// general, `Character`-based code would do anything, so that common input skips it.
enum UTF8Scan {
    /// Whether `byte` is ASCII whitespace as `Character.isWhitespace` sees it (tab, LF, VT, FF, CR, space).
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Whether the scalar has the Unicode White_Space property (the set `Character.isWhitespace` tests
    /// on a character's first scalar); the list is stable by Unicode policy.
    @inline(__always)
    static func isWhitespace(scalar value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000:
            return true
        default:
            return false
        }
    }

    /// Whether `byte` is `0`…`9`.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    /// Calls `body` with the UTF-8 bytes of `text` (contiguous for native strings, copied otherwise).
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the UTF-8 bytes of `text` (contiguous for native strings, copied otherwise).
    @inline(__always)
    static func withBytes<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
