import GSLCasework
import GSLCore
import Testing

@Suite struct TextSimilarityTests {
    @Test func normalisationDropsPunctuationAndWidth() {
        #expect(TextSimilarity.normalisedRuns("融资难！") == [["融", "资", "难"]])
        #expect(TextSimilarity.normalisedRuns("ＡＢＣ贷款，  急") == [["a", "b", "c", "贷", "款"], ["急"]])
        #expect(TextSimilarity.normalisedRuns("企业的融资") == [["企", "业"], ["融", "资"]])
        #expect(TextSimilarity.score("融资难！", "融资难") == 1)
        #expect(TextSimilarity.score("", "融资难") == 0)
    }

    @Test func handComputedScores() {
        // bigrams {融资, 资难} vs {企业, 业融, 融资, 资困, 困难}: 1 / (√2·√5);
        // unigrams {融, 资, 难} vs {企, 业, 融, 资, 困, 难}: 3 / (√3·√6).
        let related = TextSimilarity.score("融资难", "企业融资困难")
        let expected =
            0.6 / (2.0.squareRoot() * 5.0.squareRoot()) + 0.4 * 3 / (3.0.squareRoot() * 6.0.squareRoot())
        #expect(abs(related - expected) < 1e-12)
        // Only 难 is shared with a hiring request: unigram 1 / (√3·√5), no bigram.
        let unrelated = TextSimilarity.score("融资难", "企业招工难")
        #expect(abs(unrelated - 0.4 / 15.0.squareRoot()) < 1e-12)
        #expect(related > unrelated)
    }

    @Test func jaccardOfKeys() {
        let a = TextFeatures("融资难").bigrams
        let b = TextFeatures("企业融资困难").bigrams
        #expect(abs(TextSimilarity.jaccard(a, b) - 1.0 / 6) < 1e-12)
        #expect(TextSimilarity.jaccard([:], [:]) == 0)
    }
}

@Suite struct SimilarCasesTests {
    static let target = SimilarityItem(
        id: "R-100", text: "我公司为小微企业，近期订单增加但流动资金紧张，银行贷款审批慢，融资困难，希望协调解决融资问题。",
        enterprise: "91330200MA2AAAAA1X", category: "financing")

    static let candidates = [
        SimilarityItem(
            id: "R-001", text: "企业招工难，缺少熟练技术工人，希望人社部门帮助对接职业院校招聘。",
            enterprise: "91330200MA2BBBBB2Y", category: "labour"),
        SimilarityItem(
            id: "R-002", text: "小微企业融资难、融资贵，申请银行贷款被要求追加抵押，希望协调金融机构支持。",
            enterprise: "91330200MA2CCCCC3Z", category: "financing"),
        SimilarityItem(
            id: "R-003", text: "厂区门口道路破损严重，货车进出困难，希望尽快修复。",
            enterprise: "91330200MA2DDDDD4A", category: "infrastructure"),
        SimilarityItem(
            id: "R-004", text: "流动资金紧张，融资困难，请求帮助对接银行。",
            enterprise: "91330200MA2AAAAA1X", category: "financing"),
        SimilarityItem(
            id: "R-100", text: "我公司为小微企业，近期订单增加但流动资金紧张，银行贷款审批慢，融资困难。",
            enterprise: "91330200MA2AAAAA1X", category: "financing"),
    ]

    @Test func financingRequestsRankAboveUnrelatedOnes() {
        let ranked = SimilarCases.rank(Self.target, candidates: Self.candidates)
        #expect(ranked.count == 4)
        #expect(Array(ranked.prefix(2).map(\.id)) == ["R-004", "R-002"])
        #expect(Set(ranked.suffix(2).map(\.id)) == ["R-001", "R-003"])
        #expect(!ranked.contains { $0.id == "R-100" })
        let scores = Dictionary(uniqueKeysWithValues: ranked.map { ($0.id, $0.score) })
        #expect(scores["R-002"]! > scores["R-001"]! + 0.2)
        #expect(scores["R-004"]! > 0.3 + 0.3)  // same enterprise and category add 0.3
    }

    @Test func bonusesAreAddedToTheTextScore() {
        let a = SimilarityItem(id: "A", text: "融资难", enterprise: "E1", category: "financing")
        let b = SimilarityItem(id: "B", text: "企业融资困难", enterprise: "E1", category: "financing")
        let c = SimilarityItem(id: "C", text: "企业融资困难", enterprise: "E2", category: "land")
        let text = TextSimilarity.score("融资难", "企业融资困难")
        #expect(abs(SimilarCases.score(a, b) - (text + 0.3)) < 1e-12)
        #expect(abs(SimilarCases.score(a, c) - text) < 1e-12)
        let noBonus = SimilarCases.Weights(sameEnterpriseBonus: 0, sameCategoryBonus: 0)
        // Equal scores: ordered by id.
        #expect(SimilarCases.rank(a, candidates: [c, b], weights: noBonus).map(\.id) == ["B", "C"])
    }

    @Test func limitAndMinimum() {
        let ranked = SimilarCases.rank(Self.target, candidates: Self.candidates, minimumScore: 0.3, limit: 1)
        #expect(ranked.map(\.id) == ["R-004"])
        #expect(SimilarCases.rank(Self.target, candidates: Self.candidates, minimumScore: 5).isEmpty)
    }
}
