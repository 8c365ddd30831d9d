import GSLCore

/// Runs one estimator on a panel and describes what it found (`PolicyResult`), caveats included.
public enum PolicyEvaluation {
    /// The choices of one estimate.
    public struct Options: Sendable, Equatable, Codable {
        /// The small-sample convention of clustered errors (TWFE, event study).
        public var convention: SmallSample.RawValue = SmallSample.fixest.rawValue
        /// The control group of Callaway–Sant'Anna.
        public var control: CallawaySantAnna.Control.RawValue = CallawaySantAnna.Control.never.rawValue
        /// Outcome regression on the panel's covariates (Callaway–Sant'Anna).
        public var outcomeRegression = false
        /// Multiplier-bootstrap draws (0: none) and seed.
        public var bootstrap = 0
        /// The bootstrap's seed.
        public var seed: UInt64 = 1
        /// The adoption year of a 2×2 or a matching (nil: the only one).
        public var adoption: Int?
        /// The event window (leads, lags), binned at its ends.
        public var windowLow: Int?, windowHigh: Int?
        /// The caliper in standard deviations of the score.
        public var caliper = 0.2

        /// Defaults.
        public init() {}
    }

    /// Estimates `method` on `panel`.
    public static func run(_ method: EstimationMethod, panel: Panel, outcome: PanelVariable, options: Options)
        throws(GSLError) -> PolicyResult
    {
        guard let convention = SmallSample(rawValue: options.convention),
            let control = CallawaySantAnna.Control(rawValue: options.control)
        else {
            throw GSLError.data("未知的选项值", en: "unknown option value").because(.policyOptionInvalid)
        }
        var result = PolicyResult(
            method: method, outcome: outcome, sample: sample(panel, firms: nil),
            effect: PolicyResult.Estimate(Coefficient(term: "att", estimate: .nan, standardError: .nan)))
        switch method {
        case .twfe:
            let fit = try TwoWayFixedEffects.did(panel, convention: convention)
            result.effect = .init(rename(fit.ols.coefficients[0], "att"))
            result.coefficients = fit.ols.coefficients.map(PolicyResult.Estimate.init)
            regression(&result, fit)
            if Set(panel.cohort.compactMap { $0 }).count > 1 {
                result.caveat(
                    "存在多个受政策批次（交错采纳）：双向固定效应估计量可能因已处理企业充当对照而有偏（Goodman-Bacon 2021），请对照 Callaway–Sant'Anna 结果。",
                    "Adoption is staggered: the TWFE estimate can be biased by already-treated firms acting as controls (Goodman-Bacon 2021); compare with Callaway–Sant'Anna."
                )
            }
        case .did2x2:
            let did = try CanonicalDiD(panel, adoption: options.adoption)
            result.effect = .init(did.att)
            result.coefficients = did.ols.coefficients.map(PolicyResult.Estimate.init)
            result.sample.treatedFirms = did.treatedFirms
            result.sample.controlFirms = did.controlFirms
            result.sample.firms = did.treatedFirms + did.controlFirms
            result.sample.observations = did.ols.n
            result.convention = "CR1"
            result.adjustment = did.ols.adjustment
            result.k = did.ols.k
            parallelTrendsUntested(&result)
        case .event:
            let window = options.windowLow.flatMap { lo in options.windowHigh.map { lo...$0 } }
            let study = try EventStudy(panel, convention: convention, window: window)
            var times = study.eventTimes, estimates = study.coefficients.map(PolicyResult.Estimate.init)
            let at = times.firstIndex { $0 > -1 } ?? times.count
            times.insert(-1, at: at)
            estimates.insert(
                .init(Coefficient(term: "e=-1", estimate: 0, standardError: 0)), at: at)
            result.eventTimes = times
            result.eventEstimates = estimates
            regression(&result, study.fit)
            let post = study.coefficients.enumerated().filter { study.eventTimes[$0.offset] >= 0 }.map(
                \.element)
            // Headline: the equally weighted mean of the post-adoption coefficients, its variance
            // from the clustered matrix.
            let idx = study.eventTimes.indices.filter { study.eventTimes[$0] >= 0 }
            let p = study.coefficients.count
            var v = 0.0
            for a in idx { for b in idx { v += study.fit.ols.vcov[a * p + b] } }
            let m = Double(max(idx.count, 1))
            result.effect = .init(
                Coefficient(
                    term: "att", estimate: post.reduce(0) { $0 + $1.estimate } / m,
                    standardError: v.squareRoot() / m))
            if let pre = study.preTrend {
                result.tests.append(.init(name: "pre-trend", statistic: pre.statistic, df: pre.df, p: pre.p))
                preTrendCaveat(&result, pre.p)
            } else {
                parallelTrendsUntested(&result)
            }
        case .cs:
            let cs = try CallawaySantAnna(panel, control: control, covariates: options.outcomeRegression)
            result.control = control.rawValue
            result.covariates = cs.covariateNames
            result.cells = cs.cells.map {
                PolicyResult.Cell(
                    group: $0.group, year: $0.year, base: $0.base, treatedFirms: $0.treatedFirms,
                    controlFirms: $0.controlFirms, att: $0.att.estimate, se: $0.att.standardError)
            }
            for kind in AggregationKind.allCases {
                var a = cs.aggregate(kind)
                if options.bootstrap > 0 {
                    a = try a.bootstrapped(draws: options.bootstrap, seed: options.seed)
                }
                result.summaries.append(
                    .init(
                        kind: kind.rawValue, overall: .init(a.overall),
                        parts: a.parts.map(PolicyResult.Estimate.init),
                        bootstrapDraws: a.bootstrap?.draws, bootstrapSeed: a.bootstrap?.seed,
                        bandCritical: a.bootstrap?.critical))
                if kind == .simple { result.effect = .init(a.overall) }
                if kind == .dynamic {
                    result.eventTimes = a.keys
                    result.eventEstimates = a.parts.map(PolicyResult.Estimate.init)
                }
            }
            // Pre-trend evidence: the pre-adoption cells.
            if let test = try cs.preTrendTest() {
                result.tests.append(
                    .init(name: "pre-trend", statistic: test.statistic, df: test.df, p: test.p))
                preTrendCaveat(&result, test.p)
            } else {
                parallelTrendsUntested(&result)
            }
        case .psm, .psmDid:
            let matching = try PropensityMatching(panel, adoption: options.adoption, caliper: options.caliper)
            result.covariates = panel.covariateNames
            result.coefficients = matching.logit.coefficients.map(PolicyResult.Estimate.init)
            result.balance = matching.balance.map {
                PolicyResult.BalanceRow(
                    name: $0.name, treatedBefore: $0.treatedBefore, controlBefore: $0.controlBefore,
                    treatedAfter: $0.treatedAfter, controlAfter: $0.controlAfter, smdBefore: $0.smdBefore,
                    smdAfter: $0.smdAfter)
            }
            result.matchedPairs = matching.pairs.count
            result.unmatchedTreated = matching.unmatched.count
            result.caliper = matching.caliper
            result.treatedScoreRange = [matching.treatedRange.lowerBound, matching.treatedRange.upperBound]
            result.controlScoreRange = [matching.controlRange.lowerBound, matching.controlRange.upperBound]
            result.sample.treatedFirms = matching.treatedFirms
            result.sample.controlFirms = matching.controlFirms
            result.sample.firms = matching.treatedFirms + matching.controlFirms
            if method == .psm {
                result.effect = .init(matching.att)
                result.caveat(
                    "匹配只平衡了所列协变量；未观测的差异仍可能影响结果（选择偏误）。",
                    "Matching balances only the listed covariates; unobserved differences can still bias the result."
                )
            } else {
                let did = try matching.differenceInDifferences(panel)
                result.effect = .init(did.att)
                result.convention = "CR1"
                result.adjustment = did.ols.adjustment
                result.k = did.ols.k
                parallelTrendsUntested(&result)
            }
            if matching.unmatched.count > 0 {
                result.caveat(
                    "\(matching.unmatched.count) 家受政策企业在卡尺内找不到对照，结果只代表已匹配企业。",
                    "\(matching.unmatched.count) treated firms found no control within the caliper; the estimate covers matched firms only."
                )
            }
            if let worst = matching.balance.map({ abs($0.smdAfter) }).max(), worst > 0.1 {
                result.caveat(
                    "匹配后仍有标准化差异超过 0.1 的协变量，平衡不足。",
                    "A covariate still differs by more than 0.1 standardised difference after matching: balance is poor."
                )
            }
            if matching.treatedRange.upperBound > matching.controlRange.upperBound
                || matching.treatedRange.lowerBound < matching.controlRange.lowerBound
            {
                result.caveat(
                    "处理组倾向得分超出对照组范围（共同支撑不足）。",
                    "Treated propensity scores fall outside the controls' range (limited overlap).")
            }
        }
        if result.sample.firms < 30 || result.sample.treatedFirms < 10 {
            result.caveat(
                "企业数量少（聚类少于 30 或受政策企业少于 10），聚类标准误可能偏小。",
                "Few firms (under 30 clusters or under 10 treated): clustered standard errors may be too small."
            )
        }
        return result
    }

