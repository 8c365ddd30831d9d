import Foundation

/// Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations.
///
/// The rotations stop when the off-diagonal mass is negligible against the matrix (relative
/// 1e-30 of its squared Frobenius norm) or after `maxSweeps` sweeps. `converged` says which: when
/// it is false (too few sweeps, or NaN/infinite entries) the values and vectors are the last
/// iterate, not an eigen-decomposition, and callers must not present them as one.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues, largest first.
    public var values: [Double]
    /// Eigenvectors: `vectors[k]` belongs to `values[k]`; the sign makes the largest-magnitude entry positive-summed.
    public var vectors: [[Double]]
    /// Whether the rotations reached a diagonal matrix within `maxSweeps` sweeps.
    public var converged: Bool
    /// Sweeps performed (a sweep rotates every off-diagonal pair once).
    public var sweeps: Int

    /// Decomposes `matrix` (n × n, symmetric) in at most `maxSweeps` sweeps.
    public init(_ matrix: [[Double]], maxSweeps: Int = 100) {
        let n = matrix.count
        var a = matrix
        var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        var norm = 0.0
        for row in matrix { for x in row { norm += x * x } }
        let tolerance = 1e-30 * max(1, norm)
        var converged = false
        var sweeps = 0
        while true {
            var off = 0.0
            for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { off += a[i][j] * a[i][j] } }
            if off < tolerance {
                converged = true
                break
            }
            if !off.isFinite || sweeps >= maxSweeps { break }
            sweeps += 1
            for p in 0..<n {
                for q in (p + 1)..<max(n, p + 1) where abs(a[p][q]) > 1e-300 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        self.converged = converged && norm.isFinite
        self.sweeps = sweeps
        let order = (0..<n).sorted { a[$0][$0] > a[$1][$1] }
        values = order.map { a[$0][$0] }
        vectors = order.map { k in
            var col = (0..<n).map { v[$0][k] }
            if col.reduce(0, +) < 0 { col = col.map { -$0 } }
            return col
        }
    }
}
