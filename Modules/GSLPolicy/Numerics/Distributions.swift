import Foundation

/// The distribution functions the tests and intervals need: the standard normal and the
/// chi-squared upper tail.
public enum Distributions {
    /// The 0.975 quantile of the standard normal: 95 % intervals are `estimate ± z · se`.
    public static let z975 = 1.959963984540054

    /// P(Z ≤ z) for a standard normal Z.
    public static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// The two-sided p-value of a z statistic.
    public static func twoSidedP(_ z: Double) -> Double {
        guard z.isFinite else { return z.isNaN ? .nan : 0 }
        return erfc(abs(z) / 2.0.squareRoot())
    }

    /// P(X > x) for X chi-squared with `df` degrees of freedom: the regularised upper incomplete
    /// gamma Q(df/2, x/2) (series below a + 1, Lentz's continued fraction above).
    public static func chiSquaredUpper(_ x: Double, df: Int) -> Double {
        guard x > 0 else { return 1 }
        let a = Double(df) / 2, z = x / 2
        let logPrefix = a * log(z) - z - lgamma(a)
        if z < a + 1 {
            var term = 1 / a, sum = term, n = a
            for _ in 0..<10_000 {
                n += 1
                term *= z / n
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        let tiny = 1e-300
        var b = z + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return min(1, exp(logPrefix) * h)
    }

    /// The `p` quantile of sorted values by linear interpolation (type 7, as R and numpy).
    public static func quantile(sorted s: [Double], _ p: Double) -> Double {
        guard !s.isEmpty else { return .nan }
        let h = Double(s.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }
}
