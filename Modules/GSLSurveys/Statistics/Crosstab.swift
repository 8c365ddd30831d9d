import Foundation
import GSLCore

/// A two-way table of respondents with Pearson's χ², the Rao–Scott second-order correction when
/// weighted, Cramér's V and adjusted standardised residuals.
public struct Crosstab: Sendable, Equatable, Codable {
    /// Row category indices kept (categories with respondents), in order.
    public var rowCategories: [Int]
    /// Column category indices kept, in order.
    public var columnCategories: [Int]
    /// Respondents per cell (unweighted counts).
    public var counts: [[Int]]
    /// Weighted totals per cell (the counts when unweighted).
    public var weighted: [[Double]]
    /// Respondents in the table.
    public var n: Int
    /// Pearson's X² (on the weighted table scaled to n when weighted).
    public var pearson: Double
    /// Degrees of freedom, (r−1)(c−1).
    public var degreesOfFreedom: Int
    /// P(χ²(df) ≥ X²).
    public var pValue: Double
    /// Cramér's V, √(X² / (n (min(r, c) − 1))).
    public var cramersV: Double
    /// Adjusted standardised residuals (Haberman), per cell.
    public var residuals: [[Double]]
    /// The Rao–Scott second-order corrected statistic when weighted.
    public var raoScott: RaoScott?

    /// Rao & Scott's (1984) second-order (Satterthwaite) correction: X²ₛ = X² · tr Δ / tr Δ²
    /// on ν = (tr Δ)² / tr Δ² degrees of freedom, Δ the generalised design-effect matrix.
    public struct RaoScott: Sendable, Equatable, Codable {
        /// The corrected statistic.
        public var statistic: Double
        /// Its (fractional) degrees of freedom.
        public var degreesOfFreedom: Double
        /// Its p-value.
        public var pValue: Double
        /// The mean generalised design effect, tr Δ / df.
        public var meanDesignEffect: Double
    }

    /// The table of respondents with row category `rows[i]` and column category `columns[i]`
    /// (nil: not answered, left out), weighted by `weights` when given.
    public static func compute(
        rows: [Int?], columns: [Int?], rowCount: Int, columnCount: Int, weights: [Double]?
    ) -> Crosstab? {
        var pairs: [(Int, Int, Double)] = []
        for i in rows.indices {
            guard let r = rows[i], let c = columns[i] else { continue }
            pairs.append((r, c, weights?[i] ?? 1))
        }
        var rowSeen = Array(repeating: false, count: rowCount)
        var columnSeen = Array(repeating: false, count: columnCount)
        for (r, c, _) in pairs {
            rowSeen[r] = true
            columnSeen[c] = true
        }
        let keptRows = (0..<rowCount).filter { rowSeen[$0] }
        let keptColumns = (0..<columnCount).filter { columnSeen[$0] }
        let R = keptRows.count
        let C = keptColumns.count
        guard R >= 2, C >= 2, pairs.count >= 2 else { return nil }
        var rowAt = Array(repeating: -1, count: rowCount)
        var columnAt = Array(repeating: -1, count: columnCount)
        for (k, r) in keptRows.enumerated() { rowAt[r] = k }
        for (k, c) in keptColumns.enumerated() { columnAt[c] = k }
        var counts = Array(repeating: Array(repeating: 0, count: C), count: R)
        var weighted = Array(repeating: Array(repeating: 0.0, count: C), count: R)
        var total = 0.0
        for (r, c, w) in pairs {
            counts[rowAt[r]][columnAt[c]] += 1
            weighted[rowAt[r]][columnAt[c]] += w
            total += w
        }
        let n = pairs.count
        let nn = Double(n)
        // Cell proportions and the table scaled to n.
        var p = Array(repeating: Array(repeating: 0.0, count: C), count: R)
        for i in 0..<R { for j in 0..<C { p[i][j] = weighted[i][j] / total } }
        let rowP = p.map { $0.reduce(0, +) }
        let columnP = (0..<C).map { j in (0..<R).reduce(0.0) { $0 + p[$1][j] } }
        var x2 = 0.0
        var residuals = Array(repeating: Array(repeating: 0.0, count: C), count: R)
        for i in 0..<R {
            for j in 0..<C {
                let o = nn * p[i][j]
                let e = nn * rowP[i] * columnP[j]
                x2 += (o - e) * (o - e) / e
                residuals[i][j] = (o - e) / (e * (1 - rowP[i]) * (1 - columnP[j])).squareRoot()
            }
        }
        let df = (R - 1) * (C - 1)
        var result = Crosstab(
            rowCategories: keptRows, columnCategories: keptColumns, counts: counts, weighted: weighted, n: n,
            pearson: x2, degreesOfFreedom: df, pValue: ChiSquare.survival(x2, df: Double(df)),
            cramersV: (x2 / (nn * Double(min(R, C) - 1))).squareRoot(), residuals: residuals, raoScott: nil)
        if let weights {
            result.raoScott = raoScott(
                pairs: pairs, rowAt: rowAt, columnAt: columnAt, R: R, C: C, p: p, total: total, x2: x2)
            _ = weights
        }
        return result
    }

