import Foundation
import GSLCore

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

    /// P(X > x) for X chi-squared with `df` degrees of freedom.
    public static func chiSquaredUpper(_ x: Double, df: Int) -> Double {
        ChiSquare.survival(x, df: Double(df))
    }

    /// The `p` quantile of sorted values by linear interpolation (type 7, as R and numpy).
    public static func quantile(sorted s: [Double], _ p: Double) -> Double {
        guard !s.isEmpty else { return .nan }
        let h = Double(s.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }
}
