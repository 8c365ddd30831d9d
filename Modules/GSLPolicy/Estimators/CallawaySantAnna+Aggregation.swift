import GSLCore

/// How ATT(g,t) are summarised (as `did::aggte`).
public enum AggregationKind: String, CaseIterable, Sendable {
    /// One number: post-treatment cells weighted by cohort size.
    case simple
    /// By event time `e = t − g` (the dynamic or event-study summary); overall: the mean for `e ≥ 0`.
    case dynamic
    /// By cohort: each cohort's mean post-treatment effect; overall weighted by cohort size.
    case group
    /// By calendar year: cells treated by that year weighted by cohort size; overall: their mean.
    case calendar

    /// The Chinese name.
    public var chinese: String {
        switch self {
        case .simple: "总体平均"
        case .dynamic: "按事件时间（动态）"
        case .group: "按批次（组）"
        case .calendar: "按日历年"
        }
    }
}

/// One aggregation of ATT(g,t): the overall figure and the parts it summarises, each with its
/// influence function.
public struct Aggregation: Sendable {
    /// The aggregation.
    public let kind: AggregationKind
    /// The overall effect.
    public var overall: Coefficient
    /// The parts: event times, cohorts or years (`e=…`, `g=…`, `t=…`); empty for `simple`.
    public var parts: [Coefficient]
    /// The part labels as numbers (event time, cohort or year).
    public let keys: [Int]
    /// Influence functions over all firms: the overall first, then each part.
    public let influence: [[Double]]
    /// Bootstrap results when a bootstrap was run.
    public var bootstrap: Bootstrap?

    /// A multiplier bootstrap: standard errors and the critical value of the uniform 95 % band.
    public struct Bootstrap: Sendable, Equatable {
        /// Draws.
        public let draws: Int
        /// The seed.
        public let seed: UInt64
        /// The band's critical value (uniform over the parts; pointwise when there is one part).
        public let critical: Double
        /// Bootstrap standard errors: overall first, then the parts.
        public let standardErrors: [Double]
    }
}

extension CallawaySantAnna {
    /// Cohort shares `n_g / N` per cell.
    private var shares: [Double] {
        var size: [Int: Int] = [:]
        for c in cohort { if let c { size[c, default: 0] += 1 } }
        return cells.map { Double(size[$0.group]!) / Double(firms) }
    }

    /// The weighted sum of `chosen` cells (weights ∝ `pg`) and its influence function, including
    /// the estimation effect of the weights (`did`'s `wif`) unless `fixed`.
    private func combine(_ chosen: [Int], _ pg: [Double], groups: [Int], fixed: Bool) -> (Double, [Double]) {
        let s = chosen.reduce(0.0) { $0 + pg[$1] }
        let w = chosen.map { fixed ? 1 / Double(chosen.count) : pg[$0] / s }
        var estimate = 0.0
        var psi = [Double](repeating: 0, count: firms)
        for (j, c) in chosen.enumerated() {
            estimate += w[j] * cells[c].att.estimate
            let inf = cells[c].influence
            for i in 0..<firms { psi[i] += w[j] * inf[i] }
        }
        if !fixed {
            // wif[i,k] = (1{G_i = g_k} − pg_k)/S − (Σ_j (1{G_i = g_j} − pg_j)) · pg_k / S²
            let atts = chosen.map { cells[$0].att.estimate }
            let sumPgAtt = zip(chosen, atts).reduce(0.0) { $0 + pg[$1.0] * $1.1 }
            for i in 0..<firms {
                var first = 0.0, indicators = 0.0
                for (j, c) in chosen.enumerated() {
                    let hit: Double = cohort[i] == groups[j] ? 1 : 0
                    first += (hit - pg[c]) / s * atts[j]
                    indicators += hit - pg[c]
                }
                psi[i] += first - indicators * sumPgAtt / (s * s)
            }
        }
        return (estimate, psi)
    }

    private func coefficient(_ term: String, _ value: Double, _ psi: [Double]) -> Coefficient {
        var ss = 0.0
        for v in psi { ss += v * v }
        return Coefficient(term: term, estimate: value, standardError: ss.squareRoot() / Double(firms))
    }

