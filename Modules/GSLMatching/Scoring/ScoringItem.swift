import GSLCore

/// A posting with what the scorer compares computed once: text features, industry and region keys.
public struct ScoringItem: Sendable {
    /// The posting.
    public let posting: Posting
    /// Character n-grams of title, text and majors.
    public let features: TextFeatures
    /// Industry key.
    public let industry: Closeness.IndustryKey?
    /// Region key.
    public let region: [UInt8]?
    /// Codes on the path from the industry's section down to it, for exclusion checks.
    public let industryChain: Set<String>

    /// The item of `posting`.
    public init(_ posting: Posting) {
        self.posting = posting
        features = TextFeatures(([posting.title, posting.text] + posting.majors).joined(separator: " "))
        industry = Closeness.IndustryKey(posting.industryCode)
        region = Closeness.regionKey(posting.regionCode)
        industryChain = Set(
            posting.industryCode.map { IndustryCatalog.standard.parentChain($0).map(\.code) } ?? [])
    }
}
