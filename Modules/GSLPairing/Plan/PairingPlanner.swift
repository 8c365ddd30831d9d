import GSLCore
import GSLOptimise

/// Plans pairings as a min-cost flow with lower bounds: source → firm [min, capacity] → village
/// [0, 1] at the pair's cost → sink [min, max per village], and sink → source to close the
/// circulation. A sparse network of each side's cheapest candidates is solved first; it widens
/// until feasible, and pairs left out whose reduced cost is negative are priced in until none is,
/// so the plan is optimal for every allowed pair.
public struct PairingPlanner: Sendable {
    /// The cost model.
    public let model: PairingCostModel
    /// The bounds.
    public let bounds: PairingBounds

    /// A planner.
    public init(model: PairingCostModel = .standard, bounds: PairingBounds) {
        self.model = model
        self.bounds = bounds
    }

    /// The optimal plan for `firms` and `villages`, or why none exists.
    ///
    /// Throws (exit 65) for bounds out of order, an empty side or a firm with no capacity.
    public func plan(firms: [PairingFirm], villages: [PairingVillage]) throws(GSLError) -> PairingOutcome {
        try bounds.validate()
        _ = try model.validated()
        guard !firms.isEmpty, !villages.isEmpty else {
            throw GSLError.data(
                "没有可参与结对的\(firms.isEmpty ? "企业" : "村")（所选范围为空）",
                en: "no \(firms.isEmpty ? "firms" : "villages") to pair (the selection is empty)"
            ).because(.pairingEmptySelection)
        }
        if let firm = firms.first(where: { $0.capacity <= 0 }) {
            throw GSLError.data(
                "企业「\(firm.name)」（#\(firm.id)）的结对能力为 \(firm.capacity)，不能参与方案",
                en: "firm '\(firm.name)' (#\(firm.id)) has capacity \(firm.capacity) and cannot be in a plan"
            ).because(.pairingFirmNoCapacity)
        }
        let grid = CostGrid(model: model, firms: firms, villages: villages, within: bounds.within)
        let rows = firms.count, columns = villages.count
        let full = max(rows, columns)
        var k = bounds.candidates == 0 ? full : min(bounds.candidates, full)
        var solves = 0
        var inGraph = BitGrid(rows: rows, columns: columns)
        grid.addNearest(k: k, to: &inGraph)
        while true {
            let complete = k >= full
            let built = build(grid: grid, inGraph: inGraph)
            solves += 1
            let outcome: FlowOutcome
            do { outcome = try MinCostFlow.solve(built.network) } catch {
                throw GSLError(
                    .internalError, Message("结对网络求解失败：\(error)", en: "pairing network failed: \(error)"))
            }
            switch outcome {
            case .infeasible(let why):
                if complete { return .infeasible(report(why, built, grid, firms: firms)) }
                k = min(2 * k, full)
                grid.addNearest(k: k, to: &inGraph)
            case .optimal(let solution):
                // Next best per village: the network's unused pair arcs first, then the pairs left
                // out, priced with the optimum's potentials (the first bounds the second's scan).
                var outside = [(firm: Int, reduced: Int64, cost: Int64)?](repeating: nil, count: columns)
                bestUnused(solution, built, rows: rows, into: &outside)
                if !complete {
                    let added = grid.addViolating(
                        potentials: solution.potentials, to: &inGraph, best: &outside)
                    if added > 0 {
                        if solves > 40 { k = full; grid.addNearest(k: k, to: &inGraph) }
                        continue
                    }
                }
                return .plan(
                    makePlan(
                        solution, built, grid, outside: outside, candidates: complete ? 0 : k, solves: solves)
                )
            }
        }
    }

    /// The network of the pairs in `inGraph`.
    struct Built {
        let network: FlowNetwork
        let labels: [String]
        /// Firm and village of each pair arc, from arc `firstPairArc` on.
        let pairFirm: [Int32]
        let pairVillage: [Int32]
        let firstPairArc: Int
    }

    static let source = 0, sink = 1

    func build(grid: CostGrid, inGraph: BitGrid) -> Built {
        let rows = grid.rows, columns = grid.columns
        var network = FlowNetwork(nodeCount: 2 + rows + columns)
        var pairFirm: [Int32] = [], pairVillage: [Int32] = []
        let count = inGraph.count
        network.reserveArcs(rows + columns + 1 + count)
        pairFirm.reserveCapacity(count)
        pairVillage.reserveCapacity(count)
        // Bounds were validated and costs are small: the arcs below cannot be refused.
        for i in 0..<rows {
            let cap = Int64(min(grid.capacity[i], bounds.maxPerFirm))
            _ = try? network.addArc(
                from: Self.source, to: 2 + i, capacity: cap, cost: 0,
                lowerBound: min(Int64(bounds.minPerFirm), cap))
        }
        for j in 0..<columns {
            _ = try? network.addArc(
                from: 2 + rows + j, to: Self.sink, capacity: Int64(bounds.maxPerVillage), cost: 0,
                lowerBound: Int64(bounds.minPerVillage))
        }
        _ = try? network.addArc(from: Self.sink, to: Self.source, cost: 0)
        let first = network.arcCount
        for i in 0..<rows {
            inGraph.forEach(row: i) { j in
                if let c = grid.cost(i, j) {
                    _ = try? network.addArc(from: 2 + i, to: 2 + rows + j, capacity: 1, cost: c)
                    pairFirm.append(Int32(i))
                    pairVillage.append(Int32(j))
                }
            }
        }
        return Built(
            network: network, labels: [], pairFirm: pairFirm, pairVillage: pairVillage, firstPairArc: first)
    }

