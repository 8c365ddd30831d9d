import GSLCore

/// Propensity-score matching: a logit of treatment (firms first treated in the adoption year
/// against firms never treated) on covariates measured before adoption, then 1:1 nearest-neighbour
/// matching on the score without replacement — treated firms in descending order of their score
/// (MatchIt's "largest" order), ties to the lower firm number — within a caliper of
/// `caliper × SD(score)` (pooled over the sample; Austin 2011 suggests 0.2). The balance table
/// gives standardised differences `(m_T − m_C) / √((s²_T + s²_C)/2)` before and after matching,
/// the denominator from the unmatched sample in both.
public struct PropensityMatching: Sendable {
    /// One covariate's balance.
    public struct Balance: Sendable, Equatable {
        /// The covariate (or `pscore`).
        public let name: String
        /// Means before matching: treated, control.
        public let treatedBefore: Double, controlBefore: Double
        /// Means after matching.
        public let treatedAfter: Double, controlAfter: Double
        /// Standardised differences before and after.
        public let smdBefore: Double, smdAfter: Double
    }

    /// The adoption year.
    public let adoption: Int
    /// The propensity model.
    public let logit: Logit
    /// The matched pairs (treated firm number, control firm number) and their score distance.
    public let pairs: [(treated: Int, control: Int, distance: Double)]
    /// Treated firms left without a match inside the caliper.
    public let unmatched: [Int]
    /// The caliper in score units.
    public let caliper: Double
    /// The balance table: the score, then each covariate.
    public let balance: [Balance]
    /// The matched estimate: mean over pairs of the post-period outcome difference, with the
    /// paired standard error `sd(diff)/√pairs`.
    public let att: Coefficient
    /// Firms in the sample: treated and controls.
    public let treatedFirms: Int, controlFirms: Int
    /// The least and largest score in each group (overlap).
    public let treatedRange: ClosedRange<Double>, controlRange: ClosedRange<Double>

