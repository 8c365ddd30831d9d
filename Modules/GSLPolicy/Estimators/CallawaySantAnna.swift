import GSLCore

/// Callaway & Sant'Anna (2021) group-time average treatment effects for staggered adoption on a
/// balanced panel, unconditional or with covariates by outcome regression (Heckman, Ichimura &
/// Todd 1997; `did`'s `est_method = "reg"`):
/// `ATT(g,t) = E[Y_t − Y_b | G = g] − E[Y_t − Y_b | C]` (less the controls' fitted change at the
/// treated firms' covariates when there are covariates), the base `b` being `g − 1` for `t ≥ g`
/// and `t − 1` before (the "varying" base), the controls `C` the never-treated firms or those not
/// yet treated by `max(t, b)`. Standard errors come from each estimate's influence function over
/// all N firms: `se = sqrt(Σ ψ_i²) / N`.
public struct CallawaySantAnna: Sendable {
    /// Which firms serve as controls.
    public enum Control: String, CaseIterable, Sendable {
        /// Firms never treated.
        case never
        /// Firms never treated or not yet treated by the later of t and the base year.
        case notYet = "not-yet"

        /// The Chinese name.
        public var chinese: String { self == .never ? "从未受政策企业" : "尚未受政策企业" }
    }

    /// One ATT(g,t).
    public struct Cell: Sendable {
        /// The cohort (first treated year) and the calendar year.
        public let group: Int, year: Int
        /// The base year compared with.
        public let base: Int
        /// Firms in the cohort and among the controls.
        public let treatedFirms: Int, controlFirms: Int
        /// The estimate and its analytic standard error.
        public let att: Coefficient
        /// The influence function over all firms (firm order of the panel).
        public let influence: [Double]
        /// Event time `year − group`.
        public var eventTime: Int { year - group }
    }

    /// The cells, by cohort then year; a cell without controls is left out.
    public let cells: [Cell]
    /// The control group.
    public let control: Control
    /// The covariates used in the outcome regression (empty: unconditional).
    public let covariateNames: [String]
    /// Firms (N) and the share of each cohort among them.
    public let firms: Int
    /// Per firm: its cohort (first treated year) or nil.
    public let cohort: [Int?]

    /// Estimates every ATT(g,t); `covariates` adds outcome regression on the panel's covariates.
    public init(_ panel: Panel, control: Control, covariates: Bool = false) throws(GSLError) {
        try panel.requireBalanced(for: "Callaway–Sant'Anna")
        try panel.requireCohortsInside()
        let n = panel.firms.count, years = panel.years, tCount = years.count
        let wide = panel.wide()
        let cohorts = Set(panel.cohort.compactMap { $0 }).sorted()
        guard !cohorts.isEmpty else {
            throw GSLError.data("没有受政策的企业", en: "no treated firms").because(.policyInsufficientData)
        }
        if control == .never, !panel.cohort.contains(where: { $0 == nil }) {
            throw GSLError.data(
                "没有从未受政策的企业可作对照（可改用尚未受政策企业）",
                en: "no never-treated firms to compare with (not-yet-treated controls may be used)"
            ).because(.policyInsufficientData)
        }
        let x: [[Double]]? = covariates && !panel.covariateNames.isEmpty ? panel.covariates : nil
        if covariates && panel.covariateNames.isEmpty {
            throw GSLError.data("没有协变量", en: "no covariates given").because(.policyOptionInvalid)
        }
        var cells: [Cell] = []
        for g in cohorts {
            for ti in 1..<tCount {
                let t = years[ti]
                let bi = t >= g ? years.firstIndex(of: g - 1)! : ti - 1
                let b = years[bi]
                let horizon = max(t, b)
                var treated: [Int] = [], controls: [Int] = []
                for f in 0..<n {
                    switch panel.cohort[f] {
                    case g?: treated.append(f)
                    case nil: controls.append(f)
                    case let other?: if control == .notYet && other > horizon { controls.append(f) }
                    }
                }
                guard !controls.isEmpty else { continue }
                let dy = (0..<n).map { wide[$0 * tCount + ti] - wide[$0 * tCount + bi] }
                let (att, psi) =
                    try x.map { (x) throws(GSLError) in
                        try Self.regression(dy: dy, x: x, treated: treated, controls: controls, n: n)
                    } ?? Self.unconditional(dy: dy, treated: treated, controls: controls, n: n)
                var ss = 0.0
                for v in psi { ss += v * v }
                cells.append(
                    Cell(
                        group: g, year: t, base: b, treatedFirms: treated.count, controlFirms: controls.count,
                        att: Coefficient(
                            term: "g=\(g),t=\(t)", estimate: att, standardError: ss.squareRoot() / Double(n)),
                        influence: psi))
            }
        }
        guard !cells.isEmpty else {
            throw GSLError.data(
                "没有可估计的 ATT(g,t)：缺少对照企业", en: "no ATT(g,t) can be estimated: no control firms"
            )
            .because(.policyInsufficientData)
        }
        self.cells = cells
        self.control = control
        self.covariateNames = x == nil ? [] : panel.covariateNames
        self.firms = n
        self.cohort = panel.cohort
    }

