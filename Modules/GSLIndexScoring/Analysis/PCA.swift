import Foundation

/// Principal components of a set of columns (correlation matrix, complete rows).
public struct PCA: Sendable {
    /// Eigenvalues of the correlation matrix, largest first.
    public var eigenvalues: [Double]
    /// Loadings (eigenvectors), one per component.
    public var loadings: [[Double]]
    /// False when the eigen solver did not converge (e.g. a constant column makes a correlation
    /// NaN); the eigenvalues and loadings are then not to be shown as a result.
    public var converged: Bool
    /// Proportion of variance explained per component.
    public var varianceExplained: [Double] {
        let s = eigenvalues.reduce(0, +); return eigenvalues.map { $0 / s }
    }

    /// PCA of `columns` (each one variable) over rows complete in every column.
    public init(columns: [[Double]]) {
        let rows = (0..<(columns.first?.count ?? 0)).filter { r in columns.allSatisfy { !$0[r].isNaN } }
        let cols = columns.map { c in rows.map { c[$0] } }
        let k = cols.count
        var corr = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k { for j in 0..<k { corr[i][j] = i == j ? 1 : Stat.pearson(cols[i], cols[j]) } }
        let e = SymmetricEigen(corr)
        eigenvalues = e.values
        loadings = e.vectors
        converged = e.converged
    }
}
