import Foundation
import GSLCore

/// Combines children columns into a parent column.
public enum Aggregator {
    /// Aggregates `columns` (one per child, one value per unit) with `weights` by `method`.
    /// Missing children are skipped and weights renormalised; below `minAvailability` the result is missing.
    public static func aggregate(
        _ columns: [[Double]], weights w: [Double], method: AggregationMethod, power: Double = 1,
        minAvailability: Double? = nil, node: String = "", units: [String] = [], children: [String] = []
    ) throws(GSLError) -> [Double] {
        let k = columns.count
        let n = columns.first?.count ?? 0
        var out = [Double](repeating: .nan, count: n)
        if method == .geometric || method == .harmonic || (method == .generalised && power <= 0) {
            for (j, col) in columns.enumerated() where w[j] > 0 {
                if let u = col.indices.first(where: { !col[$0].isNaN && col[$0] <= 0 }) {
                    let unit = u < units.count ? units[u] : "#\(u + 1)"
                    let child = j < children.count ? children[j] : "#\(j + 1)"
                    let value = Self.display(col[u])
                    let zh = method == .harmonic ? "调和平均" : method == .geometric ? "几何平均" : "广义平均（p ≤ 0）"
                    throw GSLError.data(
                        "\(zh)要求正值：节点 \(node) 的子项 \(child) 在单位 \(unit) 为 \(value)",
                        en:
                            "\(method.rawValue) aggregation needs positive values: child \(child) of node \(node) is \(value) for unit \(unit)",
                        at: SourceLocation(field: child)
                    ).because(.aggregationNeedsPositive)
                }
            }
        }
        switch method {
        case .copeland: return copeland(columns, weights: w, minAvailability: minAvailability)
        case .topsis: return topsis(columns, weights: w, minAvailability: minAvailability)
        default: break
        }
        for u in 0..<n {
            var sw = 0.0, acc = 0.0, present = 0
            for j in 0..<k {
                let v = columns[j][u]
                if v.isNaN { continue }
                present += 1
                let wj = w[j]
                sw += wj
                switch method {
                case .arithmetic: acc += wj * v
                case .geometric: acc += wj * Foundation.log(v)
                case .harmonic: acc += wj / v
                case .generalised: acc += wj * (power == 0 ? Foundation.log(v) : pow(v, power))
                default: break
                }
            }
            if present == 0 || sw == 0 { continue }
            if let t = minAvailability, Double(present) / Double(k) < t { continue }
            switch method {
            case .arithmetic: out[u] = acc / sw
            case .geometric: out[u] = Foundation.exp(acc / sw)
            case .harmonic: out[u] = sw / acc
            case .generalised: out[u] = power == 0 ? Foundation.exp(acc / sw) : pow(acc / sw, 1 / power)
            default: break
            }
        }
        return out
    }

    private static func available(_ columns: [[Double]], _ u: Int, _ t: Double?) -> Bool {
        let present = columns.filter { !$0[u].isNaN }.count
        if present == 0 { return false }
        if let t { return Double(present) / Double(columns.count) >= t }
        return true
    }

    /// Weight sums of two units differing by less than this share of the compared weight are a tie.
    static let copelandTieTolerance = 1e-9

    /// Copeland: for each pair of units, the weighted majority over commonly present children decides a win
    /// (+1), loss (−1) or tie (0); the score is the sum over opponents.
    static func copeland(_ columns: [[Double]], weights w: [Double], minAvailability: Double?) -> [Double] {
        let n = columns.first?.count ?? 0
        let ok = (0..<n).map { available(columns, $0, minAvailability) }
        var out = [Double](repeating: .nan, count: n)
        for a in 0..<n where ok[a] {
            var score = 0.0
            for b in 0..<n where b != a && ok[b] {
                // Tied children count for neither side; the two sides' weight sums are compared with a
                // tolerance so that summation order cannot turn an exact tie into a win.
                var wa = 0.0, wb = 0.0, total = 0.0
                for (j, col) in columns.enumerated() where !col[a].isNaN && !col[b].isNaN {
                    total += abs(w[j])
                    if col[a] > col[b] {
                        wa += w[j]
                    } else if col[a] < col[b] {
                        wb += w[j]
                    }
                }
                let tolerance = total * copelandTieTolerance
                score += wa - wb > tolerance ? 1 : (wb - wa > tolerance ? -1 : 0)
            }
            out[a] = score
        }
        return out
    }

    /// TOPSIS on vector-normalised, weighted columns; closeness D⁻/(D⁺ + D⁻) × 100.
    static func topsis(_ columns: [[Double]], weights w0: [Double], minAvailability: Double?) -> [Double] {
        let n = columns.first?.count ?? 0
        let sw = w0.reduce(0, +)
        let w = w0.map { $0 / sw }
        var v: [[Double]] = []
        var best: [Double] = [], worst: [Double] = []
        for (j, col) in columns.enumerated() {
            let norm = Stat.present(col).reduce(0) { $0 + $1 * $1 }.squareRoot()
            let c = col.map { norm > 0 ? $0 / norm * w[j] : 0 }
            v.append(c)
            let p = Stat.present(c)
            best.append(p.max() ?? 0); worst.append(p.min() ?? 0)
        }
        var out = [Double](repeating: .nan, count: n)
        for u in 0..<n where available(columns, u, minAvailability) {
            var dp = 0.0, dm = 0.0
            for j in 0..<v.count where !v[j][u].isNaN {
                dp += (v[j][u] - best[j]) * (v[j][u] - best[j])
                dm += (v[j][u] - worst[j]) * (v[j][u] - worst[j])
            }
            let s = dp.squareRoot() + dm.squareRoot()
            out[u] = s > 0 ? dm.squareRoot() / s * 100 : 50
        }
        return out
    }

    /// A value for a message: up to 4 decimals, no trailing zeros (−107.7778, 0, 12.5).
    static func display(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        var t = String(format: "%.4f", x)
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }
}
