import Dispatch
import Foundation
import GSLCore

/// Monte Carlo uncertainty analysis: reruns weighting and aggregation over random choices.
public enum UncertaintyAnalysis {
    /// Precomputed pieces shared by every run: one normalised table per (imputation, normalisation) choice.
    struct Prepared: Sendable {
        var framework: Framework
        var units: [String]
        var indicatorCodes: [String]
        /// `tables[i][n]`: normalised indicator columns for imputation choice i and normalisation choice n.
        var tables: [[[[Double]]]]
        /// Base weights within parent per node code (per imputation/normalisation combination).
        var weights: [[[String: Double]]]
        var imputations: Int
        var normalisations: [NormaliseMethod?]
        var aggregations: [AggregationMethod?]
        var nominalMethods: [String: AggregationMethod]
        var power: Double
        var minAvailability: Double?
        var node: String
        var order: [String]
        var childIndex: [[Int]]
        var columnIndex: [String: Int]
    }

    static func prepare(framework: Framework, data: Dataset, spec: PipelineSpec, u: UncertaintySpec)
        throws(GSLError) -> (Prepared, PipelineResult)
    {
        let nominal = try Pipeline.run(framework: framework, data: data, spec: spec, hashes: false)
        let imps: [ImputeMethod?] = u.imputations.isEmpty ? [spec.impute?.method] : u.imputations
        let norms: [NormaliseMethod?] = u.normalisations.isEmpty ? [spec.normalise?.method] : u.normalisations
        var tables: [[[[Double]]]] = []
        var weights: [[[String: Double]]] = []
        let units = nominal.aggregated.units
        for imp in imps {
            var row: [[[Double]]] = []
            var wrow: [[String: Double]] = []
            for n in norms {
                var s = spec
                if let imp { s.impute = .init(method: imp, group: spec.impute?.group) }
                if let n { var o = s.normalise ?? .init(); o.method = n; s.normalise = o }
                let r =
                    s == spec
                    ? nominal : try Pipeline.run(framework: framework, data: data, spec: s, hashes: false)
                let t = r.aggregated.selectingUnits(Set(units))
                guard t.units == units else {
                    throw .data(
                        "不同方案下的单位集不同，无法比较", en: "alternative choices keep different units; cannot compare")
                }
                row.append(framework.indicatorCodes.map { t.column($0)! })
                wrow.append(r.weights)
            }
            tables.append(row)
            weights.append(wrow)
        }
        let order = framework.aggregationOrder
        let codes = framework.indicatorCodes + order
        let columnIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let p = Prepared(
            framework: framework, units: units, indicatorCodes: framework.indicatorCodes, tables: tables,
            weights: weights, imputations: imps.count, normalisations: norms,
            aggregations: u.aggregations.isEmpty ? [nil] : u.aggregations, nominalMethods: nominal.methods,
            power: spec.aggregate.power, minAvailability: spec.aggregate.minAvailability,
            node: u.node ?? framework.rootCode, order: order,
            childIndex: order.map { framework.children(of: $0).map { columnIndex[$0]! } },
            columnIndex: columnIndex)
        return (p, nominal)
    }

    /// One run: choices by index, weight multipliers per node code; returns the studied node's ranks.
    static func ranks(
        _ p: Prepared, imputation: Int, normalisation: Int, aggregation: Int,
        noise: (String) -> Double
    ) throws(GSLError) -> [Double] {
        var cols = p.tables[imputation][normalisation]
        let w = p.weights[imputation][normalisation]
        for (k, code) in p.order.enumerated() {
            let kids = p.framework.children(of: code)
            let ws = kids.map { (w[$0] ?? 0) * noise($0) }
            let m = p.aggregations[aggregation] ?? p.nominalMethods[code] ?? .arithmetic
            let col = try Aggregator.aggregate(
                p.childIndex[k].map { cols[$0] }, weights: ws, method: m, power: p.power,
                minAvailability: p.minAvailability, node: code, units: p.units, children: kids)
            cols.append(col)
            if code == p.node { break }
        }
        return Stat.rankMin(cols[p.columnIndex[p.node]!], descending: true)
    }