    static func rename(_ c: Coefficient, _ term: String) -> Coefficient {
        Coefficient(term: term, estimate: c.estimate, standardError: c.standardError, critical: c.critical)
    }

    static func regression(_ result: inout PolicyResult, _ fit: TwoWayFixedEffects.Fit) {
        result.convention = fit.convention.rawValue
        result.adjustment = fit.ols.adjustment
        result.k = fit.ols.k
        result.sweeps = fit.sweeps
    }

    static func preTrendCaveat(_ result: inout PolicyResult, _ p: Double) {
        if p < 0.05 {
            result.caveat(
                "政策前趋势检验拒绝平行趋势（p = \(format(p))）：处理组与对照组在政策前已有不同走势，估计可能有偏。",
                "The pre-trend test rejects parallel trends (p = \(format(p))): the groups already diverged before the policy."
            )
        } else {
            result.caveat(
                "政策前趋势检验未拒绝平行趋势（p = \(format(p))）；这支持但不能证明平行趋势假设。",
                "The pre-trend test does not reject parallel trends (p = \(format(p))); this supports but cannot prove the assumption."
            )
        }
    }

    static func parallelTrendsUntested(_ result: inout PolicyResult) {
        result.caveat(
            "本方法依赖平行趋势假设，此处未检验；请参考事件研究的政策前系数。",
            "This design rests on parallel trends, not tested here; see the event study's leads.")
    }

    static func format(_ p: Double) -> String {
        let scaled = (p * 1000).rounded() / 1000
        return p < 0.001 ? "< 0.001" : String(scaled)
    }

    /// The sample description of `panel` (over `firms` when given).
    static func sample(_ panel: Panel, firms: Set<Int>?) -> PolicyResult.Sample {
        var present = Set<Int>()
        for f in panel.firm { present.insert(f) }
        var cohorts: [String: Int] = [:]
        var treated = 0
        for f in present {
            if let g = panel.cohort[f] {
                cohorts[String(g), default: 0] += 1
                treated += 1
            }
        }
        var preSum = 0.0, preCount = 0.0
        for k in 0..<panel.count {
            if let g = panel.cohort[panel.firm[k]], panel.years[panel.period[k]] < g {
                preSum += panel.outcome[k]
                preCount += 1
            }
        }
        return PolicyResult.Sample(
            observations: panel.count, firms: present.count, firstYear: panel.years.first ?? 0,
            lastYear: panel.years.last ?? 0, treatedFirms: treated, controlFirms: present.count - treated,
            cohorts: cohorts, treatedPreMean: preCount > 0 ? preSum / preCount : nil)
    }
}
