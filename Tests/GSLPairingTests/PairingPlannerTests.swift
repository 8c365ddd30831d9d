import GSLCore
import GSLOptimise
import GSLPairing
import Testing

/// The planner on instances small enough to solve by hand, its infeasibility reports, its refusals,
/// and the sparse (candidate) network against the full one.
@Suite struct PairingPlannerTests {
    // Firm A in town 330226102 (manufacturing, 13), firm B in town 330226103 (agriculture, 01).
    func firms(capacityA: Int = 2, capacityB: Int = 2) -> [PairingFirm] {
        [
            PairingFirm(
                id: 1, name: "A", regionCode: "330226102", industryCode: "1310", industrySection: "C",
                capacity: capacityA, budgetFen: 0),
            PairingFirm(
                id: 2, name: "B", regionCode: "330226103", industryCode: "0111", industrySection: "A",
                capacity: capacityB, budgetFen: 0),
        ]
    }

    // v1: A's town, weak, needs C; v2: A's town, not weak, needs A; v3: B's town, weak, no needs.
    let villages = [
        PairingVillage(
            code: "330226102201", name: "v1", incomeFen: 0, weak: true, population: 900, needs: ["C"]),
        PairingVillage(
            code: "330226102202", name: "v2", incomeFen: 0, weak: false, population: 900, needs: ["A"]),
        PairingVillage(
            code: "330226103201", name: "v3", incomeFen: 0, weak: true, population: 900, needs: []),
    ]

    let one = PairingBounds(minPerVillage: 1, maxPerVillage: 1, minPerFirm: 0, maxPerFirm: 2, candidates: 0)

    func plan(_ outcome: PairingOutcome) -> PairingPlan? {
        if case .plan(let p) = outcome { return p }
        return nil
    }

