import GSLCore
import Testing

@Suite struct JSONStringTests {
    /// Reads the escape at the start of `text` (after its backslash).
    func read(_ text: String) -> (String, next: Int)? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        guard let next = try? JSONString.unescape(bytes, at: 1, into: &out) else { return nil }
        return (String(decoding: out, as: UTF8.self), next)
    }

    func failure(_ text: String) -> JSONString.EscapeError? {
        var out: [UInt8] = []
        do {
            _ = try JSONString.unescape(Array(text.utf8), at: 1, into: &out)
            return nil
        } catch { return error }
    }

    @Test func escapesReadAsTheCharactersTheyStandFor() {
        #expect(read(#"\n"#)! == ("\n", 2))
        #expect(read(#"\"x"#)! == ("\"", 2))
        #expect(read(#"\u5B81波"#)! == ("宁", 6))
        #expect(read(#"\uD83D\uDE00!"#)! == ("😀", 12))
    }

    @Test func badEscapesSayWhy() {
        #expect(failure(#"\q"#) == .unknown)
        #expect(failure(#"\u12"#) == .invalidUnicode)
        #expect(failure(#"\uZZZZ"#) == .invalidUnicode)
        #expect(failure(#"\uD83D"#) == .invalidUnicode)  // a lone high surrogate
        #expect(failure(#"\uDE00"#) == .invalidUnicode)  // a lone low surrogate
        #expect(failure(#"\uD83D\u0041"#) == .invalidSurrogatePair)
        // Quoting and reading back agree.
        let quoted = JSONString.quoted("a\u{01}\u{2028}\"\\")
        var out: [UInt8] = []
        let bytes = Array(quoted.utf8)
        var i = 1
        while i < bytes.count - 1 {  // up to the closing quote
            if bytes[i] == UInt8(ascii: "\\") {
                guard let next = try? JSONString.unescape(bytes, at: i + 1, into: &out) else { break }
                i = next
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        #expect(String(decoding: out, as: UTF8.self) == "a\u{01}\u{2028}\"\\")
    }
}
