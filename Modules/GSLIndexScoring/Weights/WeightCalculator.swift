import Foundation
import GSLCore

/// Weights for one group of siblings, from given values or from the data.
public enum WeightCalculator {
    /// Weights (summing to 1) for columns `x` (one per child) under `method`; `given` are the framework's.
    public static func weights(
        method: WeightMethod, children: [String], given: [Double], columns x: [[Double]],
        ahpMatrix: [[Double]]?, group: String, force: Bool
    ) throws(GSLError) -> [Double] {
        let k = children.count
        func norm(_ w: [Double]) -> [Double] { let s = w.reduce(0, +); return s > 0 ? w.map { $0 / s } : w }
        switch method {
        case .given: return norm(given)
        case .equal: return [Double](repeating: 1 / Double(k), count: k)
        case .entropy:
            // Complete rows only; shift each column to be non-negative.
            let rows = (0..<(x.first?.count ?? 0)).filter { r in x.allSatisfy { !$0[r].isNaN } }
            let n = Double(rows.count)
            guard rows.count > 1 else {
                throw .data(
                    "熵值法需要至少两个完整单位：\(group)", en: "entropy weights need at least two complete units: \(group)"
                )
            }
            var d: [Double] = []
            for col in x {
                let vals = rows.map { col[$0] }
                let lo = vals.min()!
                let shifted = vals.map { $0 - lo + 1e-12 }
                let s = shifted.reduce(0, +)
                var e = 0.0
                for v in shifted { let p = v / s; if p > 0 { e -= p * Foundation.log(p) } }
                d.append(1 - e / Foundation.log(n))
            }
            guard d.reduce(0, +) > 0 else {
                throw .data("熵值法权重全为零：\(group)", en: "entropy weights are all zero: \(group)")
            }
            return norm(d)
        case .critic:
            var c: [Double] = []
            for j in 0..<k {
                var conflict = 0.0
                for l in 0..<k where l != j { conflict += 1 - Stat.pearson(x[j], x[l]) }
                c.append(Stat.sd(x[j]) * conflict)
            }
            guard c.allSatisfy({ $0.isFinite }), c.reduce(0, +) > 0 else {
                throw .data(
                    "CRITIC 权重无法计算（无变异）：\(group)", en: "CRITIC weights undefined (no variation): \(group)")
            }
            return norm(c)
        case .ahp:
            guard let m = ahpMatrix else {
                throw GSLError.data(
                    "缺少 AHP 判断矩阵：\(group)", en: "missing AHP matrix for \(group)",
                    at: SourceLocation(field: group)
                ).because(.ahpMatrixInvalid)
            }
            guard m.count == k else {
                throw GSLError.data(
                    "AHP 判断矩阵阶数 \(m.count) 与子节点数 \(k) 不符：\(group)",
                    en: "AHP matrix order \(m.count) does not match \(k) children: \(group)",
                    at: SourceLocation(field: group)
                ).because(.ahpMatrixInvalid)
            }
            return try AHP(matrix: m, group: group, force: force).weights
        case .pca:
            let pca = PCA(columns: x)
            guard pca.converged else {
                throw .data(
                    "主成分权重无法计算：特征分解未收敛（\(group) 的指标可能为常数或缺失）",
                    en:
                        "PCA weights cannot be computed: the eigen-decomposition did not converge (\(group): a constant or missing indicator?)",
                    at: SourceLocation(field: group))
            }
            let load = pca.loadings.first ?? []
            guard load.count == k else { return norm(given) }
            return norm(load.map { abs($0) })
        }
    }
}
