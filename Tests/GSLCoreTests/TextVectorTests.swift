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
}