    /// The aggregation `kind`.
    public func aggregate(_ kind: AggregationKind) -> Aggregation {
        let pg = shares
        let groupsOf: ([Int]) -> [Int] = { $0.map { self.cells[$0].group } }
        switch kind {
        case .simple:
            let post = cells.indices.filter { cells[$0].year >= cells[$0].group }
            let (v, psi) = combine(post, pg, groups: groupsOf(post), fixed: false)
            return Aggregation(
                kind: kind, overall: coefficient("att", v, psi), parts: [], keys: [], influence: [psi])
        case .dynamic:
            let times = Set(cells.map(\.eventTime)).sorted()
            var parts: [Coefficient] = [], infs: [[Double]] = [], keep: [[Double]] = []
            for e in times {
                let chosen = cells.indices.filter { cells[$0].eventTime == e }
                let (v, psi) = combine(chosen, pg, groups: groupsOf(chosen), fixed: false)
                parts.append(coefficient("e=\(e)", v, psi))
                infs.append(psi)
                if e >= 0 { keep.append(psi) }
            }
            let post = times.indices.filter { times[$0] >= 0 }
            let v = post.reduce(0.0) { $0 + parts[$1].estimate } / Double(max(post.count, 1))
            let psi = mean(keep)
            return Aggregation(
                kind: kind, overall: coefficient("att", v, psi), parts: parts, keys: times,
                influence: [psi] + infs)
        case .group:
            let groups = Set(cells.map(\.group)).sorted()
            var parts: [Coefficient] = [], infs: [[Double]] = []
            for g in groups {
                let chosen = cells.indices.filter { cells[$0].group == g && cells[$0].year >= g }
                let (v, psi) = combine(chosen, pg, groups: groupsOf(chosen), fixed: true)
                parts.append(coefficient("g=\(g)", v, psi))
                infs.append(psi)
            }
            // Overall: cohorts weighted by size, with the weights' estimation effect.
            var size: [Int: Double] = [:]
            for c in cohort { if let c { size[c, default: 0] += 1 / Double(firms) } }
            let pgg = groups.map { size[$0]! }
            let s = pgg.reduce(0, +)
            var v = 0.0
            var psi = [Double](repeating: 0, count: firms)
            for (j, part) in parts.enumerated() {
                v += pgg[j] / s * part.estimate
                for i in 0..<firms { psi[i] += pgg[j] / s * infs[j][i] }
            }
            let sumPgAtt = zip(pgg, parts).reduce(0.0) { $0 + $1.0 * $1.1.estimate }
            for i in 0..<firms {
                var first = 0.0, indicators = 0.0
                for (j, g) in groups.enumerated() {
                    let hit: Double = cohort[i] == g ? 1 : 0
                    first += (hit - pgg[j]) / s * parts[j].estimate
                    indicators += hit - pgg[j]
                }
                psi[i] += first - indicators * sumPgAtt / (s * s)
            }
            return Aggregation(
                kind: kind, overall: coefficient("att", v, psi), parts: parts, keys: groups,
                influence: [psi] + infs)
        case .calendar:
            let first = cells.map(\.group).min()!
            let years = Set(cells.map(\.year)).filter { $0 >= first }.sorted()
            var parts: [Coefficient] = [], infs: [[Double]] = [], keys: [Int] = []
            for t in years {
                let chosen = cells.indices.filter { cells[$0].year == t && cells[$0].group <= t }
                guard !chosen.isEmpty else { continue }
                let (v, psi) = combine(chosen, pg, groups: groupsOf(chosen), fixed: false)
                parts.append(coefficient("t=\(t)", v, psi))
                infs.append(psi)
                keys.append(t)
            }
            let v = parts.reduce(0.0) { $0 + $1.estimate } / Double(parts.count)
            let psi = mean(infs)
            return Aggregation(
                kind: kind, overall: coefficient("att", v, psi), parts: parts, keys: keys,
                influence: [psi] + infs)
        }
    }

    private func mean(_ columns: [[Double]]) -> [Double] {
        var out = [Double](repeating: 0, count: firms)
        guard !columns.isEmpty else { return out }
        for c in columns { for i in 0..<firms { out[i] += c[i] } }
        for i in 0..<firms { out[i] /= Double(columns.count) }
        return out
    }
}

extension Aggregation {
    /// Runs the multiplier bootstrap (Rademacher weights, as `did`'s `mboot`): each draw
    /// `b = √N · mean(v ψ)`; a part's standard error is the interquartile range of its draws over
    /// 1.349 (the normal's), divided by √N; the uniform band's critical value is the 95 % quantile
    /// of the largest |b| / σ over the parts. The band replaces the parts' pointwise intervals.
    public func bootstrapped(draws: Int, seed: UInt64) throws(GSLError) -> Aggregation {
        guard (99...100_000).contains(draws) else {
            throw GSLError.data("自助法次数应在 99–100000 之间", en: "bootstrap draws must be 99–100000")
                .because(.policyOptionInvalid)
        }
        let n = influence[0].count, m = influence.count
        let root = Double(n).squareRoot()
        var generator = SeededGenerator(seed: seed)
        var results = [[Double]](repeating: [Double](repeating: 0, count: draws), count: m)
        var v = [Double](repeating: 0, count: n)
        for d in 0..<draws {
            var bits: UInt64 = 0
            for i in 0..<n {
                if i % 64 == 0 { bits = generator.next() }
                v[i] = bits & 1 == 1 ? 1 : -1
                bits >>= 1
            }
            for j in 0..<m {
                var s = 0.0
                influence[j].withUnsafeBufferPointer { psi in for i in 0..<n { s += v[i] * psi[i] } }
                results[j][d] = root * s / Double(n)
            }
        }
        let iqrNormal = 1.3489795003921634
        var sigma = [Double](repeating: 0, count: m)
        for j in 0..<m {
            let s = results[j].sorted()
            sigma[j] =
                (Distributions.quantile(sorted: s, 0.75) - Distributions.quantile(sorted: s, 0.25))
                / iqrNormal
        }
        // The band over the parts (or the overall figure alone when there are none).
        let band = parts.isEmpty ? [0] : Array(1..<m)
        var sup = [Double](repeating: 0, count: draws)
        for d in 0..<draws {
            var largest = 0.0
            for j in band where sigma[j] > 0 { largest = max(largest, abs(results[j][d]) / sigma[j]) }
            sup[d] = largest
        }
        let critical = Distributions.quantile(sorted: sup.sorted(), 0.95)
        var out = self
        let ses = sigma.map { $0 / root }
        out.bootstrap = Bootstrap(draws: draws, seed: seed, critical: critical, standardErrors: ses)
        out.parts = parts.enumerated().map { j, c in
            Coefficient(term: c.term, estimate: c.estimate, standardError: ses[j + 1], critical: critical)
        }
        out.overall = Coefficient(
            term: overall.term, estimate: overall.estimate, standardError: ses[0],
            critical: parts.isEmpty ? critical : Distributions.z975)
        return out
    }
}
