import Foundation

/// An estimate with its standard error and a 95% confidence interval.
public struct Estimate: Sendable, Equatable, Codable {
    /// The point estimate (a proportion in 0…1, or a mean).
    public var value: Double
    /// Its standard error (design-based when weighted).
    public var standardError: Double
    /// Lower end of the 95% interval.
    public var lower: Double
    /// Upper end of the 95% interval.
    public var upper: Double
    /// Respondents it rests on.
    public var n: Int

    /// An estimate.
    public init(value: Double, standardError: Double, lower: Double, upper: Double, n: Int) {
        self.value = value
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.n = n
    }
}

/// Estimators for survey proportions and means.
public enum Estimators {
    /// The 97.5% quantile of the standard normal distribution.
    public static let z975 = 1.959963984540054

    /// An unweighted proportion `successes / n` with the Wilson score interval (Wilson 1927).
    public static func wilson(successes: Int, n: Int, z: Double = z975) -> Estimate {
        guard n > 0 else { return Estimate(value: .nan, standardError: .nan, lower: .nan, upper: .nan, n: 0) }
        let nn = Double(n)
        let p = Double(successes) / nn
        let z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z / (1 + z2 / nn) * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        return Estimate(
            value: p, standardError: (p * (1 - p) / nn).squareRoot(), lower: centre - half,
            upper: centre + half,
            n: n)
    }

    /// A weighted mean of `y` (a proportion when `y` is 0/1) with its linearisation (Taylor) standard
    /// error for a single-stage with-replacement design: v = n/(n−1) Σ (wᵢ(yᵢ − ȳ)/W)², the
    /// ratio estimator's variance (Woodruff 1971); the interval is ȳ ± z·se.
    public static func weightedMean(_ y: [Double], weights w: [Double], z: Double = z975) -> Estimate {
        let n = y.count
        guard n > 0 else { return Estimate(value: .nan, standardError: .nan, lower: .nan, upper: .nan, n: 0) }
        var total = 0.0
        var weighted = 0.0
        for i in 0..<n {
            total += w[i]
            weighted += w[i] * y[i]
        }
        let mean = weighted / total
        var sum = 0.0
        for i in 0..<n {
            let u = w[i] * (y[i] - mean) / total
            sum += u * u
        }
        let variance = n > 1 ? Double(n) / Double(n - 1) * sum : .nan
        let se = variance.squareRoot()
        return Estimate(value: mean, standardError: se, lower: mean - z * se, upper: mean + z * se, n: n)
    }

    /// An unweighted mean with its standard error (sample standard deviation / √n) and a normal interval.
    public static func mean(_ y: [Double], z: Double = z975) -> Estimate {
        let n = y.count
        guard n > 0 else { return Estimate(value: .nan, standardError: .nan, lower: .nan, upper: .nan, n: 0) }
        let mean = y.reduce(0, +) / Double(n)
        let ss = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let se = n > 1 ? (ss / Double(n - 1) / Double(n)).squareRoot() : .nan
        return Estimate(value: mean, standardError: se, lower: mean - z * se, upper: mean + z * se, n: n)
    }

    /// Kish's design effect due to unequal weights, n Σw² / (Σw)², and the effective sample size (Σw)² / Σw².
    public static func kish(_ w: [Double]) -> (designEffect: Double, effectiveN: Double) {
        var s1 = 0.0
        var s2 = 0.0
        for x in w {
            s1 += x
            s2 += x * x
        }
        return (Double(w.count) * s2 / (s1 * s1), s1 * s1 / s2)
    }

    /// Cronbach's α of items (rows: respondents with every item answered; columns: items), with
    /// sample variances: α = k/(k−1) · (1 − Σ s²ᵢ / s²ₜ).
    public static func cronbachAlpha(_ items: [[Double]]) -> Double? {
        guard let k = items.first?.count, k > 1, items.count > 1 else { return nil }
        func variance(_ xs: [Double]) -> Double {
            let m = xs.reduce(0, +) / Double(xs.count)
            return xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
        }
        var sumItem = 0.0
        for j in 0..<k { sumItem += variance(items.map { $0[j] }) }
        let total = variance(items.map { $0.reduce(0, +) })
        guard total > 0 else { return nil }
        return Double(k) / Double(k - 1) * (1 - sumItem / total)
    }
}
