/// Dense linear assignment: pairs rows with columns at least (or most) total cost by shortest
/// augmenting paths in the Jonker–Volgenant family (column reduction, reduction transfer,
/// augmenting row reduction, then Dijkstra-like augmentation per free row).
public enum LinearAssignment {
    /// Solves the assignment problem for `matrix`.
    ///
    /// Rectangular matrices assign every row (rows ≤ columns) or every column (rows > columns).
    /// Infinite entries are forbidden pairs; when no assignment avoids them the solver throws
    /// `OptimiseError.assignmentInfeasible` with the size of a largest allowed matching.
    public static func solve(_ matrix: CostMatrix, maximise: Bool = false) throws(OptimiseError)
        -> AssignmentSolution
    {
        let rows = matrix.rows, columns = matrix.columns
        if rows == 0 || columns == 0 {
            return AssignmentSolution(
                rowToColumn: Array(repeating: -1, count: rows),
                columnToRow: Array(repeating: -1, count: columns), total: 0,
                rowPotentials: Array(repeating: 0, count: rows),
                columnPotentials: Array(repeating: 0, count: columns))
        }
        let transposed = rows > columns
        let real = transposed ? columns : rows  // rows of the working problem that are real
        let n = transposed ? rows : columns  // the working problem is n × n
        let sign: Double = maximise ? -1 : 1

        var minFinite = Double.infinity, maxFinite = -Double.infinity, forbidden = 0
        matrix.values.withUnsafeBufferPointer { p in
            for x in p {
                if x.isFinite {
                    let w = sign * x
                    if w < minFinite { minFinite = w }
                    if w > maxFinite { maxFinite = w }
                } else {
                    forbidden += 1
                }
            }
        }
        if minFinite > maxFinite { throw .assignmentInfeasible(matchable: 0, required: real) }
        let range = maxFinite - minFinite
        let big = maxFinite + (range + 1) * Double(real + 1)
        guard big.isFinite else { throw .overflow("cost range \(range) too wide for forbidden pairs") }

        var x: [Int]
        var v: [Double]
        if !transposed && rows == columns && !maximise && forbidden == 0 {
            (x, v) = matrix.values.withUnsafeBufferPointer { square(n: n, cost: $0.baseAddress!) }
        } else if !transposed && rows == columns && forbidden == 0 {
            let negated = matrix.values.map { -$0 }
            (x, v) = negated.withUnsafeBufferPointer { square(n: n, cost: $0.baseAddress!) }
        } else {
            var work = [Double](repeating: 0, count: n * n)
            work.withUnsafeMutableBufferPointer { w in
                matrix.values.withUnsafeBufferPointer { src in
                    for i in 0..<real {
                        for j in 0..<n {
                            let value = transposed ? src[j * columns + i] : src[i * columns + j]
                            w[i * n + j] = value.isFinite ? sign * value : big
                        }
                    }
                }
            }
            (x, v) = work.withUnsafeBufferPointer { core(n: n, cost: $0.baseAddress!) }
        }

        // Row potentials of the real working rows, then a check that no forbidden pair was needed.
        var u = [Double](repeating: 0, count: real)
        var usedForbidden = 0
        var total = 0.0
        for i in 0..<real {
            let j = x[i]
            let value = transposed ? matrix.values[j * columns + i] : matrix.values[i * columns + j]
            if !value.isFinite { usedForbidden += 1; continue }
            u[i] = sign * value - v[j]
            total += value
        }
        if usedForbidden > 0 { throw .assignmentInfeasible(matchable: real - usedForbidden, required: real) }

        var rowToColumn = [Int](repeating: -1, count: rows)
        var columnToRow = [Int](repeating: -1, count: columns)
        var rowPotentials: [Double], columnPotentials: [Double]
        if transposed {
            for i in 0..<real { columnToRow[i] = x[i]; rowToColumn[x[i]] = i }
            rowPotentials = v.map { sign * $0 }
            columnPotentials = u.map { sign * $0 }
        } else {
            for i in 0..<real { rowToColumn[i] = x[i]; columnToRow[x[i]] = i }
            rowPotentials = u.map { sign * $0 }
            columnPotentials = v.map { sign * $0 }
        }
        return AssignmentSolution(
            rowToColumn: rowToColumn, columnToRow: columnToRow, total: total,
            rowPotentials: rowPotentials, columnPotentials: columnPotentials)
    }

    /// A square finite problem: the sparse fast path with its optimality proof when the matrix is
    /// large, else (or when that gives up) the dense core.
    static func square(n: Int, cost: UnsafePointer<Double>) -> (x: [Int], v: [Double]) {
        if n >= sparseThreshold, let result = SparseAssignment.solve(n: n, cost: cost) {
            return (result.x, result.v)
        }
        return core(n: n, cost: cost)
    }

    /// Smallest n for which the sparse fast path is tried.
    static let sparseThreshold = 256

