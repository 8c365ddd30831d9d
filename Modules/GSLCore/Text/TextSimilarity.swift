/// Similarity of short Chinese texts by character n-grams, which needs no word segmentation and
/// catches two-character words (融资, 用工) shared between requests.
///
/// Normalisation: full-width forms made half-width, Latin letters lower-cased, and everything that
/// is not a letter or digit (punctuation, spaces, symbols) treated as a break; a few function
/// characters (的 了 和 与 及 在 是 对 为 等 并 也 就 都 而 之 其) are dropped as well.
/// The text score is `bigramWeight` × bigram cosine + (1 − `bigramWeight`) × unigram cosine.
public enum TextSimilarity {
    /// Characters too common in requests to say anything about the topic.
    static let stopCharacters: Set<Character> = [
        "的", "了", "和", "与", "及", "在", "是", "对", "为", "等", "并",
        "也", "就", "都", "而", "之", "其",
    ]

    /// The runs of letters and digits left after normalisation (punctuation and stop characters split runs).
    public static func normalisedRuns(_ text: String) -> [[Character]] {
        var runs: [[Character]] = []
        var current: [Character] = []
        for character in TextNormaliser.halfWidth(text).lowercased() {
            if (character.isLetter || character.isNumber) && !stopCharacters.contains(character) {
                current.append(character)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Cosine of two count vectors (0 when either is empty).
    public static func cosine(_ a: [String: Int], _ b: [String: Int]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var dot = 0
        for (key, count) in small {
            if let other = large[key] { dot += count * other }
        }
        guard dot > 0 else { return 0 }
        return Double(dot) / (norm(a) * norm(b))
    }

    /// Jaccard index of the keys of two count vectors (0 when both are empty).
    public static func jaccard(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let union = Set(a.keys).union(b.keys).count
        guard union > 0 else { return 0 }
        let shared = a.keys.reduce(0) { $0 + (b[$1] == nil ? 0 : 1) }
        return Double(shared) / Double(union)
    }

    /// The text score of two feature sets in 0…1. When neither text has a bigram (runs of one
    /// character, e.g. 贷 against 贷) the unigram cosine alone is the score, so identical short texts
    /// score 1.
    public static func score(_ a: TextFeatures, _ b: TextFeatures, bigramWeight: Double = 0.6) -> Double {
        if a.bigrams.isEmpty && b.bigrams.isEmpty { return cosine(a.unigrams, b.unigrams) }
        return bigramWeight * cosine(a.bigrams, b.bigrams) + (1 - bigramWeight)
            * cosine(a.unigrams, b.unigrams)
    }

    /// The text score of two texts in 0…1.
    public static func score(_ a: String, _ b: String, bigramWeight: Double = 0.6) -> Double {
        score(TextFeatures(a), TextFeatures(b), bigramWeight: bigramWeight)
    }

    /// The Euclidean length of a count vector.
    static func norm(_ vector: [String: Int]) -> Double {
        Double(vector.values.reduce(0) { $0 + $1 * $1 }).squareRoot()
    }
}
