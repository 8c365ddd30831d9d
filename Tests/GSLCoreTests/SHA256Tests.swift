import GSLCore
import Testing

@Suite struct SHA256Tests {
    /// FIPS 180-2 appendix B vectors and the empty message.
    @Test func knownAnswers() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Fed in pieces (strings, arrays, a sequence without contiguous storage) it gives the same
    /// digest as all at once, whatever the piece boundaries against the 64-byte blocks.
    @Test func piecesGiveTheSameDigest() {
        let text = String(repeating: "亲清健康指数 audit chain 0123456789 ", count: 40)
        let whole = SHA256.hex(text)
        let bytes = Array(text.utf8)
        for cut in [1, 7, 63, 64, 65, 130, bytes.count - 1] {
            var hasher = SHA256()
            hasher.update(Array(bytes[..<cut]))
            hasher.update(bytes[cut...].lazy.map { $0 })  // not contiguous
            #expect(SHA256.hexString(hasher.finalize()) == whole, "cut at \(cut)")
        }
        let characters = Array(text)
        for cut in [1, 5, 21, 22, 23, characters.count - 1] {
            var hasher = SHA256()
            hasher.update(String(characters[..<cut]))
            hasher.update(String(characters[cut...]))
            #expect(SHA256.hexString(hasher.finalize()) == whole, "cut at character \(cut)")
        }
        #expect(SHA256.hex(bytes: bytes) == whole)
    }
}
