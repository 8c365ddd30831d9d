/// Builds sparse candidate sets from a dense cost function: the K cheapest partners of every row
/// and of every column (one side alone can leave a column without partners and make a feasible
/// problem infeasible), widening K until the problem is feasible or every allowed pair is in.
public enum CandidateGenerator {
    /// The union of each row's `k` cheapest columns and each column's `k` cheapest rows;
    /// `cost` returns nil for a forbidden pair. Ties break by index.
    public static func nearest(
        rows: Int, columns: Int, k: Int,
        cost: (Int, Int) -> Double?
    ) -> [CandidatePair] {
        guard rows > 0, columns > 0, k > 0 else { return [] }
        var values = [Double](repeating: .infinity, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                if let c = cost(i, j), !c.isNaN { values[i * columns + j] = c }
            }
        }
        var keep = [Bool](repeating: false, count: rows * columns)
        var scratch: [(Double, Int)] = []
        for i in 0..<rows {
            scratch.removeAll(keepingCapacity: true)
            for j in 0..<columns where values[i * columns + j].isFinite {
                scratch.append((values[i * columns + j], j))
            }
            for (_, j) in smallest(k, of: &scratch) { keep[i * columns + j] = true }
        }
        for j in 0..<columns {
            scratch.removeAll(keepingCapacity: true)
            for i in 0..<rows where values[i * columns + j].isFinite {
                scratch.append((values[i * columns + j], i))
            }
            for (_, i) in smallest(k, of: &scratch) { keep[i * columns + j] = true }
        }
        var pairs: [CandidatePair] = []
        for i in 0..<rows {
            for j in 0..<columns where keep[i * columns + j] {
                pairs.append(CandidatePair(row: i, column: j, cost: values[i * columns + j]))
            }
        }
        return pairs
    }

    /// Widens K from `startK` (doubling) until `isFeasible` accepts the candidates or K covers
    /// every allowed pair; the result says which.
    public static func widen(
        rows: Int, columns: Int, startK: Int, cost: (Int, Int) -> Double?,
        isFeasible: ([CandidatePair]) -> Bool
    ) -> CandidateSet {
        var k = max(1, startK)
        let full = max(rows, columns)
        while true {
            let pairs = nearest(rows: rows, columns: columns, k: k, cost: cost)
            let complete = k >= full
            if isFeasible(pairs) {
                return CandidateSet(k: k, pairs: pairs, feasible: true, complete: complete)
            }
            if complete { return CandidateSet(k: k, pairs: pairs, feasible: false, complete: true) }
            k = min(2 * k, full)
        }
    }

    /// Whether the pairs admit a matching that covers every row (rows ≤ columns) or every
    /// column (rows > columns): the feasibility test of a sparse assignment problem.
    public static func coversSmallerSide(rows: Int, columns: Int, pairs: [CandidatePair]) -> Bool {
        maximumMatching(rows: rows, columns: columns, pairs: pairs) == min(rows, columns)
    }

    /// Size of a largest matching among the pairs (augmenting paths, Kuhn's method).
    public static func maximumMatching(rows: Int, columns: Int, pairs: [CandidatePair]) -> Int {
        var start = [Int](repeating: 0, count: rows + 1)
        for p in pairs { start[p.row + 1] += 1 }
        for i in 0..<rows { start[i + 1] += start[i] }
        var adjacency = [Int](repeating: 0, count: pairs.count)
        var fill = start
        for p in pairs { adjacency[fill[p.row]] = p.column; fill[p.row] += 1 }
        var matchOfColumn = [Int](repeating: -1, count: columns)
        var seen = [Int](repeating: -1, count: columns)
        var size = 0
        for root in 0..<rows {
            // Iterative depth-first search for an augmenting path from `root`.
            var stack: [(row: Int, next: Int)] = [(root, start[root])]
            var path: [Int] = []
            var found = false
            while let top = stack.last, !found {
                if top.next == start[top.row + 1] {
                    stack.removeLast(); if !path.isEmpty { path.removeLast() }; continue
                }
                stack[stack.count - 1].next += 1
                let j = adjacency[top.next]
                if seen[j] == root { continue }
                seen[j] = root
                path.append(j)
                if matchOfColumn[j] < 0 { found = true; break }
                stack.append((matchOfColumn[j], start[matchOfColumn[j]]))
            }
            guard found else { continue }
            // path[t] is the column taken by stack[t].row.
            for t in 0..<path.count { matchOfColumn[path[t]] = stack[t].row }
            size += 1
        }
        return size
    }

    /// The `k` smallest entries (by value, then index) of `items`, reordering it.
    static func smallest(_ k: Int, of items: inout [(Double, Int)]) -> ArraySlice<(Double, Int)> {
        if items.count > k {
            items.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            return items[0..<k]
        }
        return items[...]
    }
}
