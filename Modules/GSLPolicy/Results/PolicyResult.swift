import GSLCore

/// What one estimate found, as a value that is stored (JSON) and reported: the sample, the
/// headline effect, the method's tables and the caveats its design implies.
public struct PolicyResult: Sendable, Equatable, Codable {
    /// A coefficient as stored.
    public struct Estimate: Sendable, Equatable, Codable {
        /// The term (`att`, `e=2`, `g=2019,t=2021`, `x1`).
        public var term: String
        /// The estimate, standard error, interval and p-value.
        public var estimate: Double, se: Double, low: Double, high: Double, p: Double

        /// From a coefficient.
        public init(_ c: Coefficient) {
            term = c.term
            estimate = c.estimate
            se = c.standardError
            low = c.low
            high = c.high
            p = c.p
        }
    }

    /// The sample.
    public struct Sample: Sendable, Equatable, Codable {
        /// Observations, firms, years (first and last), treated and control firms.
        public var observations: Int, firms: Int, firstYear: Int, lastYear: Int
        /// Firms ever treated (in the sample used) and comparison firms.
        public var treatedFirms: Int, controlFirms: Int
        /// The adoption years (cohorts) and their sizes.
        public var cohorts: [String: Int]
        /// The treated firms' mean outcome before their adoption (the base of a relative effect).
        public var treatedPreMean: Double?
    }

    /// One ATT(g,t).
    public struct Cell: Sendable, Equatable, Codable {
        /// Cohort, year, base year, firms.
        public var group: Int, year: Int, base: Int, treatedFirms: Int, controlFirms: Int
        /// ATT and its standard error.
        public var att: Double, se: Double
    }

    /// One aggregation of ATT(g,t).
    public struct Summary: Sendable, Equatable, Codable {
        /// `simple`, `dynamic`, `group`, `calendar`.
        public var kind: String
        /// The overall figure and the parts (with bands when bootstrapped).
        public var overall: Estimate, parts: [Estimate]
        /// Bootstrap draws, seed and the band's critical value (nil without a bootstrap).
        public var bootstrapDraws: Int?, bootstrapSeed: UInt64?, bandCritical: Double?
    }

    /// One row of the balance table.
    public struct BalanceRow: Sendable, Equatable, Codable {
        /// Covariate, means before/after, standardised differences before/after.
        public var name: String, treatedBefore: Double, controlBefore: Double, treatedAfter: Double,
            controlAfter: Double, smdBefore: Double, smdAfter: Double
    }

    /// A joint test.
    public struct Test: Sendable, Equatable, Codable {
        /// What is tested, the statistic (chi-squared), degrees of freedom, p-value.
        public var name: String, statistic: Double, df: Int, p: Double
    }

    /// The method.
    public var method: EstimationMethod
    /// The outcome variable.
    public var outcome: PanelVariable
    /// The sample used.
    public var sample: Sample
    /// The headline effect (ATT).
    public var effect: Estimate
    /// The regression's coefficients (TWFE, 2×2) or the logit's (PSM).
    public var coefficients: [Estimate] = []
    /// Event-study points by event time (the reference −1 at 0 included), for the plot.
    public var eventTimes: [Int] = []
    /// Event-study estimates aligned with `eventTimes`.
    public var eventEstimates: [Estimate] = []
    /// Joint tests (the pre-trend test).
    public var tests: [Test] = []
    /// ATT(g,t) cells.
    public var cells: [Cell] = []
    /// Aggregations.
    public var summaries: [Summary] = []
    /// Balance table.
    public var balance: [BalanceRow] = []
    /// Matching: pairs, unmatched treated firms, caliper (score units), score ranges.
    public var matchedPairs: Int?, unmatchedTreated: Int?, caliper: Double?
    /// The score's range among treated and control firms.
    public var treatedScoreRange: [Double]?, controlScoreRange: [Double]?
    /// The small-sample convention and its factor (regressions).
    public var convention: String?, adjustment: Double?, k: Int?
    /// Demeaning sweeps (TWFE, event).
    public var sweeps: Int?
    /// Control group (CS).
    public var control: String?
    /// Covariates used (CS with outcome regression, PSM).
    public var covariates: [String] = []
    /// The effect relative to the treated firms' pre-adoption mean, in per cent (nil without one).
    public var relativeEffect: Double? {
        guard let base = sample.treatedPreMean, base != 0, effect.estimate.isFinite else { return nil }
        return 100 * effect.estimate / base
    }
    /// Caveats in Chinese and English.
    public var caveatsZh: [String] = [], caveatsEn: [String] = []

    /// Adds a caveat.
    mutating func caveat(_ zh: String, _ en: String) {
        caveatsZh.append(zh)
        caveatsEn.append(en)
    }
}