    /// Matches on `panel.covariates`; `caliper` is in standard deviations of the score.
    public init(_ panel: Panel, adoption: Int? = nil, caliper: Double = 0.2) throws(GSLError) {
        try panel.requireCohortsInside()
        guard caliper > 0, caliper.isFinite else {
            throw GSLError.data("卡尺须为正数", en: "the caliper must be positive").because(.policyOptionInvalid)
        }
        guard !panel.covariateNames.isEmpty else {
            throw GSLError.data("倾向得分匹配需要至少一个协变量", en: "matching needs at least one covariate")
                .because(.policyOptionInvalid)
        }
        let cohorts = Set(panel.cohort.compactMap { $0 }).sorted()
        guard let g = adoption ?? (cohorts.count == 1 ? cohorts[0] : nil) else {
            throw GSLError.data(
                "处理组有多个受政策年份（\(cohorts.map(String.init).joined(separator: "、"))），匹配需指定其中一个",
                en:
                    "the treated firms adopt in several years (\(cohorts.map(String.init).joined(separator: ", "))); matching needs one of them"
            ).because(.policyOptionInvalid)
        }
        let sample = (0..<panel.firms.count).filter { panel.cohort[$0] == nil || panel.cohort[$0] == g }
        let y = sample.map { panel.cohort[$0] == nil ? 0.0 : 1.0 }
        let x = sample.map { panel.covariates[$0] }
        let logit = try Logit(y: y, x: x, names: panel.covariateNames)
        let score = logit.fitted
        let mean = score.reduce(0, +) / Double(score.count)
        let sd = (score.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(score.count - 1)).squareRoot()
        let width = caliper * sd
        let treated = sample.indices.filter { y[$0] == 1 }.sorted { (score[$0], -$0) > (score[$1], -$1) }
        var available = sample.indices.filter { y[$0] == 0 }
        var pairs: [(Int, Int, Double)] = [], unmatched: [Int] = []
        for t in treated {
            var best: Int? = nil
            var bestDistance = Double.infinity
            for (slot, c) in available.enumerated() {
                let d = abs(score[t] - score[c])
                if d < bestDistance { bestDistance = d; best = slot }
            }
            if let best, bestDistance <= width {
                pairs.append((sample[t], sample[available[best]], bestDistance))
                available.remove(at: best)
            } else {
                unmatched.append(sample[t])
            }
        }
        guard !pairs.isEmpty else {
            throw GSLError.data(
                "卡尺 \(caliper) 内没有任何可匹配的对照企业", en: "no control firm within the caliper \(caliper)"
            ).because(.policyInsufficientData)
        }
        // Balance on the score and each covariate.
        let position = Dictionary(uniqueKeysWithValues: sample.enumerated().map { ($0.element, $0.offset) })
        func column(_ j: Int) -> (Int) -> Double {
            j < 0 ? { score[position[$0]!] } : { panel.covariates[$0][j] }
        }
        var balance: [Balance] = []
        let groupT = sample.filter { panel.cohort[$0] == g },
            groupC = sample.filter { panel.cohort[$0] == nil }
        for j in -1..<panel.covariateNames.count {
            let value = column(j)
            let (mt, vt) = Self.moments(groupT.map(value)), (mc, vc) = Self.moments(groupC.map(value))
            let mta = pairs.reduce(0.0) { $0 + value($1.0) } / Double(pairs.count)
            let mca = pairs.reduce(0.0) { $0 + value($1.1) } / Double(pairs.count)
            let pooled = ((vt + vc) / 2).squareRoot()
            balance.append(
                Balance(
                    name: j < 0 ? "pscore" : panel.covariateNames[j], treatedBefore: mt, controlBefore: mc,
                    treatedAfter: mta, controlAfter: mca, smdBefore: pooled > 0 ? (mt - mc) / pooled : 0,
                    smdAfter: pooled > 0 ? (mta - mca) / pooled : 0))
        }
        // Post-period means per firm.
        var postSum = [Double](repeating: 0, count: panel.firms.count), postCount = postSum
        for k in 0..<panel.count where panel.years[panel.period[k]] >= g {
            postSum[panel.firm[k]] += panel.outcome[k]
            postCount[panel.firm[k]] += 1
        }
        let diffs = pairs.compactMap { p -> Double? in
            guard postCount[p.0] > 0, postCount[p.1] > 0 else { return nil }
            return postSum[p.0] / postCount[p.0] - postSum[p.1] / postCount[p.1]
        }
        guard diffs.count > 1 else {
            throw GSLError.data("匹配对在政策后没有足够观测", en: "too few matched pairs with post-period observations")
                .because(.policyInsufficientData)
        }
        let (md, vd) = Self.moments(diffs)
        att = Coefficient(term: "att", estimate: md, standardError: (vd / Double(diffs.count)).squareRoot())
        self.adoption = g
        self.logit = logit
        self.pairs = pairs
        self.unmatched = unmatched
        self.caliper = width
        self.balance = balance
        treatedFirms = groupT.count
        controlFirms = groupC.count
        let st = groupT.map { score[position[$0]!] }, sc = groupC.map { score[position[$0]!] }
        treatedRange = st.min()!...st.max()!
        controlRange = sc.min()!...sc.max()!
    }

    /// Mean and sample variance (n − 1).
    static func moments(_ v: [Double]) -> (Double, Double) {
        let m = v.reduce(0, +) / Double(v.count)
        guard v.count > 1 else { return (m, 0) }
        return (m, v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1))
    }

    /// The firms of the matched pairs.
    public var matchedFirms: Set<Int> { Set(pairs.flatMap { [$0.treated, $0.control] }) }

    /// PSM-DiD: the 2×2 difference-in-differences on the matched firms only.
    public func differenceInDifferences(_ panel: Panel) throws(GSLError) -> CanonicalDiD {
        try CanonicalDiD(panel.keeping(firms: matchedFirms), adoption: adoption)
    }
}
