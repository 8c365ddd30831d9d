import GSLCore
import GSLOptimise
import Testing

@testable import GSLPairing

/// The pruned pricing pass (firms in order of potential, each village's scan cut by a lower bound
/// on the reduced cost) against pricing every pair: the same pairs added, the same next best.
@Suite struct CostGridPricingTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func prunedPricingEqualsPricingEveryPair(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let towns = ["330226101", "330226102", "330281001", "330282001", "330106001"]
        let sections = ["A", "C", "F", "R"]
        let firms = (0..<60).map { i in
            PairingFirm(
                id: Int64(i + 1), name: "f\(i)", regionCode: i % 13 == 0 ? nil : towns[Int(rng.next() % 5)],
                industryCode: nil,
                industrySection: sections[Int(rng.next() % 4)], capacity: 2, budgetFen: 0)
        }
        let villages = (0..<45).map { j in
            PairingVillage(
                code: towns[Int(rng.next() % 5)] + String(200 + j), name: "v\(j)",
                incomeFen: Int64(rng.next() % 100) * 1_000_000, weak: rng.next() % 3 == 0, population: 100,
                needs: rng.next() % 4 == 0 ? [] : [sections[Int(rng.next() % 4)]])
        }
        let within: DistanceLevel = seed % 3 == 0 ? .county : .elsewhere
        let grid = CostGrid(model: .standard, firms: firms, villages: villages, within: within)
        var inGraph = BitGrid(rows: firms.count, columns: villages.count)
        grid.addNearest(k: 3, to: &inGraph)
        // Potentials with many ties; a large village offset makes violations, a small one none.
        let offset: Int64 = seed % 2 == 0 ? -100 : 150
        var potentials = [Int64](repeating: 0, count: 2 + firms.count + villages.count)
        for i in 0..<firms.count { potentials[2 + i] = Int64(rng.next() % 20) * 10 }
        for j in 0..<villages.count { potentials[2 + firms.count + j] = Int64(rng.next() % 10) * 10 + offset }

        // Every pair priced.
        var expectedGraph = inGraph
        var expectedAdded = 0
        // Half the villages start with a next best already (as from the network's unused arcs).
        var seeded = [(firm: Int, reduced: Int64, cost: Int64)?](repeating: nil, count: villages.count)
        for j in 0..<villages.count where j % 2 == 0 {
            seeded[j] = (Int(rng.next() % 60), Int64(rng.next() % 60), Int64(rng.next() % 200))
        }
        var expectedBest = seeded
        for i in 0..<firms.count {
            for j in 0..<villages.count where !inGraph.contains(i, j) {
                guard let c = grid.cost(i, j) else { continue }
                let reduced = c + potentials[2 + i] - potentials[2 + firms.count + j]
                if reduced < 0 {
                    expectedGraph.set(i, j)
                    expectedAdded += 1
                } else if expectedBest[j].map({ ($0.reduced, $0.cost, $0.firm) > (reduced, c, i) }) ?? true {
                    expectedBest[j] = (i, reduced, c)
                }
            }
        }
        var graph = inGraph
        var best = seeded
        let added = grid.addViolating(potentials: potentials, to: &graph, best: &best)
        #expect(added == expectedAdded)
        for i in 0..<firms.count {
            for j in 0..<villages.count { #expect(graph.contains(i, j) == expectedGraph.contains(i, j)) }
        }
        if added == 0 {
            for j in 0..<villages.count {
                #expect(best[j]?.firm == expectedBest[j]?.firm)
                #expect(best[j]?.reduced == expectedBest[j]?.reduced)
                #expect(best[j]?.cost == expectedBest[j]?.cost)
            }
        }
        if offset < 0 { #expect(added == 0) }
        if offset > 0 { #expect(added > 0) }
    }
}
