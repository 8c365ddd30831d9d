import GSLCore
import Testing

@testable import GSLOptimise

@Suite struct CandidateGeneratorTests {
    @Test func bothSidesAreKept() {
        // Every row prefers column 0; with rows' lists alone, columns 1 and 2 would have no partner.
        let costs: [[Double]] = [[1, 5, 9], [1, 6, 8], [1, 7, 7]]
        let pairs = CandidateGenerator.nearest(rows: 3, columns: 3, k: 1) { costs[$0][$1] }
        let set = Set(pairs.map { [$0.row, $0.column] })
        #expect(set == [[0, 0], [1, 0], [2, 0], [0, 1], [2, 2]])
        #expect(CandidateGenerator.coversSmallerSide(rows: 3, columns: 3, pairs: pairs))
        let rowsOnly = pairs.filter { $0.column == 0 }
        #expect(!CandidateGenerator.coversSmallerSide(rows: 3, columns: 3, pairs: rowsOnly))
    }

    @Test func widensUntilFeasible() throws {
        var rng = SeededGenerator(seed: 21)
        let n = 30
        let costs = (0..<(n * n)).map { _ in Double.random(in: 0..<1, using: &rng) }
        // Rows 0..<10 may only use columns 20..<30 (forbidden elsewhere); the cheapest lists miss them.
        func cost(_ i: Int, _ j: Int) -> Double? {
            i < 10 && j < 20 ? nil : costs[i * n + j] + (j >= 20 ? 5 : 0)
        }
        let result = CandidateGenerator.widen(rows: n, columns: n, startK: 1, cost: cost) {
            CandidateGenerator.coversSmallerSide(rows: n, columns: n, pairs: $0)
        }
        #expect(result.feasible)
        #expect(result.k > 1)
        // The sparse optimum equals the dense optimum here.
        var dense = CostMatrix(rows: n, columns: n, repeating: .infinity)
        for i in 0..<n { for j in 0..<n { if let c = cost(i, j) { dense[i, j] = c } } }
        var sparse = CostMatrix(rows: n, columns: n, repeating: .infinity)
        for p in result.pairs { sparse[p.row, p.column] = p.cost }
        let a = try LinearAssignment.solve(dense), b = try LinearAssignment.solve(sparse)
        #expect(b.total >= a.total)
        #expect(b.pairs.allSatisfy { dense.isAllowed($0.row, $0.column) })
    }

    @Test func provesInfeasibility() {
        // Three rows can only use two columns.
        func cost(_ i: Int, _ j: Int) -> Double? { j < 2 ? Double(i + j) : nil }
        let result = CandidateGenerator.widen(rows: 3, columns: 4, startK: 1, cost: cost) {
            CandidateGenerator.coversSmallerSide(rows: 3, columns: 4, pairs: $0)
        }
        #expect(!result.feasible)
        #expect(result.complete)
        #expect(result.pairs.count == 6)
    }

    @Test func matchingSizeAgreesWithAssignment() throws {
        var rng = SeededGenerator(seed: 77)
        for trial in 0..<60 {
            let r = 1 + trial % 7, c = 1 + (trial / 7) % 7
            var pairs: [CandidatePair] = []
            var m = CostMatrix(rows: r, columns: c, repeating: .infinity)
            for i in 0..<r {
                for j in 0..<c where Double.random(in: 0..<1, using: &rng) < 0.3 {
                    pairs.append(CandidatePair(row: i, column: j, cost: 1)); m[i, j] = 1
                }
            }
            let size = CandidateGenerator.maximumMatching(rows: r, columns: c, pairs: pairs)
            do {
                _ = try LinearAssignment.solve(m)
                #expect(size == min(r, c))
            } catch {
                if case .assignmentInfeasible(let matchable, _) = error {
                    #expect(size == matchable)
                } else {
                    Issue.record("\(error)")
                }
            }
        }
    }
}
