import GSLCore

/// Least squares with a firm-clustered (CR1) variance on given columns: the last step of every
/// regression estimator here, after any fixed effects are removed.
public struct ClusteredOLS: Sendable {
    /// The coefficients, in the order of the columns.
    public let coefficients: [Coefficient]
    /// The clustered variance matrix (row-major p × p), small-sample factor included.
    public let vcov: [Double]
    /// Observations.
    public let n: Int
    /// Clusters.
    public let clusters: Int
    /// The K of the small-sample factor.
    public let k: Int
    /// The small-sample factor `G/(G−1) · (N−1)/(N−K)`.
    public let adjustment: Double

    /// Fits `y` on `columns` (each of length n) and clusters by `cluster` (ids 0..<clusters);
    /// `k` is the parameter count of the small-sample factor (at least the column count);
    /// `clusterCount` is G when some ids have no observations.
    public init(
        names: [String], columns: [[Double]], y: [Double], cluster: [Int], clusters: Int, k: Int,
        clusterCount: Int? = nil
    ) throws(GSLError) {
        let p = columns.count, n = y.count
        let used = clusterCount ?? clusters
        guard used > 1, n > k else {
            throw GSLError.data(
                "观测（\(n)）或聚类（\(used)）太少，无法估计 \(p) 个参数",
                en: "too few observations (\(n)) or clusters (\(used)) to estimate \(p) parameters"
            ).because(.policyInsufficientData)
        }
        var xtx = [Double](repeating: 0, count: p * p), xty = [Double](repeating: 0, count: p)
        for a in 0..<p {
            columns[a].withUnsafeBufferPointer { ca in
                for b in a..<p {
                    var s = 0.0
                    columns[b].withUnsafeBufferPointer { cb in for i in 0..<n { s += ca[i] * cb[i] } }
                    xtx[a * p + b] = s
                    xtx[b * p + a] = s
                }
                var s = 0.0
                y.withUnsafeBufferPointer { yy in for i in 0..<n { s += ca[i] * yy[i] } }
                xty[a] = s
            }
        }
        guard let bread = SymmetricSolve.inverse(xtx, n: p) else {
            throw GSLError.data(
                "设计矩阵奇异：回归项（\(names.joined(separator: "、"))）在去除企业和年份效应后共线或为常数",
                en:
                    "singular design: the regressors (\(names.joined(separator: ", "))) are collinear or constant once firm and year effects are removed"
            ).because(.policySingularDesign)
        }
        var beta = [Double](repeating: 0, count: p)
        for a in 0..<p { for b in 0..<p { beta[a] += bread[a * p + b] * xty[b] } }
        var score = [Double](repeating: 0, count: clusters * p)
        for i in 0..<n {
            var e = y[i]
            for a in 0..<p { e -= columns[a][i] * beta[a] }
            let base = cluster[i] * p
            for a in 0..<p { score[base + a] += columns[a][i] * e }
        }
        var meat = [Double](repeating: 0, count: p * p)
        for g in 0..<clusters {
            let base = g * p
            for a in 0..<p {
                let sa = score[base + a]
                if sa == 0 { continue }
                for b in 0..<p { meat[a * p + b] += sa * score[base + b] }
            }
        }
        let g = Double(used)
        let c = g / (g - 1) * Double(n - 1) / Double(n - k)
        var v = SymmetricSolve.sandwich(bread, meat, n: p)
        for i in v.indices { v[i] *= c }
        self.vcov = v
        self.coefficients = (0..<p).map {
            Coefficient(term: names[$0], estimate: beta[$0], standardError: v[$0 * p + $0].squareRoot())
        }
        self.n = n
        self.clusters = used
        self.k = k
        self.adjustment = c
    }

    /// The Wald statistic for all of `terms` being zero (indices into the coefficients): `b′V⁻¹b`,
    /// chi-squared with `terms.count` degrees of freedom under the null.
    public func wald(_ terms: [Int]) throws(GSLError) -> WaldTest {
        let q = terms.count, p = coefficients.count
        var sub = [Double](repeating: 0, count: q * q)
        for (i, a) in terms.enumerated() {
            for (j, b) in terms.enumerated() { sub[i * q + j] = vcov[a * p + b] }
        }
        guard q > 0, let inv = SymmetricSolve.inverse(sub, n: q) else {
            throw GSLError.data("联合检验的方差矩阵奇异", en: "the joint test's variance matrix is singular")
                .because(.policySingularDesign)
        }
        let b = terms.map { coefficients[$0].estimate }
        var w = 0.0
        for i in 0..<q { for j in 0..<q { w += b[i] * inv[i * q + j] * b[j] } }
        return WaldTest(statistic: w, df: q)
    }
}

/// A joint Wald test: `W = b′V⁻¹b`, chi-squared with `df` degrees of freedom; `W/df` is the F form.
public struct WaldTest: Sendable, Equatable {
    /// W.
    public let statistic: Double
    /// Restrictions tested.
    public let df: Int
    /// The chi-squared p-value.
    public var p: Double { Distributions.chiSquaredUpper(statistic, df: df) }
    /// W / df.
    public var f: Double { statistic / Double(df) }
}
