import Foundation

/// The χ² distribution's upper tail through the regularised incomplete gamma function
/// (series below a+1, Lentz's continued fraction above; Numerical Recipes §6.2). Shared by the
/// surveys' crosstabs and the policy estimators' Wald tests.
public enum ChiSquare {
    /// P(X ≥ x) for X ~ χ²(df); df may be fractional (Satterthwaite degrees of freedom).
    public static func survival(_ x: Double, df: Double) -> Double {
        guard x > 0, df > 0 else { return 1 }
        return upperGamma(a: df / 2, x: x / 2)
    }

    /// Q(a, x) = Γ(a, x) / Γ(a).
    static func upperGamma(a: Double, x: Double) -> Double {
        let logPrefix = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var sum = 1 / a
            var term = sum
            var ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 10_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            i += 1
        }
        return min(1, exp(logPrefix) * h)
    }
}
