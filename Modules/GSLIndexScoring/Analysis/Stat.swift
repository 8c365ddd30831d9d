import Foundation

/// Descriptive statistics on vectors where `NaN` marks a missing value.
public enum Stat {
    /// The non-missing values of `x`.
    public static func present(_ x: [Double]) -> [Double] { x.filter { !$0.isNaN } }

    /// Arithmetic mean of the non-missing values (NaN when none).
    public static func mean(_ x: [Double]) -> Double {
        var sum = 0.0, n = 0
        for v in x where !v.isNaN { sum += v; n += 1 }
        return n == 0 ? .nan : sum / Double(n)
    }

    /// Median of the non-missing values (NaN when none).
    public static func median(_ x: [Double]) -> Double { quantile(x, 0.5) }

    /// Quantile of the non-missing values by R's default (type 7) rule.
    public static func quantile(_ x: [Double], _ p: Double) -> Double {
        let s = present(x).sorted()
        return sortedQuantile(s, p)
    }

    /// Type-7 quantile of an already sorted vector without missing values.
    public static func sortedQuantile(_ s: [Double], _ p: Double) -> Double {
        guard !s.isEmpty else { return .nan }
        let h = Double(s.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }

    /// Sample variance (n − 1) of the non-missing values.
    public static func variance(_ x: [Double]) -> Double {
        let m = mean(x)
        var ss = 0.0, n = 0
        for v in x where !v.isNaN { ss += (v - m) * (v - m); n += 1 }
        return n < 2 ? .nan : ss / Double(n - 1)
    }

    /// Sample standard deviation (n − 1).
    public static func sd(_ x: [Double]) -> Double { variance(x).squareRoot() }

    /// Sample skewness, type 2 (as COINr and SAS/SPSS): G1 = g1·√(n(n−1))/(n−2).
    public static func skew(_ x: [Double]) -> Double {
        let v = present(x)
        let n = Double(v.count)
        guard v.count > 2 else { return .nan }
        let m = v.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0
        for a in v { let d = a - m; m2 += d * d; m3 += d * d * d }
        m2 /= n; m3 /= n
        guard m2 > 0 else { return .nan }
        return m3 / pow(m2, 1.5) * (n * (n - 1)).squareRoot() / (n - 2)
    }

    /// Sample excess kurtosis, type 2: G2 = ((n+1)·g2 + 6)·(n−1)/((n−2)(n−3)).
    public static func kurt(_ x: [Double]) -> Double {
        let v = present(x)
        let n = Double(v.count)
        guard v.count > 3 else { return .nan }
        let m = v.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for a in v { let d = a - m; m2 += d * d; m4 += d * d * d * d }
        m2 /= n; m4 /= n
        guard m2 > 0 else { return .nan }
        let g2 = m4 / (m2 * m2) - 3
        return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
    }

    /// Ranks with ties given the minimum rank; `descending` ranks the largest value 1. NaN stays NaN.
    public static func rankMin(_ x: [Double], descending: Bool) -> [Double] {
        let idx = x.indices.filter { !x[$0].isNaN }
        let sorted = idx.sorted { descending ? x[$0] > x[$1] : x[$0] < x[$1] }
        var out = [Double](repeating: .nan, count: x.count)
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && x[sorted[j + 1]] == x[sorted[i]] { j += 1 }
            for k in i...j { out[sorted[k]] = Double(i + 1) }
            i = j + 1
        }
        return out
    }

    /// Average ranks (ties share the mean rank), ascending; used for Spearman's ρ.
    public static func rankAverage(_ x: [Double]) -> [Double] {
        let idx = x.indices.filter { !x[$0].isNaN }
        let sorted = idx.sorted { x[$0] < x[$1] }
        var out = [Double](repeating: .nan, count: x.count)
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && x[sorted[j + 1]] == x[sorted[i]] { j += 1 }
            let r = Double(i + j) / 2 + 1
            for k in i...j { out[sorted[k]] = r }
            i = j + 1
        }
        return out
    }

    /// Pearson correlation over pairs where both values are present.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        var xs: [Double] = [], ys: [Double] = []
        for i in x.indices where !x[i].isNaN && !y[i].isNaN { xs.append(x[i]); ys.append(y[i]) }
        guard xs.count > 1 else { return .nan }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in xs.indices {
            sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) * (xs[i] - mx);
            syy += (ys[i] - my) * (ys[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Spearman's ρ: Pearson correlation of average ranks over complete pairs.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        var xs: [Double] = [], ys: [Double] = []
        for i in x.indices where !x[i].isNaN && !y[i].isNaN { xs.append(x[i]); ys.append(y[i]) }
        return pearson(rankAverage(xs), rankAverage(ys))
    }

    /// Kendall's τ-b over complete pairs.
    public static func kendall(_ x: [Double], _ y: [Double]) -> Double {
        var xs: [Double] = [], ys: [Double] = []
        for i in x.indices where !x[i].isNaN && !y[i].isNaN { xs.append(x[i]); ys.append(y[i]) }
        var concordant = 0.0, discordant = 0.0, tiesX = 0.0, tiesY = 0.0
        for i in 0..<xs.count {
            for j in (i + 1)..<max(xs.count, i + 1) {
                let dx = xs[i] - xs[j], dy = ys[i] - ys[j]
                if dx == 0 && dy == 0 { continue }
                if dx == 0 { tiesX += 1; continue }
                if dy == 0 { tiesY += 1; continue }
                if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
            }
        }
        let denom = ((concordant + discordant + tiesX) * (concordant + discordant + tiesY)).squareRoot()
        return denom == 0 ? .nan : (concordant - discordant) / denom
    }

    /// Rounds half away from zero at `digits` decimals, correcting binary representation error first.
    public static func roundHalfUp(_ x: Double, digits: Int) -> Double {
        let f = pow(10.0, Double(digits))
        let scaled = (x * f * 1e6).rounded() / 1e6
        return scaled.rounded(.toNearestOrAwayFromZero) / f
    }
}
