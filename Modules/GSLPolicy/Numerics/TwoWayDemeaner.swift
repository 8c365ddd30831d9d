import GSLCore

/// Removes firm and year effects from a variable by alternating projections (the method of
/// Guimarães & Portugal 2010 and of fixest/pyfixest without acceleration): subtract firm means,
/// then year means, and repeat until the largest mean removed in a sweep is at most
/// `tolerance × max(1, max |x|)`. On a balanced panel the two projections commute and the second
/// sweep already finds nothing to remove; an unbalanced one needs more.
public struct TwoWayDemeaner: Sendable {
    /// The relative tolerance: 1e-13, far below the 1e-8 at which results are compared.
    public static let tolerance = 1e-13
    /// The most sweeps before giving up (`policy.demeaning-not-converged`).
    public static let maxSweeps = 10_000

    let firm: [Int], period: [Int]
    let firmCount: [Double], periodCount: [Double]

    /// A demeaner for observations of `firms` firms and `periods` years.
    public init(firm: [Int], period: [Int], firms: Int, periods: Int) {
        self.firm = firm
        self.period = period
        var fc = [Double](repeating: 0, count: firms), pc = [Double](repeating: 0, count: periods)
        for k in firm.indices {
            fc[firm[k]] += 1
            pc[period[k]] += 1
        }
        firmCount = fc
        periodCount = pc
    }

    /// `x` with firm and year effects removed; the sweeps used are returned too.
    public func demean(_ x: [Double]) throws(GSLError) -> (values: [Double], sweeps: Int) {
        var v = x
        var scale = 1.0
        for a in x { scale = max(scale, abs(a)) }
        let limit = Self.tolerance * scale
        var fm = [Double](repeating: 0, count: firmCount.count)
        var pm = [Double](repeating: 0, count: periodCount.count)
        let n = v.count
        for sweep in 1...Self.maxSweeps {
            var largest = 0.0
            v.withUnsafeMutableBufferPointer { v in
                firm.withUnsafeBufferPointer { f in
                    for i in fm.indices { fm[i] = 0 }
                    for k in 0..<n { fm[f[k]] += v[k] }
                    for i in fm.indices {
                        fm[i] /= max(firmCount[i], 1)
                        largest = max(largest, abs(fm[i]))
                    }
                    for k in 0..<n { v[k] -= fm[f[k]] }
                }
                period.withUnsafeBufferPointer { p in
                    for i in pm.indices { pm[i] = 0 }
                    for k in 0..<n { pm[p[k]] += v[k] }
                    for i in pm.indices {
                        pm[i] /= max(periodCount[i], 1)
                        largest = max(largest, abs(pm[i]))
                    }
                    for k in 0..<n { v[k] -= pm[p[k]] }
                }
            }
            if sweep > 1 && largest <= limit { return (v, sweep) }
        }
        throw GSLError.data(
            "交替投影在 \(Self.maxSweeps) 次迭代内未收敛（容差 \(Self.tolerance)）",
            en:
                "alternating projections did not converge in \(Self.maxSweeps) sweeps (tolerance \(Self.tolerance))"
        ).because(.policyDemeaningNotConverged)
    }
}
