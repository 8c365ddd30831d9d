/// Minimum-cost flow with lower bounds by the primal network simplex method.
public enum MinCostFlow {
    /// Internal stand-in for an unbounded capacity; finite data must stay below it.
    static let infinity: Int64 = 1 << 61

    /// Finds a feasible flow of least cost, or a certificate that none exists.
    ///
    /// Throws `OptimiseError.invalidInput` when a cycle of negative cost has unbounded capacity,
    /// and `OptimiseError.overflow` when the data are too large for 64-bit arithmetic.
    public static func solve(_ network: FlowNetwork) throws(OptimiseError) -> FlowOutcome {
        let n = network.nodeCount, m = network.arcCount
        var totalSupply: Int64 = 0, totalDemand: Int64 = 0
        for s in network.supply {
            guard s.magnitude < UInt64(infinity / 4) else { throw .overflow("supply \(s) beyond ±2^59") }
            if s > 0 { totalSupply += s } else { totalDemand -= s }
            guard totalSupply < infinity / 4, totalDemand < infinity / 4 else {
                throw .overflow("total supply beyond 2^59")
            }
        }
        if totalSupply != totalDemand {
            return .infeasible(
                FlowInfeasibility(
                    totalSupply: totalSupply, totalDemand: totalDemand, nodes: Array(0..<n),
                    netDemand: totalDemand - totalSupply, maximumInflow: 0, unmet: []))
        }
        if n == 0 { return .optimal(FlowSolution(flows: [], potentials: [], cost: 0)) }

        var maxCost: Int64 = 0
        for c in network.cost where c.magnitude > UInt64(maxCost) { maxCost = Int64(c.magnitude) }
        let (artificial, overflow) = (maxCost + 1).multipliedReportingOverflow(by: Int64(n + 1))
        guard !overflow, artificial < infinity / 8 else {
            throw .overflow("largest cost \(maxCost) times \(n + 1) nodes beyond 2^58")
        }

        let simplex = NetworkSimplex(network: network, artificialCost: artificial)
        guard simplex.run() else {
            throw .invalidInput("a cycle of negative cost has unbounded capacity: the minimum is -∞")
        }

        var flows = [Int64](repeating: 0, count: m)
        for a in 0..<m { flows[a] = simplex.flow[a] + network.lowerBound[a] }
        let potentials = (0..<n).map { simplex.pi[$0] }
        var unmet: [FlowInfeasibility.UnmetDemand] = []
        for u in 0..<n {
            let e = m + u
            if Int(simplex.source[e]) == n, simplex.flow[e] > 0 {
                unmet.append(.init(node: u, amount: simplex.flow[e]))
            }
        }
        if !unmet.isEmpty {
            return .infeasible(
                certificate(
                    network, flows: flows, unmet: unmet,
                    totalSupply: totalSupply, totalDemand: totalDemand))
        }
        var cost: Int64 = 0
        for a in 0..<m where flows[a] != 0 {
            let (product, o1) = flows[a].multipliedReportingOverflow(by: network.cost[a])
            let (sum, o2) = cost.addingReportingOverflow(product)
            guard !o1, !o2 else { throw .overflow("total cost beyond 64 bits") }
            cost = sum
        }
        return .optimal(FlowSolution(flows: flows, potentials: potentials, cost: cost))
    }

    /// The nodes that can still reach an unmet demand in the residual network of a largest
    /// feasible flow; every arc entering them is saturated and every arc leaving them is at its
    /// lower bound, so their net demand exceeds what can flow in.
    static func certificate(
        _ network: FlowNetwork, flows: [Int64], unmet: [FlowInfeasibility.UnmetDemand],
        totalSupply: Int64, totalDemand: Int64
    ) -> FlowInfeasibility {
        let n = network.nodeCount, m = network.arcCount
        var inStart = [Int](repeating: 0, count: n + 1), outStart = [Int](repeating: 0, count: n + 1)
        for a in 0..<m { inStart[Int(network.to[a]) + 1] += 1; outStart[Int(network.from[a]) + 1] += 1 }
        for v in 0..<n { inStart[v + 1] += inStart[v]; outStart[v + 1] += outStart[v] }
        var inArcs = [Int](repeating: 0, count: m), outArcs = [Int](repeating: 0, count: m)
        var inFill = inStart, outFill = outStart
        for a in 0..<m {
            let h = Int(network.to[a]), t = Int(network.from[a])
            inArcs[inFill[h]] = a; inFill[h] += 1
            outArcs[outFill[t]] = a; outFill[t] += 1
        }
        var inSet = [Bool](repeating: false, count: n)
        var stack = unmet.map(\.node)
        for v in stack { inSet[v] = true }
        while let v = stack.popLast() {
            for k in inStart[v]..<inStart[v + 1] {
                let a = inArcs[k], t = Int(network.from[a])
                if !inSet[t], flows[a] < network.capacity[a] { inSet[t] = true; stack.append(t) }
            }
            for k in outStart[v]..<outStart[v + 1] {
                let a = outArcs[k], h = Int(network.to[a])
                if !inSet[h], flows[a] > network.lowerBound[a] { inSet[h] = true; stack.append(h) }
            }
        }
        var netDemand: Int64 = 0, inflow: Int64 = 0
        for v in 0..<n where inSet[v] { netDemand -= network.supply[v] }
        for a in 0..<m {
            let t = inSet[Int(network.from[a])], h = inSet[Int(network.to[a])]
            if !t && h { inflow += network.capacity[a] }
            if t && !h { inflow -= network.lowerBound[a] }
        }
        return FlowInfeasibility(
            totalSupply: totalSupply, totalDemand: totalDemand,
            nodes: (0..<n).filter { inSet[$0] }, netDemand: netDemand,
            maximumInflow: inflow, unmet: unmet)
    }
}