    /// Folds the network's unused pair arcs into `best` (least reduced cost, then cost, then firm).
    func bestUnused(
        _ s: FlowSolution, _ built: Built, rows: Int,
        into best: inout [(firm: Int, reduced: Int64, cost: Int64)?]
    ) {
        for a in built.firstPairArc..<built.network.arcCount where s.flows[a] == 0 {
            let i = Int(built.pairFirm[a - built.firstPairArc]),
                j = Int(built.pairVillage[a - built.firstPairArc])
            let c = built.network.cost[a]
            let reduced = c + s.potentials[2 + i] - s.potentials[2 + rows + j]
            if let b = best[j], (b.reduced, b.cost, b.firm) <= (reduced, c, i) { continue }
            best[j] = (i, reduced, c)
        }
    }

    func labels(_ grid: CostGrid, _ firms: [PairingFirm], _ villages: [PairingVillage]) -> [String] {
        ["source", "sink"] + firms.map { "firm:\($0.id)" } + villages.map { "village:\($0.code)" }
    }

    func makePlan(
        _ s: FlowSolution, _ built: Built, _ grid: CostGrid,
        outside: [(firm: Int, reduced: Int64, cost: Int64)?], candidates: Int, solves: Int
    ) -> PairingPlan {
        var pairs: [PairingPlan.Pair] = []
        // Next best per village: the unpaired allowed firm of least reduced cost (then cost, index),
        // among the network's unused pair arcs and the pairs left out of it (`outside` has both).
        let best = outside
        for a in built.firstPairArc..<built.network.arcCount where s.flows[a] > 0 {
            let i = Int(built.pairFirm[a - built.firstPairArc]),
                j = Int(built.pairVillage[a - built.firstPairArc])
            pairs.append(.init(firm: i, village: j, parts: model.parts(grid.firms[i], grid.villages[j])))
        }
        pairs.sort { ($0.village, $0.firm) < ($1.village, $1.firm) }
        let nextBest = best.enumerated().map { j, b in
            b.map {
                PairingPlan.NextBest(
                    firm: $0.firm, parts: model.parts(grid.firms[$0.firm], grid.villages[j]),
                    extraCost: max(0, $0.reduced))
            }
        }
        return PairingPlan(
            pairs: pairs, objective: s.cost, nextBest: nextBest,
            network: PairingNetwork(
                flow: built.network, labels: labels(grid, grid.firms, grid.villages), flows: s.flows),
            candidates: candidates, solves: solves)
    }

    func report(_ why: FlowInfeasibility, _ built: Built, _ grid: CostGrid, firms: [PairingFirm])
        -> PairingInfeasibility
    {
        let rows = grid.rows
        let villageNode = 2 + rows
        var reach = [Int](repeating: 0, count: grid.columns)
        for v in built.pairVillage { reach[Int(v)] += 1 }
        var uncovered: [PairingInfeasibility.Uncovered] = []
        var firmsShort: Int64 = 0
        for u in why.unmet {
            if u.node >= villageNode {
                let j = u.node - villageNode
                uncovered.append(
                    .init(
                        village: j, shortfall: u.amount, reachableFirms: reach[j],
                        reason: reach[j] == 0
                            ? .noFirmWithinReach : reach[j] < bounds.minPerVillage ? .tooFewFirms : .firmsFull
                    ))
            } else {
                firmsShort += u.amount
            }
        }
        uncovered.sort { $0.village < $1.village }
        let cutVillages = why.nodes.filter { $0 >= villageNode }.map { $0 - villageNode }
        // Gale's condition on the cut, in the terms of the network as built: what its villages must
        // pass on (lower bounds of arcs leaving it) against what can enter it (capacities of arcs
        // entering it), and the firms with a pair into it.
        var inCut = [Bool](repeating: false, count: built.network.nodeCount)
        for v in why.nodes { inCut[v] = true }
        var cutDemand: Int64 = 0, cutCapacity: Int64 = 0
        var reaching = Set<Int>()
        let n = built.network
        for a in 0..<n.arcCount {
            let tail = Int(n.from[a]), head = Int(n.to[a])
            if inCut[tail] && !inCut[head] { cutDemand += n.lowerBound[a] }
            if !inCut[tail] && inCut[head] {
                cutCapacity =
                    n.capacity[a] == FlowNetwork.unbounded ? Int64.max : cutCapacity &+ n.capacity[a]
            }
            if a >= built.firstPairArc, inCut[head], head >= villageNode { reaching.insert(tail - 2) }
        }
        let cutFirms = reaching.sorted()
        let capOf: (Int) -> Int64 = { Int64(min(grid.capacity[$0], self.bounds.maxPerFirm)) }
        return PairingInfeasibility(
            uncovered: uncovered, firmsShort: firmsShort, cutVillages: cutVillages, cutFirms: cutFirms,
            cutDemand: cutDemand, cutCapacity: cutCapacity,
            totalMinimum: Int64(grid.columns) * Int64(bounds.minPerVillage),
            totalCapacity: (0..<rows).reduce(Int64(0)) { $0 + capOf($1) })
    }
}
