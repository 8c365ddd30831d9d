import GSLCore

/// Grades for every unit (考核运用), flagged uncertain when the rank interval crosses a grade boundary.
public struct Assessment: Sendable, Equatable, Codable {
    /// One unit's grade.
    public struct Row: Sendable, Equatable, Codable {
        /// Unit code.
        public var unit: String
        /// Score on the graded node.
        public var score: Double
        /// Nominal rank.
        public var rank: Int
        /// Grade label (Chinese).
        public var grade: String
        /// Grade label (English).
        public var gradeEn: String
        /// Q5 and Q95 rank, when an uncertainty result was given.
        public var rankInterval: [Double]?
        /// True when the grades at Q5 and Q95 rank differ.
        public var uncertain: Bool
    }

    /// Rows in rank order.
    public var rows: [Row]

    /// Grades `node` (default root) by the framework's rule; `uncertainty` adds the uncertain flag.
    public init(
        result: PipelineResult, framework: Framework, uncertainty: UncertaintyResult? = nil,
        node: String? = nil
    ) throws(GSLError) {
        guard let rule = framework.grading else {
            throw .data(
                "框架未定义评级规则：\(framework.reference)",
                en: "framework has no grading rule: \(framework.reference)")
        }
        let node = node ?? framework.rootCode
        let units = result.aggregated.units.filter { result.score(unit: $0, node: node) != nil }
        let n = units.count
        let sortedScores = units.map { result.score(unit: $0, node: node)! }.sorted(by: >)
        // The grade a unit would get if it sat at rank position r (1-based) of the nominal ranking.
        func gradeAt(rank r: Double) -> Int {
            let pos = min(max(Int(r.rounded()), 1), n)
            return rule.gradeIndex(score: sortedScores[pos - 1], rank: pos, count: n)
        }
        var rows: [Row] = []
        for u in units {
            let s = result.score(unit: u, node: node)!, r = result.rank(unit: u, node: node)!
            let g = rule.gradeIndex(score: s, rank: r, count: n)
            var interval: [Double]?
            var uncertain = false
            if let unc = uncertainty, let k = unc.units.firstIndex(of: u), unc.q5[k].isFinite,
                unc.q95[k].isFinite
            {
                interval = [unc.q5[k], unc.q95[k]]
                uncertain = gradeAt(rank: unc.q5[k].rounded(.down)) != gradeAt(rank: unc.q95[k].rounded(.up))
            }
            rows.append(
                Row(
                    unit: u, score: s, rank: r, grade: rule.label(g),
                    gradeEn: g < rule.grades.count ? rule.grades[g].labelEn : rule.fallbackEn,
                    rankInterval: interval, uncertain: uncertain))
        }
        self.rows = rows.sorted { ($0.rank, $0.unit) < ($1.rank, $1.unit) }
    }
}