    /// The Jonker–Volgenant core on a square finite n × n row-major matrix: the row → column
    /// assignment and the column potentials.
    static func core(n: Int, cost: UnsafePointer<Double>) -> (x: [Int], v: [Double]) {
        let x = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let y = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let v = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let free = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let d = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let pred = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let collist = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let matches = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        defer {
            x.deallocate(); y.deallocate(); v.deallocate(); free.deallocate()
            d.deallocate(); pred.deallocate(); collist.deallocate(); matches.deallocate()
        }
        x.initialize(repeating: -1, count: n)
        y.initialize(repeating: -1, count: n)
        v.initialize(repeating: .infinity, count: n)
        matches.initialize(repeating: 0, count: n)
        // Column reduction, scanning rows so that memory is read in order; a later row wins
        // only on a strictly smaller cost, which matches a column scan from the top.
        let argmin = pred  // reuse as scratch
        for j in 0..<n { argmin[j] = 0 }
        for i in 0..<n {
            let row = cost + i * n
            for j in 0..<n where row[j] < v[j] {
                v[j] = row[j]
                argmin[j] = i
            }
        }
        for j in stride(from: n - 1, through: 0, by: -1) {
            let imin = argmin[j]
            matches[imin] += 1
            if matches[imin] == 1 {
                x[imin] = j; y[j] = imin
            } else if v[j] < v[x[imin]] {
                let j1 = x[imin]
                x[imin] = j; y[j] = imin; y[j1] = -1
            } else {
                y[j] = -1
            }
        }
        // Reduction transfer from rows assigned once; unassigned rows become free.
        var numFree = 0
        for i in 0..<n {
            if matches[i] == 0 {
                free[numFree] = i; numFree += 1
            } else if matches[i] == 1 {
                let j1 = x[i]
                let row = cost + i * n
                var minimum = Double.infinity
                for j in 0..<n where j != j1 {
                    let h = row[j] - v[j]
                    if h < minimum { minimum = h }
                }
                if minimum.isFinite { v[j1] -= minimum }
            }
        }
        // Augmenting row reduction, two passes; a step budget guards against float ping-pong.
        for _ in 0..<2 where numFree > 0 {
            var k = 0
            let previous = numFree
            numFree = 0
            var budget = 4 * n + 16
            while k < previous {
                let i = free[k]; k += 1
                if budget == 0 { free[numFree] = i; numFree += 1; continue }
                budget -= 1
                let row = cost + i * n
                var umin = row[0] - v[0], j1 = 0
                var usub = Double.infinity, j2 = -1
                for j in 1..<max(n, 1) {
                    let h = row[j] - v[j]
                    if h < usub {
                        if h >= umin {
                            usub = h; j2 = j
                        } else {
                            usub = umin; umin = h; j2 = j1; j1 = j
                        }
                    }
                }
                var i0 = y[j1]
                if umin < usub {
                    v[j1] -= usub - umin
                } else if i0 >= 0 && j2 >= 0 {
                    j1 = j2; i0 = y[j2]
                }
                if i0 >= 0 { x[i0] = -1 }
                x[i] = j1; y[j1] = i
                if i0 >= 0 {
                    if umin < usub {
                        k -= 1; free[k] = i0
                    } else {
                        free[numFree] = i0; numFree += 1
                    }
                }
            }
        }
        // Augmentation: a shortest path from each free row to an unassigned column.
        for f in 0..<numFree {
            let freeRow = free[f]
            let frow = cost + freeRow * n
            for j in 0..<n {
                d[j] = frow[j] - v[j]; pred[j] = freeRow; collist[j] = j
            }
            var low = 0, up = 0, last = 0
            var minimum = 0.0
            var endOfPath = -1
            while endOfPath < 0 {
                if up == low {
                    last = low - 1
                    minimum = d[collist[up]]; up += 1
                    for k in up..<n {
                        let j = collist[k]
                        let h = d[j]
                        if h <= minimum {
                            if h < minimum { up = low; minimum = h }
                            collist[k] = collist[up]; collist[up] = j; up += 1
                        }
                    }
                    for k in low..<up where y[collist[k]] < 0 {
                        endOfPath = collist[k]
                        break
                    }
                }
                if endOfPath < 0 {
                    let j1 = collist[low]; low += 1
                    let i = y[j1]
                    let row = cost + i * n
                    let h = row[j1] - v[j1] - minimum
                    var k = up
                    while k < n {
                        let j = collist[k]
                        let v2 = row[j] - v[j] - h
                        if v2 < d[j] {
                            pred[j] = i
                            if v2 == minimum {
                                if y[j] < 0 {
                                    endOfPath = j; d[j] = v2; break
                                }
                                collist[k] = collist[up]; collist[up] = j;
                                up += 1
                            }
                            d[j] = v2
                        }
                        k += 1
                    }
                }
            }
            // Update the prices of the columns scanned before the last minimum.
            if last >= 0 {
                for k in 0...last {
                    let j1 = collist[k]
                    v[j1] += d[j1] - minimum
                }
            }
            // Flip the alternating path.
            var j = endOfPath
            while true {
                let i = pred[j]
                y[j] = i
                let next = x[i]
                x[i] = j
                if i == freeRow { break }
                j = next
            }
        }
        return (
            Array(UnsafeBufferPointer(start: x, count: n)), Array(UnsafeBufferPointer(start: v, count: n))
        )
    }
}