    /// Δ = (X̃₂′ P X̃₂)⁻¹ (X̃₂′ V X̃₂) with X̃₂ = X₂ − X₁ (X₁′ P X₁)⁻¹ X₁′ P X₂ (Rao & Scott 1984,
    /// as samplics computes it): X₁ the main effects, X₂ the interactions, P the multinomial
    /// covariance of the cell proportions, V their linearisation covariance under the weights.
    static func raoScott(
        pairs: [(Int, Int, Double)], rowAt: [Int], columnAt: [Int], R: Int, C: Int, p: [[Double]],
        total: Double,
        x2: Double
    ) -> RaoScott? {
        let cells = R * C
        let n = pairs.count
        let nn = Double(n)
        // Cell k = i * C + j.
        var flat = Array(repeating: 0.0, count: cells)
        for i in 0..<R { for j in 0..<C { flat[i * C + j] = p[i][j] } }
        // V = n/(n−1) Σₖ zₖ zₖ′, zₖ = wₖ (yₖ − p) / W: rank-one updates made sparse, since yₖ has one 1.
        // Σ zz′ = Σ w²(y−p)(y−p)′/W² = (diag(a) − a p′ − p a′ + s p p′)/W², a = Σ w² y, s = Σ w².
        var a = Array(repeating: 0.0, count: cells)
        var s = 0.0
        for (r, c, w) in pairs {
            a[rowAt[r] * C + columnAt[c]] += w * w
            s += w * w
        }
        var V = Matrix(rows: cells, columns: cells)
        let scale = nn / (nn - 1) / (total * total)
        for k in 0..<cells {
            for l in 0..<cells {
                var v = -a[k] * flat[l] - flat[k] * a[l] + s * flat[k] * flat[l]
                if k == l { v += a[k] }
                V[k, l] = v * scale
            }
        }
        // X1: rows 2…R, columns 2…C (the intercept is left out: P and V annihilate constants, so
        // it changes nothing but would make X1′ P X1 singular); X12: the interactions (i, j ≥ 1).
        let main = R + C - 2
        var X1 = Matrix(rows: cells, columns: main)
        let df = (R - 1) * (C - 1)
        var X12 = Matrix(rows: cells, columns: df)
        for i in 0..<R {
            for j in 0..<C {
                let k = i * C + j
                if i > 0 { X1[k, i - 1] = 1 }
                if j > 0 { X1[k, R - 2 + j] = 1 }
                if i > 0 && j > 0 { X12[k, (i - 1) * (C - 1) + (j - 1)] = 1 }
            }
        }
        // P: the multinomial covariance of the cell proportions under simple random sampling.
        var P = Matrix(rows: cells, columns: cells)
        for k in 0..<cells {
            for l in 0..<cells { P[k, l] = ((k == l ? flat[k] : 0) - flat[k] * flat[l]) / nn }
        }
        let X1t = X1.transposed
        guard let projection = (X1t * P * X1).solve(X1t * P * X12) else { return nil }
        var X2t = X12
        let fitted = X1 * projection
        for idx in X2t.values.indices { X2t.values[idx] -= fitted.values[idx] }
        let X2tt = X2t.transposed
        guard let delta = (X2tt * P * X2t).solve(X2tt * V * X2t) else { return nil }
        let t1 = delta.trace
        let t2 = (delta * delta).trace
        guard t1 > 0, t2 > 0 else { return nil }
        let statistic = x2 * t1 / t2
        let nu = t1 * t1 / t2
        return RaoScott(
            statistic: statistic, degreesOfFreedom: nu, pValue: ChiSquare.survival(statistic, df: nu),
            meanDesignEffect: t1 / Double(df))
    }
}
