/// Rank changes of one node between two runs (e.g. framework v1 against v2), over their common units.
public struct RankComparison: Sendable, Equatable, Codable {
    /// One unit's ranks.
    public struct Row: Sendable, Equatable, Codable {
        /// Unit code.
        public var unit: String
        /// Rank in the first run.
        public var rankA: Int
        /// Rank in the second run.
        public var rankB: Int
        /// rankA − rankB: positive means the unit moved up.
        public var change: Int
    }

    /// Common units, in the first run's order.
    public var rows: [Row]
    /// Spearman's ρ between the two rankings.
    public var spearman: Double
    /// Kendall's τ-b between the two rankings.
    public var kendall: Double
    /// Mean absolute rank change.
    public var meanAbsoluteChange: Double

    /// Compares `node` in `a` with `nodeB` (default the same code) in `b`.
    public init(_ a: PipelineResult, _ b: PipelineResult, node: String, nodeB: String? = nil) {
        var rows: [Row] = []
        var sa: [Double] = [], sb: [Double] = []
        for u in a.aggregated.units {
            guard let ra = a.rank(unit: u, node: node), let rb = b.rank(unit: u, node: nodeB ?? node) else {
                continue
            }
            rows.append(Row(unit: u, rankA: ra, rankB: rb, change: ra - rb))
            sa.append(a.score(unit: u, node: node)!)
            sb.append(b.score(unit: u, node: nodeB ?? node)!)
        }
        self.rows = rows
        spearman = Stat.spearman(sa, sb)
        kendall = Stat.kendall(sa, sb)
        meanAbsoluteChange =
            rows.isEmpty ? 0 : Double(rows.reduce(0) { $0 + abs($1.change) }) / Double(rows.count)
    }
}
