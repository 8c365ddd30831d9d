import GSLCore

/// The weight of each feature for one kind of posting; a missing weight falls back (kind → default
/// → built-in).
public struct FeatureWeights: Sendable, Hashable, Codable {
    /// Weight of industry closeness.
    public var industry: Double?
    /// Weight of region closeness.
    public var region: Double?
    /// Weight of text similarity.
    public var text: Double?
    /// Weight of size fit.
    public var size: Double?
    /// Weight of amount fit.
    public var amount: Double?
    /// Weight of deadline fit.
    public var deadline: Double?

    /// Weights; nil ones fall back.
    public init(
        industry: Double? = nil, region: Double? = nil, text: Double? = nil, size: Double? = nil,
        amount: Double? = nil, deadline: Double? = nil
    ) {
        self.industry = industry
        self.region = region
        self.text = text
        self.size = size
        self.amount = amount
        self.deadline = deadline
    }

    /// The weight of `feature`, if set.
    public subscript(feature: MatchFeature) -> Double? {
        switch feature {
        case .industry: industry
        case .region: region
        case .text: text
        case .size: size
        case .amount: amount
        case .deadline: deadline
        }
    }

    /// These weights with nil ones taken from `other`.
    public func filled(from other: FeatureWeights) -> FeatureWeights {
        FeatureWeights(
            industry: industry ?? other.industry, region: region ?? other.region, text: text ?? other.text,
            size: size ?? other.size, amount: amount ?? other.amount, deadline: deadline ?? other.deadline)
    }
}
