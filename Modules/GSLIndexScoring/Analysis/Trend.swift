import GSLCore

/// Scores and ranks of units over every period of a data set (one pipeline run per period).
public struct Trend: Sendable, Equatable, Codable {
    /// One unit in one period.
    public struct Point: Sendable, Equatable, Codable {
        /// Period label.
        public var period: String
        /// Unit code.
        public var unit: String
        /// Score on the node (nil when missing).
        public var score: Double?
        /// Rank on the node (nil when missing).
        public var rank: Int?
    }

    /// Node followed.
    public var node: String
    /// Points by period (sorted), then by unit in data order.
    public var points: [Point]

    /// Runs the spec for each period (its `period` is replaced) and keeps `units` (nil = all) on `node`.
    public init(
        framework: Framework, data: Dataset, spec: PipelineSpec, units: [String]? = nil,
        node: String? = nil
    ) throws(GSLError) {
        let node = node ?? framework.rootCode
        if let units, let unknown = units.first(where: { !data.units.contains($0) }) {
            throw GSLError.notFound("未知单位：\(unknown)", en: "unknown unit: \(unknown)").because(.unknownUnit)
        }
        var points: [Point] = []
        for period in data.sortedPeriods {
            var s = spec
            s.period = period
            let r = try Pipeline.run(framework: framework, data: data, spec: s, hashes: false)
            for u in units ?? data.units {
                points.append(
                    Point(
                        period: period, unit: u, score: r.score(unit: u, node: node),
                        rank: r.rank(unit: u, node: node)))
            }
        }
        self.node = node
        self.points = points
    }
}
