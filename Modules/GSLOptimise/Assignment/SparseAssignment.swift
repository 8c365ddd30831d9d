/// A fast path for large dense square problems: solve on the K cheapest columns of every row
/// (plus the cheapest rows of any column left out) by shortest augmenting paths with a binary
/// heap, then prove the result optimal for the full matrix by checking every reduced cost.
/// Violating pairs are added and the sparse problem solved again; after a few rounds, or when
/// the sparse problem has no perfect matching, the caller falls back to the dense solver.
enum SparseAssignment {
    /// The assignment and duals of the n × n row-major matrix, or nil when the fast path gives up.
    static func solve(n: Int, cost: UnsafePointer<Double>, k: Int = 24) -> (
        x: [Int], u: [Double], v: [Double]
    )? {
        var graph = candidates(n: n, cost: cost, k: min(k, n))
        guard var state = State(n: n, graph: graph) else { return nil }
        for _ in 0..<10 {
            guard shortestPaths(n: n, graph: graph, state: &state) else { return nil }
            let extra = violations(n: n, cost: cost, u: state.u, v: state.v, limit: 16 * n + 1)
            if extra.isEmpty { return (state.x, state.u, state.v) }
            // Far from optimal on the sparse graph: the dense solver is the better bet.
            if extra.count > 16 * n { return nil }
            graph.add(extra, cost: cost, n: n)
            // Warm start: a row with a violating pair lowers its potential until every reduced
            // cost of the row is non-negative again, and gives up its column.
            var touched = Set<Int>()
            for (i, _) in extra where touched.insert(i).inserted {
                var least = Double.infinity
                for (k, j) in graph.columns[i].enumerated() {
                    least = min(least, graph.costs[i][k] - state.v[Int(j)])
                }
                state.u[i] = least
                if state.x[i] >= 0 { state.y[state.x[i]] = -1; state.x[i] = -1 }
            }
        }
        return nil
    }

    /// Assignment and potentials during the sparse solve.
    struct State {
        var x: [Int], y: [Int], u: [Double], v: [Double]

        init(x: [Int], y: [Int], u: [Double], v: [Double]) {
            self.x = x; self.y = y; self.u = u; self.v = v
        }

        /// Row reduction and a greedy start on zero reduced costs; nil when a row has no candidate.
        init?(n: Int, graph: Graph) {
            u = [Double](repeating: 0, count: n); v = [Double](repeating: 0, count: n)
            x = [Int](repeating: -1, count: n); y = [Int](repeating: -1, count: n)
            for i in 0..<n {
                guard let least = graph.costs[i].min() else { return nil }
                u[i] = least
            }
            for i in 0..<n {
                for (k, j32) in graph.columns[i].enumerated() where graph.costs[i][k] == u[i] {
                    let j = Int(j32)
                    if y[j] < 0 { x[i] = j; y[j] = i; break }
                }
            }
        }
    }

    /// A sparse bipartite graph in per-row lists.
    struct Graph {
        var columns: [[Int32]]
        var costs: [[Double]]

        mutating func add(_ pairs: [(Int, Int)], cost: UnsafePointer<Double>, n: Int) {
            for (i, j) in pairs {
                columns[i].append(Int32(j)); costs[i].append(cost[i * n + j])
            }
        }
    }

    /// Each row's k cheapest columns, and for any column chosen by no row, its k cheapest rows.
    static func candidates(n: Int, cost: UnsafePointer<Double>, k: Int) -> Graph {
        var columns = [[Int32]](repeating: [], count: n)
        var costs = [[Double]](repeating: [], count: n)
        var covered = [Bool](repeating: false, count: n)
        var heapCost = [Double](repeating: 0, count: k)
        var heapColumn = [Int32](repeating: 0, count: k)
        for i in 0..<n {
            let row = cost + i * n
            // A max-heap of the k cheapest seen so far.
            var size = 0
            for j in 0..<n {
                let c = row[j]
                if size < k {
                    var at = size; size += 1
                    while at > 0 {
                        let parent = (at - 1) / 2
                        if heapCost[parent] >= c { break }
                        heapCost[at] = heapCost[parent]; heapColumn[at] = heapColumn[parent]; at = parent
                    }
                    heapCost[at] = c; heapColumn[at] = Int32(j)
                } else if c < heapCost[0] {
                    var at = 0
                    while true {
                        var child = 2 * at + 1
                        if child >= size { break }
                        if child + 1 < size && heapCost[child + 1] > heapCost[child] { child += 1 }
                        if heapCost[child] <= c { break }
                        heapCost[at] = heapCost[child]; heapColumn[at] = heapColumn[child]; at = child
                    }
                    heapCost[at] = c; heapColumn[at] = Int32(j)
                }
            }
            columns[i] = Array(heapColumn[0..<size]); costs[i] = Array(heapCost[0..<size])
            for j in columns[i] { covered[Int(j)] = true }
        }
        for j in 0..<n where !covered[j] {
            var order = (0..<n).map { (cost[$0 * n + j], $0) }
            order.sort { $0.0 < $1.0 }
            for (c, i) in order.prefix(k) { columns[i].append(Int32(j)); costs[i].append(c) }
        }
        return Graph(columns: columns, costs: costs)
    }

