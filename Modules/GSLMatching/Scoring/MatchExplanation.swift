/// Every feature's part of one pair's score: value × weight = contribution, and the score is the
/// sum of the contributions in `MatchFeature.allCases` order.
public struct MatchExplanation: Sendable, Hashable {
    /// One feature's part.
    public struct Part: Sendable, Hashable, Codable {
        /// The feature.
        public let feature: MatchFeature
        /// Its value in 0…1.
        public let value: Double
        /// Its weight in the profile.
        public let weight: Double
        /// value × weight.
        public let contribution: Double

        /// A part.
        public init(feature: MatchFeature, value: Double, weight: Double, contribution: Double) {
            self.feature = feature
            self.value = value
            self.weight = weight
            self.contribution = contribution
        }
    }

    /// The demand's id.
    public let demandID: Int64
    /// The supply's id.
    public let supplyID: Int64
    /// The parts, in feature order.
    public let parts: [Part]
    /// The score: the sum of the contributions.
    public let score: Double
    /// Hard-filter failures; an ineligible pair is never recommended or matched.
    public let ineligible: [Ineligibility]

    /// Whether the pair passes the hard filters.
    public var eligible: Bool { ineligible.isEmpty }
}
