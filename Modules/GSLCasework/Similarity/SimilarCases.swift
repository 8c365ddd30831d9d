import Foundation
import GSLCore

/// Ranks candidate requests by how likely they duplicate a target request.
///
/// score = text score (0…1, see `TextSimilarity`) + `sameEnterpriseBonus` when both name the same
/// enterprise + `sameCategoryBonus` when both have the same category. The caller chooses the
/// candidates (normally the open requests).
public enum SimilarCases {
    /// The bonuses and the bigram weight of the ranking.
    public struct Weights: Sendable, Hashable, Codable {
        /// Share of the bigram cosine in the text score (the rest is the unigram cosine); default 0.6.
        public var bigramWeight: Double
        /// Added when both requests come from the same enterprise; default 0.2.
        public var sameEnterpriseBonus: Double
        /// Added when both requests have the same category; default 0.1.
        public var sameCategoryBonus: Double

        /// Weights; defaults 0.6, 0.2, 0.1.
        public init(
            bigramWeight: Double = 0.6, sameEnterpriseBonus: Double = 0.2, sameCategoryBonus: Double = 0.1
        ) {
            self.bigramWeight = bigramWeight
            self.sameEnterpriseBonus = sameEnterpriseBonus
            self.sameCategoryBonus = sameCategoryBonus
        }

        /// The default weights.
        public static let standard = Weights()
    }

    /// The score of `candidate` against `target`.
    public static func score(
        _ target: SimilarityItem, _ candidate: SimilarityItem, weights: Weights = .standard
    ) -> Double {
        var score = TextSimilarity.score(
            target.features, candidate.features, bigramWeight: weights.bigramWeight)
        // Texts with no letter or digit left after normalisation (only punctuation or function
        // characters) have no features: identical ones still score 1.
        if target.features.unigrams.isEmpty && candidate.features.unigrams.isEmpty {
            let a = target.text.trimmingCharacters(in: .whitespacesAndNewlines)
            score = !a.isEmpty && a == candidate.text.trimmingCharacters(in: .whitespacesAndNewlines) ? 1 : 0
        }
        if let enterprise = target.enterprise, enterprise == candidate.enterprise {
            score += weights.sameEnterpriseBonus
        }
        if let category = target.category, category == candidate.category {
            score += weights.sameCategoryBonus
        }
        return score
    }

    /// Candidates other than the target itself with a score above 0 and at least `minimumScore`,
    /// best first (ties by id), at most `limit` of them.
    public static func rank(
        _ target: SimilarityItem, candidates: [SimilarityItem], weights: Weights = .standard,
        minimumScore: Double = 0, limit: Int = .max
    ) -> [(id: String, score: Double)] {
        var ranked: [(id: String, score: Double)] = []
        for candidate in candidates where candidate.id != target.id {
            let value = score(target, candidate, weights: weights)
            if value > 0 && value >= minimumScore { ranked.append((candidate.id, value)) }
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        return Array(ranked.prefix(limit))
    }
}
