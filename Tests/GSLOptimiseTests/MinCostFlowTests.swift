import GSLCore
import Testing

@testable import GSLOptimise

/// Checks bounds, conservation and reduced-cost optimality of a flow solution.
func checkFlow(_ net: FlowNetwork, _ s: FlowSolution) {
    var balance = net.supply
    var cost: Int64 = 0
    for a in 0..<net.arcCount {
        let f = s.flows[a]
        #expect(f >= net.lowerBound[a] && f <= net.capacity[a], "arc \(a) flow \(f)")
        balance[Int(net.from[a])] -= f
        balance[Int(net.to[a])] += f
        cost += f * net.cost[a]
        let reduced = net.cost[a] + s.potentials[Int(net.from[a])] - s.potentials[Int(net.to[a])]
        if f < net.capacity[a] {
            #expect(reduced >= 0, "arc \(a) below capacity with reduced cost \(reduced)")
        }
        if f > net.lowerBound[a] {
            #expect(reduced <= 0, "arc \(a) above lower bound with reduced cost \(reduced)")
        }
    }
    #expect(balance.allSatisfy { $0 == 0 }, "conservation")
    #expect(cost == s.cost)
}

/// Checks that an infeasibility certificate really proves infeasibility.
func checkCertificate(_ net: FlowNetwork, _ c: FlowInfeasibility) {
    if c.totalSupply != c.totalDemand { return }
    let inSet = Set(c.nodes)
    var netDemand: Int64 = 0, inflow: Int64 = 0
    for v in c.nodes { netDemand -= net.supply[v] }
    for a in 0..<net.arcCount {
        let t = inSet.contains(Int(net.from[a])), h = inSet.contains(Int(net.to[a]))
        if !t && h { inflow += net.capacity[a] }
        if t && !h { inflow -= net.lowerBound[a] }
    }
    #expect(netDemand == c.netDemand)
    #expect(inflow == c.maximumInflow)
    #expect(netDemand > inflow, "the cut must prove infeasibility")
    #expect(!c.unmet.isEmpty)
    for u in c.unmet { #expect(inSet.contains(u.node) && u.amount > 0) }
}

@Suite struct MinCostFlowTests {
    @Test func smallTransport() throws {
        // Two plants (supply 5, 5) and two markets (demand 4, 6).
        var net = FlowNetwork(nodeCount: 4)
        net.supply = [5, 5, -4, -6]
        try net.addArc(from: 0, to: 2, cost: 1)
        try net.addArc(from: 0, to: 3, cost: 4)
        try net.addArc(from: 1, to: 2, cost: 3)
        try net.addArc(from: 1, to: 3, cost: 2)
        guard case .optimal(let s) = try MinCostFlow.solve(net) else { Issue.record("infeasible"); return }
        #expect(s.flows == [4, 1, 0, 5])
        #expect(s.cost == 4 + 4 + 10)
        checkFlow(net, s)
    }

    @Test func lowerBoundsForceFlow() throws {
        // A cheap arc and an expensive one with lower bound 3.
        var net = FlowNetwork(nodeCount: 2)
        net.supply = [5, -5]
        try net.addArc(from: 0, to: 1, capacity: 10, cost: 1)
        try net.addArc(from: 0, to: 1, capacity: 4, cost: 7, lowerBound: 3)
        guard case .optimal(let s) = try MinCostFlow.solve(net) else { Issue.record("infeasible"); return }
        #expect(s.flows == [2, 3])
        #expect(s.cost == 23)
        checkFlow(net, s)
    }

    @Test func randomNetworksAreOptimalOrCertifiedInfeasible() throws {
        var rng = SeededGenerator(seed: 42)
        var optimal = 0, infeasible = 0
        for trial in 0..<300 {
            let n = 2 + trial % 12
            var net = FlowNetwork(nodeCount: n)
            let arcs = n + Int.random(in: 0..<(3 * n), using: &rng)
            for _ in 0..<arcs {
                let a = Int.random(in: 0..<n, using: &rng), b = Int.random(in: 0..<n, using: &rng)
                let lower =
                    Int64.random(in: 0..<3, using: &rng) == 0 ? Int64.random(in: 0...2, using: &rng) : 0
                let cap = lower + Int64.random(in: 0...6, using: &rng)
                try net.addArc(
                    from: a, to: b, capacity: cap, cost: Int64.random(in: -5...20, using: &rng),
                    lowerBound: lower)
            }
            var supply = [Int64](repeating: 0, count: n)
            for _ in 0..<n {
                let a = Int.random(in: 0..<n, using: &rng), b = Int.random(in: 0..<n, using: &rng)
                let q = Int64.random(in: 0...4, using: &rng)
                supply[a] += q; supply[b] -= q
            }
            net.supply = supply
            switch try MinCostFlow.solve(net) {
            case .optimal(let s): checkFlow(net, s); optimal += 1
            case .infeasible(let c): checkCertificate(net, c); infeasible += 1
            }
        }
        #expect(optimal > 30)
        #expect(infeasible > 30)
    }

    @Test func largerRandomTransshipment() throws {
        var rng = SeededGenerator(seed: 1234)
        for n in [60, 400] {
            var net = FlowNetwork(nodeCount: n)
            for v in 0..<n { try net.addArc(from: v, to: (v + 1) % n, capacity: 1000, cost: 50) }
            for _ in 0..<(8 * n) {
                let a = Int.random(in: 0..<n, using: &rng), b = Int.random(in: 0..<n, using: &rng)
                try net.addArc(
                    from: a, to: b, capacity: Int64.random(in: 1...30, using: &rng),
                    cost: Int64.random(in: -3...40, using: &rng),
                    lowerBound: Int64.random(in: 0..<10, using: &rng) == 0 ? 1 : 0)
            }
            for _ in 0..<(2 * n) {
                let a = Int.random(in: 0..<n, using: &rng), b = Int.random(in: 0..<n, using: &rng)
                let q = Int64.random(in: 1...20, using: &rng)
                net.supply[a] += q; net.supply[b] -= q
            }
            guard case .optimal(let s) = try MinCostFlow.solve(net) else {
                Issue.record("infeasible"); return
            }
            checkFlow(net, s)
        }
    }

    @Test func agreesWithAssignmentOnUnitCapacities() throws {
        var rng = SeededGenerator(seed: 8)
        for trial in 0..<40 {
            let r = 1 + trial % 8, c = r + trial % 3
            let values = (0..<(r * c)).map { _ in Double(Int.random(in: 0..<50, using: &rng)) }
            let m = try CostMatrix(rows: r, columns: c, values: values)
            let assignment = try LinearAssignment.solve(m)
            // rows 0..<r, columns r..<r+c, a sink r+c that takes what the rows send.
            var net = FlowNetwork(nodeCount: r + c + 1)
            for i in 0..<r {
                for j in 0..<c { try net.addArc(from: i, to: r + j, capacity: 1, cost: Int64(m[i, j])) }
                net.supply[i] = 1
            }
            for j in 0..<c { try net.addArc(from: r + j, to: r + c, capacity: 1, cost: 0) }
            net.supply[r + c] = -Int64(r)
            guard case .optimal(let s) = try MinCostFlow.solve(net) else {
                Issue.record("infeasible"); return
            }
            checkFlow(net, s)
            #expect(Double(s.cost) == assignment.total)
        }
    }

    @Test func infeasibleVillagesNamed() throws {
        // Firm 0 can reach only village 2; both villages 2 and 3 need a partner; firm 1 reaches 3.
        // Village 4 needs 2 partners but only firm 1 reaches it, once.
        var net = FlowNetwork(nodeCount: 5)
        net.supply = [2, 2, -1, -1, -2]
        try net.addArc(from: 0, to: 2, capacity: 2, cost: 1)
        try net.addArc(from: 1, to: 3, capacity: 1, cost: 1)
        try net.addArc(from: 1, to: 4, capacity: 1, cost: 1)
        guard case .infeasible(let c) = try MinCostFlow.solve(net) else { Issue.record("feasible?"); return }
        checkCertificate(net, c)
        #expect(c.unmet.map(\.node).contains(4))
    }

    @Test func unbalancedAndUnbounded() throws {
        var net = FlowNetwork(nodeCount: 2)
        net.supply = [3, -2]
        try net.addArc(from: 0, to: 1, cost: 1)
        guard case .infeasible(let c) = try MinCostFlow.solve(net) else { Issue.record("feasible?"); return }
        #expect(c.totalSupply == 3 && c.totalDemand == 2)

        var cycle = FlowNetwork(nodeCount: 2)
        try cycle.addArc(from: 0, to: 1, cost: -1)
        try cycle.addArc(from: 1, to: 0, cost: -1)
        #expect(throws: OptimiseError.self) { try MinCostFlow.solve(cycle) }
        #expect(throws: OptimiseError.self) { try cycle.addArc(from: 0, to: 5, cost: 1) }
        #expect(throws: OptimiseError.self) {
            try cycle.addArc(from: 0, to: 1, capacity: 1, cost: 1, lowerBound: 2)
        }
    }
}
