import GSLCore
import Testing

/// The fast text vector scores exactly as `TextSimilarity` does.
@Suite struct TextVectorTests {
    static let texts = [
        "寻求注塑模具配套合作", "注塑加工与模具配套", "企业的融资难！", "融资难", "ＡＢＣ贷款，  急", "abc贷款 急", "贷", "贷款",
        "", "！！", "跨境电商代运营 Amazon ＳＨＯＰ", "冷链仓储、冷藏运输；２４小时", "Ärzte und Ölmühle", "模具模具模具",
    ]

    @Test func scoresEqualTextSimilarity() {
        for a in Self.texts {
            for b in Self.texts {
                let fast = TextVector.score(TextVector(a), TextVector(b))
                #expect(fast == TextSimilarity.score(a, b), "\(a) / \(b)")
            }
        }
    }

    @Test func countsAndNorms() {
        let v = TextVector("模具模具")
        #expect(v.unigramCounts == [2, 2] && v.bigramCounts.sorted() == [1, 2])
        #expect(v.unigramNorm == Double(8).squareRoot())
    }

    /// The probe scores a text given in parts exactly as a vector of the parts joined by spaces,
    /// including texts longer than its insertion-sort limit and a probe reused many times; its
    /// bound is never below that score.
    @Test func probeScoresEqualVectors() {
        let long = String(repeating: "宁波模具注塑加工跨境电商", count: 9) + "abc"
        let texts = Self.texts + [long]
        for a in texts {
            var probe = TextProbe(TextVector(a))
            for b in texts {
                for c in ["", "机械工程", "贷 款"] {
                    probe.reset()
                    probe.append(b)
                    probe.append(c)
                    let joined = TextVector(b + " " + c)
                    let expected = TextVector.score(TextVector(a), joined)
                    // The bound found without sorting is never below the score, and is the score
                    // when no character or pair repeats.
                    let bound = probe.bound()
                    #expect(bound >= expected, "\(a) / \(b) + \(c)")
                    if (joined.unigramCounts + joined.bigramCounts).allSatisfy({ $0 == 1 }) {
                        #expect(bound == expected, "\(a) / \(b) + \(c)")
                    }
                    #expect(probe.score() == expected, "\(a) / \(b) + \(c)")
                }
            }
        }
    }

    /// From UTF-8 bytes the probe scores as from the string, invalid bytes included (repaired the
    /// way `String(decoding:as:)` repairs them).
    @Test func probeReadsUTF8BytesAsStrings() {
        let long = String(repeating: "宁波模具注塑加工跨境电商", count: 9)
        let byteTexts: [[UInt8]] =
            (Self.texts + [long, "😀融资难𠀀", "é and e\u{301}"]).map { Array($0.utf8) } + [
                [0xE6, 0xA8, 0xA1, 0xFF, 0xE5, 0x85, 0xB7], [0xC0, 0xAF, 0x41], [0xED, 0xA0, 0x80, 0x42],
                [0xE6, 0xA8], [0xF4, 0x90, 0x80, 0x80], [0x41, 0x80, 0x42],
            ]
        let decoded = byteTexts.map { "前缀 " + String(decoding: $0, as: UTF8.self) }
        for a in Self.texts + [long] + decoded {
            var fromBytes = TextProbe(TextVector(a))
            var fromString = TextProbe(TextVector(a))
            for bytes in byteTexts {
                fromBytes.reset()
                fromBytes.append("前缀")
                bytes.withUnsafeBufferPointer { fromBytes.append(utf8: $0) }
                fromString.reset()
                fromString.append("前缀")
                fromString.append(String(decoding: bytes, as: UTF8.self))
                #expect(fromBytes.score() == fromString.score(), "\(a) / \(bytes)")
            }
        }
    }
}
