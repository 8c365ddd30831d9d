/// The primal network simplex on a spanning tree rooted at an artificial node, with candidate-list
/// pricing and the strongly-feasible leaving-arc rule (which prevents cycling).
///
/// The tree is kept as parent pointers, the arc to the parent and its direction, depths, and a
/// preorder thread; a pivot re-roots the detached subtree at the entering arc's end and relinks
/// its preorder in time linear in the subtree's size.
final class NetworkSimplex {
    let nodeCount: Int, arcCount: Int, root: Int
    let source: UnsafeMutablePointer<Int32>, target: UnsafeMutablePointer<Int32>
    let cap: UnsafeMutablePointer<Int64>, cost: UnsafeMutablePointer<Int64>
    let flow: UnsafeMutablePointer<Int64>, pi: UnsafeMutablePointer<Int64>
    /// 1 at lower bound, -1 at upper bound, 0 in the tree.
    let state: UnsafeMutablePointer<Int8>
    /// +1 when the arc to the parent points up (node → parent), -1 otherwise.
    let dir: UnsafeMutablePointer<Int8>
    let parent: UnsafeMutablePointer<Int32>, pred: UnsafeMutablePointer<Int32>
    let depth: UnsafeMutablePointer<Int32>, thread: UnsafeMutablePointer<Int32>
    let revThread: UnsafeMutablePointer<Int32>
    // Scratch for re-rooting.
    let order: UnsafeMutablePointer<Int32>, newOrder: UnsafeMutablePointer<Int32>
    let newDepth: UnsafeMutablePointer<Int32>, stem: UnsafeMutablePointer<Int32>
    let stemPos: UnsafeMutablePointer<Int32>, stemEnd: UnsafeMutablePointer<Int32>
    let stemMark: UnsafeMutablePointer<Int32>
    let blockSize: Int
    let candidates: UnsafeMutablePointer<Int32>
    var candidateCount = 0
    let listLength: Int, minorLimit: Int

    init(network: FlowNetwork, artificialCost: Int64) {
        let n = network.nodeCount, m = network.arcCount
        nodeCount = n; root = n; arcCount = m + n
        let nodes = n + 1, arcs = m + n
        source = .allocate(capacity: arcs); target = .allocate(capacity: arcs)
        cap = .allocate(capacity: arcs); cost = .allocate(capacity: arcs); flow = .allocate(capacity: arcs)
        state = .allocate(capacity: arcs)
        pi = .allocate(capacity: nodes); dir = .allocate(capacity: nodes)
        parent = .allocate(capacity: nodes); pred = .allocate(capacity: nodes);
        depth = .allocate(capacity: nodes)
        thread = .allocate(capacity: nodes); revThread = .allocate(capacity: nodes)
        order = .allocate(capacity: nodes); newOrder = .allocate(capacity: nodes);
        newDepth = .allocate(capacity: nodes)
        stem = .allocate(capacity: nodes); stemPos = .allocate(capacity: nodes);
        stemEnd = .allocate(capacity: nodes)
        stemMark = .allocate(capacity: nodes)
        stemMark.initialize(repeating: -1, count: nodes)
        // Tuned on the pairing and transport benchmarks: scan in blocks of √m/10 arcs, keep up to
        // √m/10 candidates and rescan when fewer than a tenth of them still violate.
        let scale = Double(arcs).squareRoot() / 10
        blockSize = max(10, Int(scale))
        listLength = max(10, Int(scale))
        minorLimit = listLength / 10
        candidates = .allocate(capacity: arcs)

        var supply = network.supply
        for a in 0..<m {
            source[a] = network.from[a]; target[a] = network.to[a]
            cost[a] = network.cost[a]; flow[a] = 0; state[a] = 1
            let l = network.lowerBound[a], c = network.capacity[a]
            cap[a] = c == FlowNetwork.unbounded ? MinCostFlow.infinity : c - l
            if l > 0 { supply[Int(network.from[a])] -= l; supply[Int(network.to[a])] += l }
        }
        pi[root] = 0; parent[root] = -1; pred[root] = -1; depth[root] = 0; dir[root] = 0
        thread[root] = n > 0 ? 0 : Int32(root); revThread[root] = Int32(n > 0 ? n - 1 : root)
        for u in 0..<n {
            let e = m + u
            parent[u] = Int32(root); pred[u] = Int32(e); depth[u] = 1
            thread[u] = Int32(u + 1 < n ? u + 1 : root); revThread[u] = Int32(u > 0 ? u - 1 : root)
            cap[e] = MinCostFlow.infinity; state[e] = 0
            if supply[u] >= 0 {
                source[e] = Int32(u); target[e] = Int32(root); flow[e] = supply[u]; cost[e] = 0
                dir[u] = 1; pi[u] = 0
            } else {
                source[e] = Int32(root); target[e] = Int32(u); flow[e] = -supply[u]; cost[e] = artificialCost
                dir[u] = -1; pi[u] = artificialCost
            }
        }
    }

