import GSLCore

/// Two-way fixed-effects regressions: firm and year effects absorbed by alternating projections
/// (`TwoWayDemeaner`), then least squares on the demeaned regressors with firm-clustered errors.
public enum TwoWayFixedEffects {
    /// The result of one regression.
    public struct Fit: Sendable {
        /// The regression on demeaned data.
        public let ols: ClusteredOLS
        /// The small-sample convention of its variance.
        public let convention: SmallSample
        /// Sweeps the demeaning took (the most over the variables).
        public let sweeps: Int
        /// Firms and years in the data.
        public let firms: Int, years: Int
    }

    /// The parameter count of the small-sample factor: `p` regressors plus, for Stata, every
    /// absorbed level less the one redundancy of two effects (`F + T − 1`, as firm and year
    /// dummies with a constant); for fixest, the year levels less that redundancy plus one for the
    /// firm effect, which is fully nested in the firm clusters (`T`; pyfixest's `get_ssc` with
    /// `k_fixef = "nonnested"`).
    public static func k(regressors p: Int, firms: Int, years: Int, convention: SmallSample) -> Int {
        switch convention {
        case .stata: p + firms + years - 1
        case .fixest: p + years
        }
    }

    /// Regresses `panel.outcome` on `regressors` (named, one value per observation) with firm and
    /// year effects, clustering by firm.
    public static func fit(
        _ panel: Panel, names: [String], regressors: [[Double]], convention: SmallSample
    ) throws(GSLError) -> Fit {
        let demeaner = TwoWayDemeaner(
            firm: panel.firm, period: panel.period, firms: panel.firms.count, periods: panel.years.count)
        let (y, s0) = try demeaner.demean(panel.outcome)
        var columns: [[Double]] = []
        var sweeps = s0
        for (j, r) in regressors.enumerated() {
            let (x, s) = try demeaner.demean(r)
            // A regressor the firm and year effects explain (its demeaned sum of squares vanishing
            // against its centred one) is collinear with them: the design is singular.
            let mean = r.reduce(0, +) / Double(max(r.count, 1))
            let raw = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let left = x.reduce(0) { $0 + $1 * $1 }
            guard raw > 0, left > 1e-10 * raw else {
                throw GSLError.data(
                    "设计矩阵奇异：「\(names[j])」可由企业与年份固定效应完全解释（例如所有企业同年受政策，或没有未受政策的观测）",
                    en:
                        "singular design: '\(names[j])' is fully explained by the firm and year effects (e.g. every firm treated in the same year, or no untreated observation)"
                ).because(.policySingularDesign)
            }
            columns.append(x)
            sweeps = max(sweeps, s)
        }
        // Firms with observations only: a firm number with none is not a cluster.
        var present = [Bool](repeating: false, count: panel.firms.count)
        for f in panel.firm { present[f] = true }
        let firms = present.filter { $0 }.count
        let ols = try ClusteredOLS(
            names: names, columns: columns, y: y, cluster: panel.firm, clusters: panel.firms.count,
            k: k(regressors: names.count, firms: firms, years: panel.years.count, convention: convention),
            clusterCount: firms)
        return Fit(ols: ols, convention: convention, sweeps: sweeps, firms: firms, years: panel.years.count)
    }

    /// The TWFE difference-in-differences: the outcome on the treatment dummy (1 from the firm's
    /// first treated year on) with firm and year effects.
    public static func did(_ panel: Panel, convention: SmallSample) throws(GSLError) -> Fit {
        try panel.requireCohortsInside()
        let d = panel.treated
        guard d.contains(1), d.contains(0) else {
            throw GSLError.data("没有处理组或没有对照观测", en: "no treated or no untreated observations")
                .because(.policyInsufficientData)
        }
        return try fit(panel, names: ["treated"], regressors: [d], convention: convention)
    }
}
