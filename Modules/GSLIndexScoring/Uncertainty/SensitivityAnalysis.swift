import GSLCore

/// Variance-based sensitivity analysis on a Saltelli design (matrices A, B and A with column i from B).
public enum SensitivityAnalysis {
    /// Runs N·(k + 2) evaluations; the output is the mean absolute rank shift from the nominal ranks.
    /// The weight input picks one of `weightSets` pre-drawn noisy weight sets.
    public static func run(
        framework: Framework, data: Dataset, spec: PipelineSpec, uncertainty u: UncertaintySpec,
        weightSets: Int = 100
    ) throws(GSLError) -> SensitivityResult {
        try u.validate()
        guard u.runs > 1 else { throw .usage("运行次数须大于 1", en: "runs must be greater than 1") }
        let (p, nominal) = try UncertaintyAnalysis.prepare(framework: framework, data: data, spec: spec, u: u)
        var rng = SeededGenerator(seed: u.seed)
        let codes = framework.nodes.map(\.code)
        let sets: [[String: Double]] = (0..<max(weightSets, 1)).map { _ in
            Dictionary(uniqueKeysWithValues: codes.map { ($0, 1 + u.weightNoise * (2 * rng.uniform() - 1)) })
        }
        var inputs: [String] = []
        if u.weightNoise > 0 { inputs.append("weights") }
        if p.normalisations.count > 1 { inputs.append("normalisation") }
        if p.aggregations.count > 1 { inputs.append("aggregation") }
        if p.imputations > 1 { inputs.append("imputation") }
        let k = inputs.count
        guard k > 0 else { throw .usage("没有不确定输入", en: "no uncertain input varies") }
        let nominalRanks = p.units.map { Double(nominal.rank(unit: $0, node: p.node) ?? 0) }
        func pick(_ x: Double, _ count: Int) -> Int { min(Int(x * Double(count)), count - 1) }
        func model(_ x: [Double]) throws(GSLError) -> Double {
            var w = 0, nn = 0, a = 0, i = 0
            for (j, name) in inputs.enumerated() {
                switch name {
                case "weights": w = pick(x[j], sets.count)
                case "normalisation": nn = pick(x[j], p.normalisations.count)
                case "aggregation": a = pick(x[j], p.aggregations.count)
                default: i = pick(x[j], p.imputations)
                }
            }
            let set = u.weightNoise > 0 ? sets[w] : [:]
            let r = try UncertaintyAnalysis.ranks(p, imputation: i, normalisation: nn, aggregation: a) {
                set[$0] ?? 1
            }
            var s = 0.0, c = 0
            for (v, n0) in zip(r, nominalRanks) where !v.isNaN { s += abs(v - n0); c += 1 }
            return c == 0 ? 0 : s / Double(c)
        }
        let n = u.runs
        let A = (0..<n).map { _ in (0..<k).map { _ in rng.uniform() } }
        let B = (0..<n).map { _ in (0..<k).map { _ in rng.uniform() } }
        var fA: [Double] = [], fB: [Double] = []
        for r in 0..<n { fA.append(try model(A[r])); fB.append(try model(B[r])) }
        let all = fA + fB
        let mean = all.reduce(0, +) / Double(all.count)
        let variance = all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count)
        var first: [Double] = [], total: [Double] = []
        for j in 0..<k {
            var s1 = 0.0, st = 0.0
            for r in 0..<n {
                var x = A[r]; x[j] = B[r][j]
                let f = try model(x)
                s1 += fB[r] * (f - fA[r])
                st += (fA[r] - f) * (fA[r] - f)
            }
            first.append(variance > 0 ? s1 / Double(n) / variance : 0)
            total.append(variance > 0 ? st / (2 * Double(n)) / variance : 0)
        }
        return SensitivityResult(
            inputs: inputs, firstOrder: first, total: total, variance: variance,
            evaluations: n * (k + 2), output: "mean absolute rank shift of \(p.node)")
    }
}
