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

    func failure(_ text: String) -> JSONString.EscapeError.Kind? {
        var out: [UInt8] = []
        do {
            _ = try JSONString.unescape(Array(text.utf8), at: 1, into: &out)
            return nil
        } catch { return error.kind }
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

    /// Repairing (imported files): lone surrogates and broken pairs become U+FFFD, both escapes of a
    /// broken pair read; an error says where reading stopped.
    @Test func repairingAndWhereReadingStopped() throws {
        func repaired(_ text: String) throws -> (String, Int) {
            var out: [UInt8] = []
            let next = try JSONString.unescape(Array(text.utf8), at: 1, into: &out, repairing: true)
            return (String(decoding: out, as: UTF8.self), next)
        }
        #expect(try repaired(#"\uD83D"#) == ("\u{FFFD}", 6))
        #expect(try repaired(#"\uDE00x"#) == ("\u{FFFD}", 6))
        #expect(try repaired(#"\uD83D\u0041x"#) == ("\u{FFFD}", 12))
        #expect(try repaired(#"\uD83D\uDE00"#) == ("😀", 12))
        func stop(_ text: String) -> Int? {
            var out: [UInt8] = []
            do {
                _ = try JSONString.unescape(Array(text.utf8), at: 1, into: &out, repairing: true)
                return nil
            } catch { return error.offset }
        }
        #expect(stop(#"\q"#) == 2)  // after the letter
        #expect(stop(#"\u12"#) == 2)  // too short: at the first digit
        #expect(stop(#"\u12G4"#) == 4)  // at the digit that is not one
        #expect(stop(#"\uD83D\u12"#) == 8)  // in the second escape of a pair
    }
}
