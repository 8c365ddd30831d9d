import GSLIndexScoring
import Testing

@Suite struct SymmetricEigenTests {
    @Test func convergesOnASymmetricMatrix() {
        let e = SymmetricEigen([[2, 1, 0], [1, 2, 0], [0, 0, 5]])
        #expect(e.converged)
        #expect(e.sweeps >= 1)
        #expect(zip(e.values, [5.0, 3, 1]).allSatisfy { abs($0 - $1) < 1e-12 })
        // Entries in the millions still meet the (relative) stopping rule.
        let big = SymmetricEigen([[4e6, 1e6], [1e6, 3e6]])
        #expect(big.converged)
    }

    @Test func reportsNonConvergence() {
        let dense: [[Double]] = [[4, 1, 2, 0.5], [1, 3, 0.7, 1], [2, 0.7, 5, 0.3], [0.5, 1, 0.3, 2]]
        let cut = SymmetricEigen(dense, maxSweeps: 1)
        #expect(!cut.converged && cut.sweeps == 1)
        #expect(SymmetricEigen(dense).converged)
        let nan = SymmetricEigen([[1, .nan], [.nan, 1]])
        #expect(!nan.converged)
        // A constant column makes the correlations NaN: PCA says so instead of returning NaN loadings.
        let pca = PCA(columns: [[1, 2, 3, 4], [5, 5, 5, 5], [2, 1, 4, 3]])
        #expect(!pca.converged)
        #expect(PCA(columns: [[1, 2, 3, 4], [2, 1, 4, 3]]).converged)
    }
}
