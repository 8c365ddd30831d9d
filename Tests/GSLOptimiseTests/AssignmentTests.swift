import GSLCore
import Testing

@testable import GSLOptimise

/// The best total over all assignments of the smaller side, by enumeration; nil when none is allowed.
func bruteForceAssignment(_ m: CostMatrix, maximise: Bool) -> Double? {
    let transposed = m.rows > m.columns
    let r = transposed ? m.columns : m.rows
    let c = transposed ? m.rows : m.columns
    func cost(_ i: Int, _ j: Int) -> Double { transposed ? m[j, i] : m[i, j] }
    var used = [Bool](repeating: false, count: c)
    var best: Double? = nil
    func go(_ i: Int, _ sum: Double) {
        if i == r {
            if let b = best { best = maximise ? max(b, sum) : min(b, sum) } else { best = sum }
            return
        }
        for j in 0..<c where !used[j] && cost(i, j).isFinite {
            used[j] = true
            go(i + 1, sum + cost(i, j))
            used[j] = false
        }
    }
    go(0, 0)
    return best
}

/// Checks the dual certificate of a solution: reduced costs of the right sign, zero on assigned pairs.
func checkDuals(_ m: CostMatrix, _ s: AssignmentSolution, maximise: Bool, tolerance: Double = 1e-7) {
    for i in 0..<m.rows {
        for j in 0..<m.columns where m.isAllowed(i, j) {
            let reduced = m[i, j] - s.rowPotentials[i] - s.columnPotentials[j]
            if maximise { #expect(reduced <= tolerance) } else { #expect(reduced >= -tolerance) }
        }
    }
    for (i, j) in s.pairs {
        #expect(abs(m[i, j] - s.rowPotentials[i] - s.columnPotentials[j]) <= tolerance)
    }
}

@Suite struct LinearAssignmentTests {
    @Test func smallKnownInstance() throws {
        let m = try CostMatrix([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
        let s = try LinearAssignment.solve(m)
        #expect(s.total == 5)
        #expect(s.rowToColumn == [1, 0, 2])
        #expect(s.columnToRow == [1, 0, 2])
        checkDuals(m, s, maximise: false)
    }

    @Test(arguments: [false, true])
    func randomSquareAgainstBruteForce(maximise: Bool) throws {
        var rng = SeededGenerator(seed: maximise ? 11 : 7)
        for trial in 0..<120 {
            let n = 1 + trial % 7
            let integer = trial % 2 == 0  // integer costs create many ties
            let values = (0..<(n * n)).map { _ in
                integer
                    ? Double(Int.random(in: 0..<5, using: &rng)) : Double.random(in: -10..<10, using: &rng)
            }
            let m = try CostMatrix(rows: n, columns: n, values: values)
            let s = try LinearAssignment.solve(m, maximise: maximise)
            let expected = try #require(bruteForceAssignment(m, maximise: maximise))
            #expect(abs(s.total - expected) < 1e-9)
            #expect(Set(s.rowToColumn).count == n)
            checkDuals(m, s, maximise: maximise)
        }
    }

    @Test(arguments: [false, true])
    func rectangularBothShapes(maximise: Bool) throws {
        var rng = SeededGenerator(seed: 99)
        for trial in 0..<80 {
            let r = 1 + Int.random(in: 0..<7, using: &rng)
            let c = 1 + Int.random(in: 0..<7, using: &rng)
            let values = (0..<(r * c)).map { _ in Double(Int.random(in: 0..<20, using: &rng)) }
            let m = try CostMatrix(rows: r, columns: c, values: values)
            let s = try LinearAssignment.solve(m, maximise: maximise)
            let expected = try #require(bruteForceAssignment(m, maximise: maximise))
            #expect(abs(s.total - expected) < 1e-9, "trial \(trial) \(r)x\(c)")
            #expect(s.pairs.count == min(r, c))
            checkDuals(m, s, maximise: maximise)
            for (i, j) in s.pairs { #expect(s.columnToRow[j] == i) }
        }
    }

    @Test func forbiddenPairsAreAvoided() throws {
        var rng = SeededGenerator(seed: 5)
        var feasibleSeen = 0, infeasibleSeen = 0
        for trial in 0..<150 {
            let r = 1 + trial % 6
            let c = 1 + (trial / 6) % 6
            let values = (0..<(r * c)).map { _ in
                Double.random(in: 0..<1, using: &rng) < 0.4
                    ? Double.infinity : Double(Int.random(in: 0..<9, using: &rng))
            }
            let m = try CostMatrix(rows: r, columns: c, values: values)
            let expected = bruteForceAssignment(m, maximise: false)
            do {
                let s = try LinearAssignment.solve(m)
                let value = try #require(expected, "solver found an assignment where none exists")
                #expect(abs(s.total - value) < 1e-9)
                for (i, j) in s.pairs { #expect(m.isAllowed(i, j)) }
                checkDuals(m, s, maximise: false)
                feasibleSeen += 1
            } catch let error {
                #expect(expected == nil, "solver said infeasible: \(error)")
                if case .assignmentInfeasible(let matchable, let required)? = error as? OptimiseError {
                    #expect(matchable < required)
                }
                infeasibleSeen += 1
            }
        }
        #expect(feasibleSeen > 20)
        #expect(infeasibleSeen > 5)
    }

    @Test func infeasibleReportsLargestMatching() throws {
        let m = try CostMatrix([[1, nil, nil], [2, nil, nil], [nil, 3, 4]])
        #expect(throws: OptimiseError.assignmentInfeasible(matchable: 2, required: 3)) {
            try LinearAssignment.solve(m)
        }
    }

    @Test func mediumRandomDualsHold() throws {
        var rng = SeededGenerator(seed: 3)
        for n in [50, 200] {
            let values = (0..<(n * n)).map { _ in Double.random(in: 0..<1, using: &rng) }
            let m = try CostMatrix(rows: n, columns: n, values: values)
            let s = try LinearAssignment.solve(m)
            checkDuals(m, s, maximise: false, tolerance: 1e-9)
            let dual = s.rowPotentials.reduce(0, +) + s.columnPotentials.reduce(0, +)
            #expect(abs(dual - s.total) < 1e-8)
        }
    }

    @Test(arguments: ["uniform", "euclidean", "ties"])
    func sparseFastPathMatchesDenseCore(family: String) throws {
        var rng = SeededGenerator(seed: 17)
        let n = 300
        var values = [Double](repeating: 0, count: n * n)
        let a = (0..<n).map { _ in
            (Double.random(in: 0..<1, using: &rng), Double.random(in: 0..<1, using: &rng))
        }
        let b = (0..<n).map { _ in
            (Double.random(in: 0..<1, using: &rng), Double.random(in: 0..<1, using: &rng))
        }
        for i in 0..<n {
            for j in 0..<n {
                switch family {
                case "uniform": values[i * n + j] = Double.random(in: 0..<1, using: &rng)
                case "euclidean":
                    values[i * n + j] =
                        ((a[i].0 - b[j].0) * (a[i].0 - b[j].0) + (a[i].1 - b[j].1) * (a[i].1 - b[j].1))
                        .squareRoot()
                default: values[i * n + j] = Double(Int.random(in: 0..<4, using: &rng))
                }
            }
        }
        let m = try CostMatrix(rows: n, columns: n, values: values)
        #expect(n >= LinearAssignment.sparseThreshold)
        let fast = try LinearAssignment.solve(m)
        let dense = values.withUnsafeBufferPointer { LinearAssignment.core(n: n, cost: $0.baseAddress!) }
        let denseTotal = (0..<n).reduce(0.0) { $0 + values[$1 * n + dense.x[$1]] }
        #expect(abs(fast.total - denseTotal) < 1e-9)
        #expect(Set(fast.rowToColumn).count == n)
        checkDuals(m, fast, maximise: false, tolerance: 1e-9)
        let maximum = try LinearAssignment.solve(m, maximise: true)
        checkDuals(m, maximum, maximise: true, tolerance: 1e-9)
    }

    @Test func emptyAndMalformed() throws {
        let s = try LinearAssignment.solve(CostMatrix(rows: 0, columns: 3, repeating: 0))
        #expect(s.total == 0)
        #expect(s.columnToRow == [-1, -1, -1])
        #expect(throws: OptimiseError.self) { try CostMatrix([[1, 2], [3]]) }
        #expect(throws: OptimiseError.self) { try CostMatrix(rows: 1, columns: 1, values: [.nan]) }
    }
}
