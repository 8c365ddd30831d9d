/// The character unigram and bigram counts of one normalised text, computed once and compared many times.
public struct TextFeatures: Sendable, Hashable {
    /// How often each character occurs.
    public var unigrams: [String: Int]
    /// How often each pair of neighbouring characters occurs (never across removed punctuation).
    public var bigrams: [String: Int]

    /// The features of `text` after `TextSimilarity.normalisedRuns(_:)`.
    public init(_ text: String) {
        var unigrams: [String: Int] = [:]
        var bigrams: [String: Int] = [:]
        for run in TextSimilarity.normalisedRuns(text) {
            var previous: Character?
            for character in run {
                unigrams[String(character), default: 0] += 1
                if let previous { bigrams[String([previous, character]), default: 0] += 1 }
                previous = character
            }
        }
        self.unigrams = unigrams
        self.bigrams = bigrams
    }
}