    deinit {
        for p in [
            source, target, parent, pred, depth, thread, revThread, order, newOrder, newDepth, stem,
            stemPos, stemEnd, stemMark, candidates,
        ] { p.deallocate() }
        cap.deallocate(); cost.deallocate(); flow.deallocate(); pi.deallocate()
        state.deallocate(); dir.deallocate()
    }

    /// Candidate-list pricing: re-prices the arcs kept from the last scan and returns the most
    /// violating one; when few remain, scans on from where the last scan stopped until the list is
    /// refilled (or every arc was seen), so most pivots look at a short list instead of the arcs.
    @inline(__always)
    func findEntering(_ next: inout Int) -> Int {
        var best = -1
        var bestValue: Int64 = 0
        var kept = 0
        for k in 0..<candidateCount {
            let e = Int(candidates[k])
            let c = Int64(state[e]) * reducedCost(e)
            if c < 0 {
                candidates[kept] = Int32(e); kept += 1
                if c < bestValue { bestValue = c; best = e }
            }
        }
        candidateCount = kept
        if kept > minorLimit { return best }
        var e = next
        var seen = 0
        var count = blockSize
        while seen < arcCount {
            let c = Int64(state[e]) * reducedCost(e)
            if c < 0 {
                if candidateCount < listLength {
                    candidates[candidateCount] = Int32(e); candidateCount += 1
                }
                if c < bestValue { bestValue = c; best = e }
            }
            e += 1
            if e == arcCount { e = 0 }
            seen += 1
            count -= 1
            if count == 0 {
                if candidateCount >= listLength { break }
                count = blockSize
            }
        }
        next = e
        return best
    }

    /// Pivots until optimal; false when the objective is unbounded below.
    func run() -> Bool {
        // Warm start: bring in the cheapest arc into each demand node, which ships most of a
        // transport-like problem before the general pricing begins.
        for inArc in initialArcs() where Int64(state[inArc]) * reducedCost(inArc) < 0 {
            if !pivot(inArc) { return false }
        }
        var next = 0
        while true {
            let inArc = findEntering(&next)
            if inArc < 0 { return true }
            if !pivot(inArc) { return false }
        }
    }

    /// The reduced cost of an arc under the current potentials.
    @inline(__always)
    func reducedCost(_ e: Int) -> Int64 { cost[e] &+ pi[Int(source[e])] &- pi[Int(target[e])] }

    /// For every node with a net demand, its cheapest entering real arc.
    func initialArcs() -> [Int] {
        let realArcs = arcCount - nodeCount
        var best = [Int](repeating: -1, count: nodeCount)
        for u in 0..<nodeCount where source[realArcs + u] == Int32(root) && flow[realArcs + u] > 0 {
            best[u] = -2  // marks a demand node
        }
        var bestCost = [Int64](repeating: .max, count: nodeCount)
        for e in 0..<realArcs {
            let v = Int(target[e])
            if best[v] != -1, cap[e] > 0, cost[e] < bestCost[v] { bestCost[v] = cost[e]; best[v] = e }
        }
        return best.filter { $0 >= 0 }
    }

