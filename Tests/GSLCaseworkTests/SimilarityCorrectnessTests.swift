import GSLCasework
import GSLCore
import Testing

/// Issue 20 item 11: identical short texts are identical; nothing scoring 0 is listed.
@Suite struct SimilarityCorrectnessTests {
    @Test func identicalShortTextsScoreOne() {
        for text in ["贷", "贷 款", "A", "税", "3"] {
            #expect(abs(TextSimilarity.score(text, text) - 1) < 1e-12, "\(text)")
        }
        // Texts with nothing left after normalisation: identical ones still match, others do not.
        let a = SimilarityItem(id: "1", text: "的")
        #expect(SimilarCases.score(a, SimilarityItem(id: "2", text: "的")) == 1)
        #expect(SimilarCases.score(a, SimilarityItem(id: "3", text: "？")) == 0)
        // Longer texts keep the documented mix.
        #expect(
            abs(
                TextSimilarity.score("融资难", "企业融资困难")
                    - (0.6 / 10.0.squareRoot() + 0.4 * 3 / 18.0.squareRoot())) < 1e-12)
        #expect(TextSimilarity.score("贷", "贷款") > 0 && TextSimilarity.score("贷", "贷款") < 1)
    }

    @Test func zeroScoresAreNotListed() {
        let target = SimilarityItem(id: "t", text: "贷款续贷困难", enterprise: "1", category: "financing")
        let candidates = [
            SimilarityItem(id: "a", text: "续贷难", enterprise: "2", category: "labour"),
            SimilarityItem(id: "b", text: "招工", enterprise: "2", category: "labour"),
            SimilarityItem(id: "c", text: "招工", enterprise: "1", category: "labour"),
        ]
        let ranked = SimilarCases.rank(target, candidates: candidates)
        #expect(ranked.map(\.id) == ["a", "c"])
        #expect(ranked.allSatisfy { $0.score > 0 })
    }
}