    /// A linear shortcut for runs where every aggregate under the node is a weighted arithmetic mean of
    /// complete data: the node score is then Σ eᵢxᵢ with effective weights eᵢ, one dot product per unit.
    struct LinearPlan: Equatable {
        /// Row-major unit × indicator matrices per (imputation, normalisation).
        var matrices: [[[Double]]]
        /// Indicator count.
        var k: Int
        /// For each indicator under the node: framework node indices on its path below the node.
        var paths: [[Int]]
        /// Table column of each indicator under the node.
        var columns: [Int]
        /// Parent node index of every framework node (−1 for the root).
        var parent: [Int]
        /// Children node indices of every aggregate node.
        var children: [[Int]]
        /// Aggregate node indices under (and including) the studied node.
        var aggregates: [Int]
    }

    static func linearPlan(_ p: Prepared) -> LinearPlan? {
        guard p.minAvailability == nil else { return nil }
        let fw = p.framework
        let codes = fw.nodes.map(\.code)
        let pos = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let under = fw.indicators(under: p.node)
        var aggs: [Int] = []
        func collect(_ c: String) {
            if fw.node(c)?.isIndicator == false { aggs.append(pos[c]!); fw.children(of: c).forEach(collect) }
        }
        collect(p.node)
        guard aggs.allSatisfy({ (p.nominalMethods[codes[$0]] ?? .arithmetic) == .arithmetic }) else {
            return nil
        }
        let cols = under.map { p.indicatorCodes.firstIndex(of: $0)! }
        var matrices: [[[Double]]] = []
        for row in p.tables {
            var mrow: [[Double]] = []
            for t in row {
                var m = [Double](repeating: 0, count: p.units.count * cols.count)
                for (j, c) in cols.enumerated() {
                    for u in 0..<p.units.count {
                        let v = t[c][u]
                        if v.isNaN { return nil }
                        m[u * cols.count + j] = v
                    }
                }
                mrow.append(m)
            }
            matrices.append(mrow)
        }
        let paths = under.map { ind in fw.path(to: ind).drop { $0 != p.node }.dropFirst().map { pos[$0]! } }
        return LinearPlan(
            matrices: matrices, k: cols.count, paths: paths, columns: cols,
            parent: fw.nodes.map { $0.parent.map { pos[$0]! } ?? -1 },
            children: codes.map { fw.children(of: $0).map { pos[$0]! } }, aggregates: aggs)
    }

    /// Scratch space for `rankInto`: keys and unit indices, double-buffered for a radix sort.
    struct RankScratch {
        var keys: [UInt64]
        var units: [Int32]
        var keys2: [UInt64]
        var units2: [Int32]
        var counts: [Int]

        init(keys: [UInt64], units: [Int32], keys2: [UInt64], units2: [Int32], counts: [Int]) {
            self.keys = keys
            self.units = units
            self.keys2 = keys2
            self.units2 = units2
            self.counts = counts
        }

        init(n: Int) {
            keys = [UInt64](repeating: 0, count: n)
            units = [Int32](repeating: 0, count: n)
            keys2 = keys
            units2 = units
            counts = [Int](repeating: 0, count: 256 * 8)
        }
    }

    /// A key whose unsigned order is the descending order of `x` (−0 counts as 0; no NaN).
    @inline(__always)
    static func descendingKey(_ x: Double) -> UInt64 {
        let b = (x == 0 ? 0.0 : x).bitPattern
        let ascending = b & (1 << 63) != 0 ? ~b : b | (1 << 63)
        return ~ascending
    }

