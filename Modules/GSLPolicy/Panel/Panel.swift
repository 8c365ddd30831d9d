import GSLCore

/// A firm × year panel of one outcome: the observations (firm, year, value), each firm's first
/// treated year (its cohort; nil for a firm never treated) and, optionally, per-firm covariates
/// measured before treatment (for propensity scores and outcome regression).
public struct Panel: Sendable, Equatable {
    /// The firms' keys (USCC or store id), indexed by firm number.
    public let firms: [String]
    /// The distinct years, ascending.
    public let years: [Int]
    /// Per observation: the firm number.
    public internal(set) var firm: [Int]
    /// Per observation: the index of its year in `years`.
    public internal(set) var period: [Int]
    /// Per observation: the outcome.
    public internal(set) var outcome: [Double]
    /// Per firm: the first year treated, nil when never treated.
    public let cohort: [Int?]
    /// The covariates' names.
    public let covariateNames: [String]
    /// Per firm: the covariates (in `covariateNames` order); empty when none.
    public let covariates: [[Double]]

    /// A panel of `observations` (firm number, year, value); `cohort` and `covariates` are per firm.
    /// Observations are sorted by firm and year; a repeated (firm, year) is refused.
    public init(
        firms: [String], observations: [(firm: Int, year: Int, value: Double)], cohort: [Int?],
        covariateNames: [String] = [], covariates: [[Double]] = []
    ) throws(GSLError) {
        precondition(cohort.count == firms.count, "one cohort per firm")
        precondition(covariates.isEmpty || covariates.count == firms.count, "one covariate row per firm")
        let sorted = observations.sorted { ($0.firm, $0.year) < ($1.firm, $1.year) }
        let years = Array(Set(sorted.map(\.year))).sorted()
        let index = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($0.element, $0.offset) })
        var firm: [Int] = [], period: [Int] = [], outcome: [Double] = []
        firm.reserveCapacity(sorted.count)
        period.reserveCapacity(sorted.count)
        outcome.reserveCapacity(sorted.count)
        for (k, o) in sorted.enumerated() {
            if k > 0, sorted[k - 1].firm == o.firm, sorted[k - 1].year == o.year {
                throw GSLError.data(
                    "企业 \(firms[o.firm]) 在 \(o.year) 年有两条观测",
                    en: "firm \(firms[o.firm]) has two observations for \(o.year)"
                ).because(.importDuplicateRow)
            }
            guard o.value.isFinite else {
                throw GSLError.data(
                    "企业 \(firms[o.firm]) 在 \(o.year) 年的值不是有限数",
                    en: "firm \(firms[o.firm]) has a non-finite value for \(o.year)"
                ).because(.textInNumberColumn)
            }
            firm.append(o.firm)
            period.append(index[o.year]!)
            outcome.append(o.value)
        }
        self.firms = firms
        self.years = years
        self.firm = firm
        self.period = period
        self.outcome = outcome
        self.cohort = cohort
        self.covariateNames = covariateNames
        self.covariates = covariates
    }

    /// The number of observations.
    public var count: Int { outcome.count }

    /// Per observation: 1 when its firm is treated in its year (year ≥ cohort), else 0.
    public var treated: [Double] {
        (0..<count).map { k in
            guard let g = cohort[firm[k]] else { return 0 }
            return years[period[k]] >= g ? 1 : 0
        }
    }

    /// Firms with fewer observations than years (at most `limit`), with the years they lack.
    public func gaps(limit: Int = 10) -> [(firm: String, missing: [Int])] {
        var seen = [[Bool]](repeating: [Bool](repeating: false, count: years.count), count: firms.count)
        for k in 0..<count { seen[firm[k]][period[k]] = true }
        var out: [(String, [Int])] = []
        for f in 0..<firms.count where seen[f].contains(false) {
            out.append((firms[f], years.indices.filter { !seen[f][$0] }.map { years[$0] }))
            if out.count == limit { break }
        }
        return out
    }

    /// Whether every firm has an observation in every year.
    public var isBalanced: Bool { count == firms.count * years.count && gaps(limit: 1).isEmpty }

    /// Refuses a panel with gaps, naming (up to ten) firms and the years they lack.
    public func requireBalanced(for method: String) throws(GSLError) {
        let g = gaps()
        guard !g.isEmpty else { return }
        let list = g.map { "\($0.firm)（缺 \($0.missing.map(String.init).joined(separator: "、"))）" }.joined(
            separator: "；")
        let listEn = g.map { "\($0.firm) (missing \($0.missing.map(String.init).joined(separator: ", ")))" }
            .joined(separator: "; ")
        throw GSLError.data(
            "\(method) 需要平衡面板，以下企业缺年份：\(list)",
            en: "\(method) needs a balanced panel; firms with gaps: \(listEn)"
        ).because(.policyUnbalancedPanel)
    }

    /// The outcome as a firm × year matrix (row-major, firm by firm); requires a balanced panel.
    func wide() -> [Double] {
        var out = [Double](repeating: .nan, count: firms.count * years.count)
        for k in 0..<count { out[firm[k] * years.count + period[k]] = outcome[k] }
        return out
    }

    /// Refuses cohorts outside the panel: a first treated year after the last year or not after
    /// the first (no pre-period).
    public func requireCohortsInside() throws(GSLError) {
        guard let first = years.first, let last = years.last else { return }
        for (f, g) in cohort.enumerated() {
            guard let g else { continue }
            if g <= first || g > last {
                throw GSLError.data(
                    "企业 \(firms[f]) 的受政策年份 \(g) 不在面板的 \(first + 1)–\(last) 年内（需要至少一个政策前年份）",
                    en:
                        "firm \(firms[f]) is first treated in \(g), outside the panel's \(first + 1)–\(last) (a pre-period is needed)"
                ).because(.policyTreatmentOutsidePanel)
            }
        }
    }
}
