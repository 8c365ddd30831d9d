import GSLCore
import GSLMatching

/// A pair's explanation with both postings.
public struct MatchExplainView: Sendable {
    /// The demand.
    public let demand: Posting
    /// The supply.
    public let supply: Posting
    /// Every feature's contribution and the hard-filter failures.
    public let explanation: MatchExplanation
}

/// A demand's best supplies.
public struct RecommendView: Sendable {
    /// The demand.
    public let demand: Posting
    /// The supplies, best first, each with its explanation.
    public let items: [(supply: Posting, explanation: MatchExplanation)]
    /// How many open supplies of the kind were considered.
    public let considered: Int
}

/// What a whole-market run did.
public struct MarketRunView: Sendable {
    /// The stored run's id.
    public let runID: Int64
    /// The kind.
    public let kind: PostingKind
    /// The mode.
    public let mode: MatchMode
    /// Open demands in the run.
    public let demands: Int
    /// Open supplies in the run.
    public let supplies: Int
    /// Pairs in the candidate graph.
    public let candidates: Int
    /// Pairs chosen.
    public let pairs: Int
    /// Sum of the chosen pairs' scores.
    public let objective: Double
    /// Proposals made.
    public let created: Int
    /// Chosen pairs that had a proposal already.
    public let skipped: Int
    /// The weights used.
    public let weights: [MatchFeature: Double]
    /// The candidate graph (demand id, supply id, score), when asked for.
    public let graph: [(demand: Int64, supply: Int64, score: Double)]
}

/// Top-K recall of planted partners.
public struct RecallView: Sendable {
    /// One planted pair and where its supply ranked (nil: not in the top K).
    public struct Item: Sendable {
        /// The demand.
        public let demand: Posting
        /// The planted supply.
        public let supply: Posting
        /// Its rank among the recommendations (1 = best), nil when outside the top K.
        public let rank: Int?
    }

    /// K.
    public let top: Int
    /// Each planted pair.
    public let items: [Item]
    /// Share of planted supplies found in the top K.
    public var recall: Double {
        items.isEmpty ? 0 : Double(items.filter { $0.rank != nil }.count) / Double(items.count)
    }
    /// The weights used per kind present.
    public let weights: [PostingKind: [MatchFeature: Double]]
}
