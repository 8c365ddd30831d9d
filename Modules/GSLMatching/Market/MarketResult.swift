/// The pairs a market run chose and its objective.
public struct MarketResult: Sendable, Hashable {
    /// One chosen pair, by position in the demand and supply lists.
    public struct Pair: Sendable, Hashable {
        /// Position of the demand.
        public let demand: Int
        /// Position of the supply.
        public let supply: Int
        /// The pair's score.
        public let score: Double
    }

    /// The mode.
    public let mode: MatchMode
    /// The chosen pairs, by demand then supply position.
    public let pairs: [Pair]
    /// The sum of the chosen pairs' scores.
    public let objective: Double
    /// The number of candidate pairs (arcs of the candidate graph).
    public let candidateCount: Int
}
