import Foundation
import GSLCore

/// Analytic Hierarchy Process: weights from a pairwise comparison matrix, with Saaty's consistency check.
public struct AHP: Sendable, Equatable {
    /// Normalised principal eigenvector (sums to 1).
    public var weights: [Double]
    /// Principal eigenvalue λmax.
    public var lambdaMax: Double
    /// Consistency index (λmax − n)/(n − 1).
    public var consistencyIndex: Double
    /// Consistency ratio CI/RI (0 for n ≤ 2).
    public var consistencyRatio: Double

    /// Saaty's random indices for n = 1…15.
    public static let randomIndex: [Double] = [
        0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
    ]

    /// Computes AHP weights; throws on a non-square, non-positive or non-reciprocal matrix, and on
    /// CR ≥ 0.1 unless `force`. `group` names the parent node in messages.
    public init(matrix m: [[Double]], group: String = "", force: Bool = false) throws(GSLError) {
        let n = m.count
        guard n > 0, m.allSatisfy({ $0.count == n }) else {
            throw GSLError.data(
                "AHP 判断矩阵须为方阵：\(group)", en: "AHP matrix must be square: \(group)",
                at: SourceLocation(field: group)
            ).because(.ahpMatrixInvalid)
        }
        for i in 0..<n {
            for j in 0..<n {
                guard m[i][j] > 0, m[i][j].isFinite else {
                    throw GSLError.data(
                        "AHP 判断矩阵元素须为正：\(group)[\(i + 1),\(j + 1)]",
                        en: "AHP matrix entries must be positive: \(group)[\(i + 1),\(j + 1)]",
                        at: SourceLocation(field: group)
                    ).because(.ahpMatrixInvalid)
                }
                if abs(m[i][j] * m[j][i] - 1) > 1e-6 {
                    throw GSLError.data(
                        "AHP 判断矩阵不互反：\(group)[\(i + 1),\(j + 1)] = \(m[i][j])，[\(j + 1),\(i + 1)] = \(m[j][i])",
                        en:
                            "AHP matrix is not reciprocal: \(group)[\(i + 1),\(j + 1)] = \(m[i][j]), [\(j + 1),\(i + 1)] = \(m[j][i])",
                        at: SourceLocation(field: group)
                    ).because(.ahpMatrixInvalid)
                }
            }
        }
        var w = [Double](repeating: 1 / Double(n), count: n)
        var lambda = Double(n)
        for _ in 0..<1000 {
            var next = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + m[i][$1] * w[$1] } }
            let s = next.reduce(0, +)
            lambda = s
            next = next.map { $0 / s }
            let diff = zip(next, w).map { abs($0 - $1) }.max()!
            w = next
            if diff < 1e-15 { break }
        }
        weights = w
        lambdaMax = lambda
        consistencyIndex = n > 1 ? (lambda - Double(n)) / Double(n - 1) : 0
        let ri = n <= AHP.randomIndex.count ? AHP.randomIndex[n - 1] : 1.59
        consistencyRatio = ri > 0 ? consistencyIndex / ri : 0
        if consistencyRatio >= 0.1 && !force {
            let cr = String(format: "%.3f", consistencyRatio)
            throw GSLError.data(
                "AHP 一致性比率 CR = \(cr) ≥ 0.1：\(group)，判断矩阵不一致",
                en: "AHP consistency ratio CR = \(cr) ≥ 0.1: \(group), the comparisons are inconsistent",
                at: SourceLocation(field: group)
            ).because(.ahpInconsistent)
        }
    }
}
