import GSLCore

/// The 2×2 difference-in-differences: firms first treated in one adoption year against firms never
/// treated, every year before it against every year from it on, as the regression
/// `y = a + b·treated + c·post + ATT·treated·post` with firm-clustered errors (no absorbed effects,
/// so both small-sample conventions give `K = 4`). Firms adopting in other years are left out.
public struct CanonicalDiD: Sendable {
    /// The adoption year.
    public let adoption: Int
    /// The four coefficients: `const`, `treated`, `post`, `att`.
    public let ols: ClusteredOLS
    /// The effect.
    public var att: Coefficient { ols.coefficients[3] }
    /// The four cell means: treated pre, treated post, control pre, control post.
    public let means: (treatedPre: Double, treatedPost: Double, controlPre: Double, controlPost: Double)
    /// Firms in each group.
    public let treatedFirms: Int, controlFirms: Int

    /// Estimates the 2×2 for `adoption` (default: the only adoption year among the treated firms).
    public init(_ panel: Panel, adoption: Int? = nil) throws(GSLError) {
        try panel.requireCohortsInside()
        let cohorts = Set(panel.cohort.compactMap { $0 }).sorted()
        guard let g = adoption ?? (cohorts.count == 1 ? cohorts[0] : nil) else {
            throw GSLError.data(
                "处理组有多个受政策年份（\(cohorts.map(String.init).joined(separator: "、"))），2×2 需指定其中一个",
                en:
                    "the treated firms adopt in several years (\(cohorts.map(String.init).joined(separator: ", "))); a 2×2 needs one of them"
            ).because(.policyOptionInvalid)
        }
        guard cohorts.contains(g) else {
            throw GSLError.data("没有企业在 \(g) 年首次受政策", en: "no firm is first treated in \(g)")
                .because(.policyTreatmentOutsidePanel)
        }
        var c0: [Double] = [], c1: [Double] = [], c2: [Double] = [], c3: [Double] = []
        var y: [Double] = [], cluster: [Int] = []
        var sums = [Double](repeating: 0, count: 4), counts = [Double](repeating: 0, count: 4)
        var treatedSet = Set<Int>(), controlSet = Set<Int>()
        for k in 0..<panel.count {
            let f = panel.firm[k]
            let treated: Double
            switch panel.cohort[f] {
            case nil: treated = 0; controlSet.insert(f)
            case g: treated = 1; treatedSet.insert(f)
            default: continue
            }
            let post: Double = panel.years[panel.period[k]] >= g ? 1 : 0
            c0.append(1); c1.append(treated); c2.append(post); c3.append(treated * post)
            y.append(panel.outcome[k])
            cluster.append(f)
            let cell = (treated == 1 ? 0 : 2) + (post == 1 ? 1 : 0)
            sums[cell] += panel.outcome[k]
            counts[cell] += 1
        }
        guard counts.allSatisfy({ $0 > 0 }) else {
            throw GSLError.data(
                "2×2 的四个格（处理/对照 × 前/后）须都有观测",
                en: "each of the 2×2's four cells (treated/control × pre/post) needs observations"
            ).because(.policyInsufficientData)
        }
        ols = try ClusteredOLS(
            names: ["const", "treated", "post", "att"], columns: [c0, c1, c2, c3], y: y, cluster: cluster,
            clusters: panel.firms.count, k: 4, clusterCount: treatedSet.count + controlSet.count)
        means = (sums[0] / counts[0], sums[1] / counts[1], sums[2] / counts[2], sums[3] / counts[3])
        self.adoption = g
        treatedFirms = treatedSet.count
        controlFirms = controlSet.count
    }
}