    /// One pivot with `inArc` entering the basis; false when the cycle has unbounded capacity.
    func pivot(_ inArc: Int) -> Bool {
        let s = Int(source[inArc]), t = Int(target[inArc])
        var u = s, v = t
        while u != v {
            let du = depth[u], dv = depth[v]
            if du >= dv { u = Int(parent[u]) }
            if dv >= du { v = Int(parent[v]) }
        }
        let join = u
        let direction = Int64(state[inArc])
        let first = direction == 1 ? s : t, second = direction == 1 ? t : s
        var delta = cap[inArc]
        var result = 0, uOut = -1
        u = first
        while u != join {
            let e = Int(pred[u])
            let d = dir[u] == -1 ? cap[e] - flow[e] : flow[e]
            if d < delta { delta = d; uOut = u; result = 1 }
            u = Int(parent[u])
        }
        u = second
        while u != join {
            let e = Int(pred[u])
            let d = dir[u] == 1 ? cap[e] - flow[e] : flow[e]
            if d <= delta { delta = d; uOut = u; result = 2 }
            u = Int(parent[u])
        }
        if delta >= MinCostFlow.infinity / 2 { return false }
        if delta > 0 {
            let val = direction * delta
            flow[inArc] += val
            u = s
            while u != join { flow[Int(pred[u])] -= Int64(dir[u]) * val; u = Int(parent[u]) }
            u = t
            while u != join { flow[Int(pred[u])] += Int64(dir[u]) * val; u = Int(parent[u]) }
        }
        if result == 0 {
            state[inArc] = Int8(-direction)
            return true
        }
        let uIn = result == 1 ? first : second, vIn = result == 1 ? second : first
        let outArc = Int(pred[uOut])
        state[inArc] = 0
        state[outArc] = flow[outArc] == 0 ? 1 : -1
        reroot(inArc: inArc, uIn: uIn, vIn: vIn, uOut: uOut)
        return true
    }

    /// Detaches the subtree below `uOut`, hangs it from `vIn` by `inArc` with `uIn` as its new
    /// top, and fixes parents, depths, preorder thread and potentials.
    func reroot(inArc: Int, uIn: Int, vIn: Int, uOut: Int) {
        let sigma = pi[vIn] - pi[uIn] + (uIn == Int(source[inArc]) ? -cost[inArc] : cost[inArc])
        // The old preorder of the subtree, cut out of the thread.
        let topDepth = depth[uOut]
        var count = 0
        var w = uOut
        repeat {
            order[count] = Int32(w); count += 1
            w = Int(thread[w])
        } while depth[w] > topDepth
        let before = Int(revThread[uOut])
        thread[before] = Int32(w); revThread[w] = Int32(before)

        // The stem uIn = s0, s1, ..., sK = uOut and each stem node's segment of the old preorder.
        var k = 0
        var x = uIn
        while true {
            stem[k] = Int32(x); stemMark[x] = Int32(k)
            if x == uOut { break }
            x = Int(parent[x]); k += 1
        }
        let last = k
        for i in 0..<count {
            let node = Int(order[i])
            let mark = Int(stemMark[node])
            if mark >= 0 { stemPos[mark] = Int32(i) }
        }
        var end = 0
        for i in 0...last {
            let d = depth[Int(stem[i])]
            end = max(end, Int(stemPos[i]) + 1)
            while end < count && depth[Int(order[end])] > d { end += 1 }
            stemEnd[i] = Int32(end)
        }
        // New preorder: s0's segment, then each next stem node with its segment minus the previous one.
        let base = depth[vIn] + 1
        var filled = 0
        for i in 0...last {
            let oldTop = depth[Int(stem[i])]
            let newTop = base + Int32(i)
            var idx = Int(stemPos[i])
            let stop = Int(stemEnd[i])
            let skipFrom = i > 0 ? Int(stemPos[i - 1]) : -1, skipTo = i > 0 ? Int(stemEnd[i - 1]) : -1
            while idx < stop {
                if idx == skipFrom { idx = skipTo; continue }
                let node = order[idx]
                newOrder[filled] = node
                newDepth[filled] = depth[Int(node)] - oldTop + newTop
                filled += 1
                idx += 1
            }
        }
        for i in 0...last { stemMark[Int(stem[i])] = -1 }
        // Reverse the stem.
        var i = last
        while i >= 1 {
            let node = Int(stem[i]), child = Int(stem[i - 1])
            parent[node] = Int32(child)
            pred[node] = pred[child]
            dir[node] = -dir[child]
            i -= 1
        }
        parent[uIn] = Int32(vIn); pred[uIn] = Int32(inArc)
        dir[uIn] = uIn == Int(source[inArc]) ? 1 : -1
        // Splice the new preorder in after vIn, with depths and potentials.
        let after = thread[vIn]
        var previous = Int32(vIn)
        for j in 0..<filled {
            let node = newOrder[j]
            thread[Int(previous)] = node; revThread[Int(node)] = previous
            depth[Int(node)] = newDepth[j]
            pi[Int(node)] += sigma
            previous = node
        }
        thread[Int(previous)] = after; revThread[Int(after)] = previous
    }
}
