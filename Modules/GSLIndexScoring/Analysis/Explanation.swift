import GSLCore

/// Why a unit scores what it scores: contributions, strengths and weaknesses.
public struct Explanation: Sendable, Equatable, Codable {
    /// One indicator's part.
    public struct Item: Sendable, Equatable, Codable {
        /// Indicator code.
        public var indicator: String
        /// Normalised value.
        public var value: Double
        /// Effective weight in the node.
        public var weight: Double
        /// weight × value: the contribution to a weighted arithmetic score (approximate for other means).
        public var contribution: Double
        /// The unit's rank on this indicator.
        public var rank: Int
    }

    /// Unit code.
    public var unit: String
    /// Node explained.
    public var node: String
    /// The node's score.
    public var score: Double
    /// The node's rank.
    public var rank: Int
    /// Every indicator under the node, largest contribution first.
    public var items: [Item]
    /// Best-ranked indicators (up to `count`).
    public var strengths: [String]
    /// Worst-ranked indicators (up to `count`).
    public var weaknesses: [String]

    /// Explains `unit`'s score on `node` (default root).
    public init(
        result: PipelineResult, framework: Framework, unit: String, node: String? = nil, count: Int = 3
    ) throws(GSLError) {
        let node = node ?? framework.rootCode
        guard let score = result.score(unit: unit, node: node), let rank = result.rank(unit: unit, node: node)
        else {
            throw .notFound("结果中没有单位 \(unit) 的 \(node) 得分", en: "no score of \(node) for unit \(unit)")
        }
        let base = result.effectiveWeights[node] ?? 1
        var items: [Item] = []
        for ind in framework.indicators(under: node) {
            guard let v = result.score(unit: unit, node: ind), let r = result.rank(unit: unit, node: ind)
            else { continue }
            let w = (result.effectiveWeights[ind] ?? 0) / base
            items.append(Item(indicator: ind, value: v, weight: w, contribution: w * v, rank: r))
        }
        self.unit = unit
        self.node = node
        self.score = score
        self.rank = rank
        self.items = items.sorted { $0.contribution > $1.contribution }
        let byRank = items.sorted { ($0.rank, $0.indicator) < ($1.rank, $1.indicator) }
        strengths = Array(byRank.prefix(count).map(\.indicator))
        weaknesses = Array(byRank.reversed().prefix(count).map(\.indicator))
    }
}