    /// Successive shortest augmenting paths on the sparse graph with Dijkstra and a binary heap,
    /// from every free row of `state`; false when some row cannot be matched within the graph.
    static func shortestPaths(n: Int, graph: Graph, state: inout State) -> Bool {
        var x = state.x, y = state.y, u = state.u, v = state.v
        defer { state = State(x: x, y: y, u: u, v: v) }
        var dist = [Double](repeating: .infinity, count: n)
        var pred = [Int](repeating: -1, count: n)
        var seen = [Int](repeating: -1, count: n), done = [Int](repeating: -1, count: n)
        var heap: [(Double, Int32)] = []
        var finished: [Int] = []
        var scannedRows: [(Int, Double)] = []
        for start in 0..<n where x[start] < 0 {
            heap.removeAll(keepingCapacity: true)
            finished.removeAll(keepingCapacity: true)
            scannedRows.removeAll(keepingCapacity: true)
            var row = start, rowDistance = 0.0
            var end = -1, total = 0.0
            while true {
                scannedRows.append((row, rowDistance))
                let cols = graph.columns[row], cs = graph.costs[row]
                let base = rowDistance - u[row]
                for k in 0..<cols.count {
                    let j = Int(cols[k])
                    if done[j] == start { continue }
                    let candidate = base + cs[k] - v[j]
                    if seen[j] != start { seen[j] = start; dist[j] = .infinity }
                    if candidate < dist[j] {
                        dist[j] = candidate; pred[j] = row
                        heapPush(&heap, (candidate, Int32(j)))
                    }
                }
                var next = -1
                while let (d, j32) = heapPop(&heap) {
                    let j = Int(j32)
                    if done[j] == start || d > dist[j] { continue }
                    next = j
                    break
                }
                if next < 0 { return false }
                done[next] = start
                finished.append(next)
                if y[next] < 0 { end = next; total = dist[next]; break }
                row = y[next]; rowDistance = dist[next]
            }
            for (i, d) in scannedRows { u[i] += total - d }
            for j in finished { v[j] -= total - dist[j] }
            var j = end
            while true {
                let i = pred[j]
                y[j] = i
                let previous = x[i]
                x[i] = j
                if i == start { break }
                j = previous
            }
        }
        return true
    }

    /// Pairs of the full matrix whose reduced cost is negative beyond rounding.
    static func violations(n: Int, cost: UnsafePointer<Double>, u: [Double], v: [Double], limit: Int)
        -> [(Int, Int)]
    {
        var found: [(Int, Int)] = []
        var scale = 0.0
        for i in 0..<n { scale = max(scale, abs(u[i])) }
        for j in 0..<n { scale = max(scale, abs(v[j])) }
        let tolerance = 1e-12 * max(1, scale)
        v.withUnsafeBufferPointer { vp in
            for i in 0..<n {
                let row = cost + i * n
                let threshold = u[i] - tolerance
                for j in 0..<n where row[j] - vp[j] < threshold { found.append((i, j)) }
                if found.count >= limit { return }
            }
        }
        return found
    }

    @inline(__always)
    static func heapPush(_ heap: inout [(Double, Int32)], _ item: (Double, Int32)) {
        heap.append(item)
        var at = heap.count - 1
        while at > 0 {
            let parent = (at - 1) / 2
            if heap[parent].0 <= item.0 { break }
            heap[at] = heap[parent]; at = parent
        }
        heap[at] = item
    }

    @inline(__always)
    static func heapPop(_ heap: inout [(Double, Int32)]) -> (Double, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return top }
        var at = 0
        let size = heap.count
        while true {
            var child = 2 * at + 1
            if child >= size { break }
            if child + 1 < size && heap[child + 1].0 < heap[child].0 { child += 1 }
            if heap[child].0 >= last.0 { break }
            heap[at] = heap[child]; at = child
        }
        heap[at] = last
        return top
    }
}