    /// The difference of mean changes and its influence function (N/n_g and N/n_c scaling).
    static func unconditional(dy: [Double], treated: [Int], controls: [Int], n: Int) -> (Double, [Double]) {
        let mg = treated.reduce(0.0) { $0 + dy[$1] } / Double(treated.count)
        let mc = controls.reduce(0.0) { $0 + dy[$1] } / Double(controls.count)
        var psi = [Double](repeating: 0, count: n)
        let wg = Double(n) / Double(treated.count), wc = Double(n) / Double(controls.count)
        for f in treated { psi[f] = wg * (dy[f] - mg) }
        for f in controls { psi[f] = -wc * (dy[f] - mc) }
        return (mg - mc, psi)
    }

    /// Outcome regression: ΔY on (1, X) among the controls, `ATT = mean_g(ΔY − X̂β)`, with the
    /// influence function of DRDID's `reg_did_panel` (the regression's estimation effect included).
    static func regression(dy: [Double], x: [[Double]], treated: [Int], controls: [Int], n: Int)
        throws(GSLError)
        -> (Double, [Double])
    {
        let k = x[0].count + 1
        func row(_ f: Int) -> [Double] { [1] + x[f] }
        var xtx = [Double](repeating: 0, count: k * k), xty = [Double](repeating: 0, count: k)
        for f in controls {
            let r = row(f)
            for a in 0..<k {
                xty[a] += r[a] * dy[f]
                for b in 0..<k { xtx[a * k + b] += r[a] * r[b] }
            }
        }
        guard let inv = SymmetricSolve.inverse(xtx, n: k) else {
            throw GSLError.data("对照组的协变量矩阵奇异", en: "the controls' covariate matrix is singular")
                .because(.policySingularDesign)
        }
        var beta = [Double](repeating: 0, count: k)
        for a in 0..<k { for b in 0..<k { beta[a] += inv[a * k + b] * xty[b] } }
        func fitted(_ f: Int) -> Double { zip(row(f), beta).reduce(0) { $0 + $1.0 * $1.1 } }
        let sub = Double(treated.count + controls.count)
        let p1 = Double(treated.count) / sub
        var att = 0.0
        for f in treated { att += dy[f] - fitted(f) }
        att /= Double(treated.count)
        // M1 = mean over the subsample of D·(1, X); the regression's linear representation uses
        // (X′X/n_sub)⁻¹ over the controls.
        var m1 = [Double](repeating: 0, count: k)
        for f in treated { for (a, v) in row(f).enumerated() { m1[a] += v / sub } }
        var psi = [Double](repeating: 0, count: n)
        let scale = Double(n) / sub
        for f in treated { psi[f] = scale * (dy[f] - fitted(f) - att) / p1 }
        for f in controls {
            let r = row(f), e = dy[f] - fitted(f)
            // asy.lin.rep = e · r · (X′X/n_sub)⁻¹ = e · r · inv · n_sub
            var lin = 0.0
            for a in 0..<k {
                var s = 0.0
                for b in 0..<k { s += r[b] * inv[b * k + a] }
                lin += s * sub * m1[a]
            }
            psi[f] = -scale * e * lin / p1
        }
        return (att, psi)
    }
}

extension CallawaySantAnna {
    /// The joint Wald test that every pre-adoption ATT(g,t) is zero, with their covariance from
    /// the influence functions (`V = Ψ′Ψ / N²`); nil when there is no pre-adoption cell.
    public func preTrendTest() throws(GSLError) -> WaldTest? {
        let pre = cells.filter { $0.year < $0.group }
        guard !pre.isEmpty else { return nil }
        let q = pre.count
        var v = [Double](repeating: 0, count: q * q)
        let n2 = Double(firms) * Double(firms)
        for a in 0..<q {
            for b in a..<q {
                var s = 0.0
                for i in 0..<firms { s += pre[a].influence[i] * pre[b].influence[i] }
                v[a * q + b] = s / n2
                v[b * q + a] = s / n2
            }
        }
        guard let inv = SymmetricSolve.inverse(v, n: q) else {
            throw GSLError.data(
                "政策前 ATT(g,t) 的方差矩阵奇异", en: "the pre-adoption ATT(g,t) variance matrix is singular"
            )
            .because(.policySingularDesign)
        }
        var w = 0.0
        for a in 0..<q { for b in 0..<q { w += pre[a].att.estimate * inv[a * q + b] * pre[b].att.estimate } }
        return WaldTest(statistic: w, df: q)
    }
}
