import GSLCore

/// Dense symmetric positive-definite algebra for the small systems of the estimators (p × p with p
/// the number of regressors): Cholesky factorisation, solves and the inverse. Matrices are
/// row-major `[Double]` of `n * n`.
public enum SymmetricSolve {
    /// The lower Cholesky factor of `a` (row-major n × n), or nil when `a` is not positive definite
    /// to working precision (a pivot at or below `1e-12` times the largest diagonal element: a
    /// collinear or empty design).
    public static func cholesky(_ a: [Double], n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        var scale = 0.0
        for i in 0..<n { scale = max(scale, abs(a[i * n + i])) }
        guard scale > 0, scale.isFinite else { return nil }
        for j in 0..<n {
            var d = a[j * n + j]
            for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
            guard d > 1e-12 * scale, d.isFinite else { return nil }
            let ljj = d.squareRoot()
            l[j * n + j] = ljj
            for i in (j + 1)..<max(j + 1, n) {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = s / ljj
            }
        }
        return l
    }

    /// Solves `L Lᵀ x = b` for the factor `l` of `cholesky`.
    public static func solve(factor l: [Double], n: Int, _ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<n {
            var s = y[i]
            for k in 0..<i { s -= l[i * n + k] * y[k] }
            y[i] = s / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<max(i + 1, n) { s -= l[k * n + i] * y[k] }
            y[i] = s / l[i * n + i]
        }
        return y
    }

    /// The inverse of a symmetric positive-definite matrix, or nil when it is singular.
    public static func inverse(_ a: [Double], n: Int) -> [Double]? {
        guard let l = cholesky(a, n: n) else { return nil }
        var out = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            let column = solve(factor: l, n: n, e)
            for i in 0..<n { out[i * n + j] = column[i] }
        }
        // Symmetrise: the two triangles differ in the last bits.
        for i in 0..<n {
            for j in 0..<i {
                let m = (out[i * n + j] + out[j * n + i]) / 2
                out[i * n + j] = m
                out[j * n + i] = m
            }
        }
        return out
    }

    /// `A B A` for symmetric `a` and `b` (the sandwich of a clustered variance).
    public static func sandwich(_ a: [Double], _ b: [Double], n: Int) -> [Double] {
        var ab = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for k in 0..<n {
                let aik = a[i * n + k]
                if aik == 0 { continue }
                for j in 0..<n { ab[i * n + j] += aik * b[k * n + j] }
            }
        }
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for k in 0..<n {
                let abik = ab[i * n + k]
                if abik == 0 { continue }
                for j in 0..<n { out[i * n + j] += abik * a[k * n + j] }
            }
        }
        return out
    }
}