    @Test func costPartsByHand() {
        let model = PairingCostModel.standard
        let f = firms()
        // Same town, fits, weak: only the base.
        #expect(model.parts(f[0], villages[0]).total == 1)
        // Same town, misfit (A's section C is not needed by v2), not weak: 1 + 40 + 20.
        #expect(model.parts(f[0], villages[1]).total == 61)
        // Same county, no needs named (fits), weak: 1 + 30.
        #expect(
            model.parts(f[0], villages[2])
                == PairingCostParts(base: 1, level: .county, distance: 30, fits: true, fit: 0, priority: 0))
        // Division tags match by the first two digits of the firm's code.
        let byCode = PairingVillage(
            code: "330226102203", name: "v", incomeFen: 35_000_000, weak: false, population: 1, needs: ["13"])
        #expect(model.parts(f[0], byCode).fits)
        // Income adds one point per 10万元: 35万元 → 3.
        #expect(model.priority(byCode) == 23)
        #expect(DistanceLevel.between(firmRegion: "330281", village: "330226102201") == .city)
        #expect(DistanceLevel.between(firmRegion: nil, village: "330226102201") == .elsewhere)
    }

    @Test func optimalPlanByHand() throws {
        let p = try #require(plan(try PairingPlanner(bounds: one).plan(firms: firms(), villages: villages)))
        // v1–A 1, v2–B 51, v3–B 1.
        #expect(p.objective == 53)
        #expect(p.pairs.map { [$0.village, $0.firm] } == [[0, 0], [1, 1], [2, 1]])
        // With B able to take one village, v2 goes to A: 1 + 61 + 1.
        let tight = try #require(
            plan(try PairingPlanner(bounds: one).plan(firms: firms(capacityB: 1), villages: villages)))
        #expect(tight.objective == 63)
        // Next best for v1 is B at 71; forcing it in costs at least its reduced cost.
        let next = try #require(p.nextBest[0])
        #expect(next.firm == 1 && next.parts.total == 71 && next.extraCost > 0)
    }

    @Test func extraPartnersGoToWeakVillagesFirst() throws {
        // One firm that must take two villages, each village at most two partners, two villages in
        // the same town that differ only by weakness: the mandatory pair of each plus … the firm's
        // second village is the weak one.
        let f = [
            PairingFirm(
                id: 1, name: "A", regionCode: "330226102", industryCode: nil, industrySection: nil,
                capacity: 1, budgetFen: 0),
            PairingFirm(
                id: 2, name: "B", regionCode: "330226102", industryCode: nil, industrySection: nil,
                capacity: 1, budgetFen: 0),
            PairingFirm(
                id: 3, name: "C", regionCode: "330226102", industryCode: nil, industrySection: nil,
                capacity: 1, budgetFen: 0),
        ]
        let v = [
            PairingVillage(
                code: "330226102201", name: "strong", incomeFen: 90_000_000, weak: false, population: 1,
                needs: []),
            PairingVillage(
                code: "330226102202", name: "weak", incomeFen: 0, weak: true, population: 1, needs: []),
        ]
        let bounds = PairingBounds(
            minPerVillage: 1, maxPerVillage: 2, minPerFirm: 1, maxPerFirm: 1, candidates: 0)
        let p = try #require(plan(try PairingPlanner(bounds: bounds).plan(firms: f, villages: v)))
        #expect(p.pairs.filter { $0.village == 1 }.count == 2)
        #expect(p.pairs.filter { $0.village == 0 }.count == 1)
    }

    @Test func infeasibleWhenCapacityIsShort() throws {
        let outcome = try PairingPlanner(bounds: one).plan(
            firms: firms(capacityA: 1, capacityB: 1), villages: villages)
        guard case .infeasible(let why) = outcome else {
            Issue.record("expected infeasible")
            return
        }
        #expect(why.uncovered.count == 1 && why.uncovered[0].shortfall == 1)
        #expect(why.uncovered[0].reason == .firmsFull)
        #expect(why.totalMinimum == 3 && why.totalCapacity == 2)
        #expect(why.cutDemand > why.cutCapacity)
    }

    @Test func infeasibleWhenNoFirmIsNearEnough() throws {
        var bounds = one
        bounds.within = .town
        let outcome = try PairingPlanner(bounds: bounds).plan(
            firms: [firms(capacityA: 3)[0]], villages: villages)
        guard case .infeasible(let why) = outcome else {
            Issue.record("expected infeasible")
            return
        }
        #expect(why.uncovered.map(\.village) == [2])
        #expect(why.uncovered[0].reason == .noFirmWithinReach && why.uncovered[0].reachableFirms == 0)
    }

    @Test func refusals() throws {
        #expect {
            try PairingPlanner(bounds: one).plan(firms: firms(capacityA: 0), villages: villages)
        } throws: { ($0 as? GSLError)?.cause == .pairingFirmNoCapacity }
        var bad = one
        bad.minPerVillage = 4
        #expect {
            try PairingPlanner(bounds: bad).plan(firms: firms(), villages: villages)
        } throws: { ($0 as? GSLError)?.cause == .pairingBoundsInvalid }
        #expect {
            try PairingPlanner(bounds: one).plan(firms: [], villages: villages)
        } throws: { ($0 as? GSLError)?.cause == .pairingEmptySelection }
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func sparseNetworkFindsTheFullOptimum(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let towns = ["330226101", "330226102", "330226103", "330281001", "330281002"]
        let sections = ["A", "C", "F", "R"]
        let firms = (0..<40).map { i in
            PairingFirm(
                id: Int64(i + 1), name: "f\(i)", regionCode: towns[Int(rng.next() % 5)], industryCode: nil,
                industrySection: sections[Int(rng.next() % 4)], capacity: 1 + Int(rng.next() % 3),
                budgetFen: 0)
        }
        let villages = (0..<30).map { j in
            PairingVillage(
                code: towns[Int(rng.next() % 5)] + String(200 + j), name: "v\(j)",
                incomeFen: Int64(rng.next() % 100) * 1_000_000,
                weak: rng.next() % 3 == 0, population: 100, needs: [sections[Int(rng.next() % 4)]])
        }
        var bounds = PairingBounds(
            minPerVillage: 1, maxPerVillage: 3, minPerFirm: 1, maxPerFirm: 2, candidates: 0)
        let full = try #require(
            plan(try PairingPlanner(bounds: bounds).plan(firms: firms, villages: villages)))
        bounds.candidates = 2
        let sparse = try #require(
            plan(try PairingPlanner(bounds: bounds).plan(firms: firms, villages: villages)))
        #expect(sparse.objective == full.objective)
        // The plan meets its bounds.
        for j in 0..<villages.count {
            let n = sparse.pairs.filter { $0.village == j }.count
            #expect((1...3).contains(n))
        }
        for i in 0..<firms.count {
            let n = sparse.pairs.filter { $0.firm == i }.count
            #expect(n >= 1 && n <= min(2, firms[i].capacity))
        }
        // The reported objective is the sum of the pairs' costs.
        #expect(sparse.pairs.reduce(0) { $0 + $1.parts.total } == sparse.objective)
    }
}
