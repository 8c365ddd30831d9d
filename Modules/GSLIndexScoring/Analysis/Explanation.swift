import GSLCore

/// Why a unit scores what it scores: contributions, strengths and weaknesses.
public struct Explanation: Sendable, Equatable, Codable {
    /// One indicator's part.
    public struct Item: Sendable, Equatable, Codable {
        /// Indicator code.
        public var indicator: String
        /// Normalised value.
        public var value: Double
        /// Effective weight in the node for this unit: the within-parent weights along the path, each
        /// renormalised over the siblings this unit has a value for (missing children are skipped).
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
    /// Every indicator under the node with a value for the unit, largest contribution first.
    public var items: [Item]
    /// Best-ranked indicators (up to `count`), never also a weakness.
    public var strengths: [String]
    /// Worst-ranked indicators (up to `count`), never also a strength.
    public var weaknesses: [String]
    /// Indicators under the node with no value for the unit (skipped; the others' weights renormalised).
    public var missing: [String] = []

    /// Explains `unit`'s score on `node` (default root).
    ///
    /// Weights follow the aggregation: at each node the unit's present children share the node's
    /// weight in proportion to their weights, so with arithmetic means the contributions add up to the
    /// score even when values are missing. Strengths and weaknesses: with n indicators, each list takes
    /// at most min(`count`, n / 2) (so a node of one indicator has neither), the best and the worst by
    /// rank (ties in rank by code); an indicator whose rank equals that of one on the other list is left
    /// off both (all tied: no strengths and no weaknesses).
    public init(
        result: PipelineResult, framework: Framework, unit: String, node: String? = nil, count: Int = 3
    ) throws(GSLError) {
        let node = node ?? framework.rootCode
        guard framework.node(node) != nil else {
            throw .notFound("指标体系中没有节点 \(node)", en: "no node \(node) in the framework")
        }
        guard let score = result.score(unit: unit, node: node), let rank = result.rank(unit: unit, node: node)
        else {
            throw .notFound("结果中没有单位 \(unit) 的 \(node) 得分", en: "no score of \(node) for unit \(unit)")
        }
        var items: [Item] = []
        var missing: [String] = []
        func present(_ code: String) -> Bool {
            guard let v = result.score(unit: unit, node: code) else { return false }
            return !v.isNaN
        }
        func walk(_ code: String, _ share: Double) {
            if framework.node(code)?.isIndicator == true {
                guard let v = result.score(unit: unit, node: code), !v.isNaN,
                    let r = result.rank(unit: unit, node: code)
                else {
                    missing.append(code)
                    return
                }
                items.append(Item(indicator: code, value: v, weight: share, contribution: share * v, rank: r))
                return
            }
            let all = framework.children(of: code)
            let kids = all.filter(present)
            for k in all where !kids.contains(k) { missing += framework.indicators(under: k) }
            let total = kids.reduce(0.0) { $0 + (result.weights[$1] ?? 0) }
            for k in kids {
                let w = total > 0 ? (result.weights[k] ?? 0) / total : 1 / Double(kids.count)
                walk(k, share * w)
            }
        }
        walk(node, 1)
        self.missing = missing
        self.unit = unit
        self.node = node
        self.score = score
        self.rank = rank
        self.items = items.sorted {
            ($0.contribution, $1.indicator) > ($1.contribution, $0.indicator)
        }
        (strengths, weaknesses) = Self.strengthsAndWeaknesses(items, count: count)
    }

    /// The best and worst indicators by rank, disjoint, as described on `init`.
    static func strengthsAndWeaknesses(_ items: [Item], count: Int) -> ([String], [String]) {
        let byRank = items.sorted { ($0.rank, $0.indicator) < ($1.rank, $1.indicator) }
        let k = max(0, min(count, byRank.count / 2))
        let best = Array(byRank.prefix(k))
        let worst = Array(byRank.reversed().prefix(k))
        let bestRanks = Set(best.map(\.rank))
        let worstRanks = Set(worst.map(\.rank))
        return (
            best.filter { !worstRanks.contains($0.rank) }.map(\.indicator),
            worst.filter { !bestRanks.contains($0.rank) }.map(\.indicator)
        )
    }
}