    /// Ranks (descending, ties = min) of `scores` into `rank`: an LSD radix sort on 8-bit digits of an
    /// order-preserving key (no comparisons, about 4× faster than a comparison sort here), then one pass
    /// giving equal scores the rank of the first of them.
    static func rankInto(_ scores: [Double], _ rank: inout [Double], _ s: inout RankScratch) {
        let n = scores.count
        guard n > 0 else { return }
        var keys = s.keys, units = s.units, keys2 = s.keys2, units2 = s.units2, counts = s.counts
        s = RankScratch(n: 0)
        scores.withUnsafeBufferPointer { sc in
            rank.withUnsafeMutableBufferPointer { rk in
                keys.withUnsafeMutableBufferPointer { k1 in
                    keys2.withUnsafeMutableBufferPointer { k2 in
                        units.withUnsafeMutableBufferPointer { u1 in
                            units2.withUnsafeMutableBufferPointer { u2 in
                                counts.withUnsafeMutableBufferPointer { c in
                                    for i in 0..<n {
                                        k1[i] = descendingKey(sc[i]); u1[i] = Int32(truncatingIfNeeded: i)
                                    }
                                    for i in 0..<c.count { c[i] = 0 }
                                    for i in 0..<n {
                                        var x = k1[i]
                                        for d in 0..<8 { c[d &* 256 &+ Int(x & 0xFF)] &+= 1; x >>= 8 }
                                    }
                                    var src = (k1, u1), dst = (k2, u2)
                                    for d in 0..<8 {
                                        let shift = UInt64(8 * d)
                                        // Skip a digit on which every key agrees.
                                        if c[d &* 256 &+ Int((src.0[0] >> shift) & 0xFF)] == n { continue }
                                        var total = 0
                                        for b in 0..<256 {
                                            let v = c[d &* 256 &+ b]; c[d &* 256 &+ b] = total; total &+= v
                                        }
                                        for i in 0..<n {
                                            let b = d &* 256 &+ Int((src.0[i] >> shift) & 0xFF)
                                            let at = c[b]
                                            c[b] = at &+ 1
                                            dst.0[at] = src.0[i]
                                            dst.1[at] = src.1[i]
                                        }
                                        swap(&src, &dst)
                                    }
                                    var i = 0
                                    while i < n {
                                        var j = i
                                        while j + 1 < n && src.0[j + 1] == src.0[i] { j += 1 }
                                        for q in i...j { rk[Int(src.1[q])] = Double(i + 1) }
                                        i = j + 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        s = RankScratch(keys: keys, units: units, keys2: keys2, units2: units2, counts: counts)
    }

    /// One worker's rank histogram and rank sums.
    final class Partial: @unchecked Sendable {
        var hist: [UInt32]
        var sum: [Double]
        var error: GSLError?
        init() {
            hist = []
            sum = []
        }
    }

    /// Everything a worker needs, drawn before any run so results do not depend on the thread count.
    struct Plan: Sendable {
        var prepared: Prepared
        var linear: LinearPlan?
        var baseWeights: [[[Double]]]
        var codes: [String]
        var position: [String: Int]
        var choices: [Int]
        var multipliers: [Double]
    }

    /// Evaluates runs `range` into `part`.
    static func evaluate(_ q: Plan, _ range: Range<Int>, into part: Partial) throws(GSLError) {
        let p = q.prepared
        let n = p.units.count
        let nc = q.codes.count
        var rank = [Double](repeating: 0, count: n)
        var order = RankScratch(n: n)
        var scores = [Double](repeating: 0, count: n)
        var eff = [Double](repeating: 0, count: q.linear?.k ?? 0)
        var denom = [Double](repeating: 0, count: nc)
        var hist = [UInt32](repeating: 0, count: n * n)
        var sum = [Double](repeating: 0, count: n)
        for run in range {
            let i = q.choices[3 * run], nn = q.choices[3 * run + 1], a = q.choices[3 * run + 2]
            let mbase = run * nc
            if let plan = q.linear, (p.aggregations[a] ?? .arithmetic) == .arithmetic {
                let w = q.baseWeights[i][nn]
                for g in plan.aggregates {
                    var s = 0.0
                    for c in plan.children[g] { s += w[c] * q.multipliers[mbase + c] }
                    denom[g] = s
                }
                for (j, path) in plan.paths.enumerated() {
                    var e = 1.0
                    for c in path { e *= w[c] * q.multipliers[mbase + c] / denom[plan.parent[c]] }
                    eff[j] = e
                }
                let k = plan.k
                plan.matrices[i][nn].withUnsafeBufferPointer { mb in
                    eff.withUnsafeBufferPointer { eb in
                        // Four partial sums let the compiler vectorise; the order of additions is fixed,
                        // so results do not depend on the machine.
                        let k4 = k & ~3
                        for uu in 0..<n {
                            var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
                            let base = uu * k
                            var j = 0
                            while j < k4 {
                                a0 += mb[base + j] * eb[j]
                                a1 += mb[base + j + 1] * eb[j + 1]
                                a2 += mb[base + j + 2] * eb[j + 2]
                                a3 += mb[base + j + 3] * eb[j + 3]
                                j += 4
                            }
                            while j < k { a0 += mb[base + j] * eb[j]; j += 1 }
                            scores[uu] = (a0 + a1) + (a2 + a3)
                        }
                    }
                }
                rankInto(scores, &rank, &order)
            } else {
                rank = try ranks(p, imputation: i, normalisation: nn, aggregation: a) {
                    q.multipliers[mbase + q.position[$0]!]
                }
            }
            hist.withUnsafeMutableBufferPointer { h in
                for k in 0..<n where !rank[k].isNaN {
                    h[k &* n &+ Int(rank[k]) &- 1] &+= 1
                    sum[k] += rank[k]
                }
            }
        }
        // Local accumulators: class properties would pay an exclusivity check on every increment.
        part.hist = hist
        part.sum = sum
    }

    /// Runs the analysis: `u.runs` random draws of weights (noise) and of the alternative methods.
    public static func run(
        framework: Framework, data: Dataset, spec: PipelineSpec,
        uncertainty u: UncertaintySpec
    ) throws(GSLError) -> UncertaintyResult {
        try run(framework: framework, data: data, spec: spec, uncertainty: u, allowLinear: true)
    }

    static func run(
        framework: Framework, data: Dataset, spec: PipelineSpec, uncertainty u: UncertaintySpec,
        allowLinear: Bool, workers: Int? = nil
    ) throws(GSLError) -> UncertaintyResult {
        try u.validate()
        let (p, nominal) = try prepare(framework: framework, data: data, spec: spec, u: u)
        let n = p.units.count
        let codes = framework.nodes.map(\.code)
        let nc = codes.count
        var rng = SeededGenerator(seed: u.seed)
        var choices = [Int](repeating: 0, count: 3 * u.runs)
        var multipliers = [Double](repeating: 1, count: nc * u.runs)
        for r in 0..<u.runs {
            choices[3 * r] = Int(rng.uniform() * Double(p.imputations))
            choices[3 * r + 1] = Int(rng.uniform() * Double(p.normalisations.count))
            choices[3 * r + 2] = Int(rng.uniform() * Double(p.aggregations.count))
            for c in 0..<nc { multipliers[r * nc + c] = 1 + u.weightNoise * (2 * rng.uniform() - 1) }
        }
        let plan = Plan(
            prepared: p, linear: allowLinear ? linearPlan(p) : nil,
            baseWeights: p.weights.map { row in row.map { w in codes.map { w[$0] ?? 0 } } },
            codes: codes, position: Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) }),
            choices: choices, multipliers: multipliers)
        let count = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, u.runs / 64))
        let parts = (0..<count).map { _ in Partial() }
        let runs = u.runs
        DispatchQueue.concurrentPerform(iterations: count) { w in
            let part = parts[w]
            do throws(GSLError) {
                try evaluate(plan, (runs * w / count)..<(runs * (w + 1) / count), into: part)
            } catch { part.error = error }
        }
        if let e = parts.compactMap(\.error).first { throw e }
        var hist = parts[0].hist
        var sum = parts[0].sum
        for part in parts.dropFirst() {
            for i in hist.indices { hist[i] += part.hist[i] }
            for i in sum.indices { sum[i] += part.sum[i] }
        }
        func quantile(_ k: Int, _ q: Double) -> Double {
            let total = (0..<n).reduce(0) { $0 + Int(hist[k * n + $1]) }
            guard total > 0 else { return .nan }
            func orderStat(_ j: Int) -> Double {
                var acc = 0
                for r in 0..<n { acc += Int(hist[k * n + r]); if acc > j { return Double(r + 1) } }
                return Double(n)
            }
            let h = Double(total - 1) * q
            let lo = Int(h.rounded(.down))
            let a = orderStat(lo), b = orderStat(min(lo + 1, total - 1))
            return a + (h - Double(lo)) * (b - a)
        }
        let node = p.node
        return UncertaintyResult(
            units: p.units,
            nominalRank: p.units.map { nominal.rank(unit: $0, node: node) ?? 0 },
            medianRank: (0..<n).map { quantile($0, 0.5) }, q5: (0..<n).map { quantile($0, 0.05) },
            q95: (0..<n).map { quantile($0, 0.95) }, meanRank: sum.map { $0 / Double(u.runs) }, runs: u.runs,
            node: node)
    }
}
