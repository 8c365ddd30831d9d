import GSLCore
import Testing

@testable import GSLOptimise

/// A random instance with incomplete lists (each pair listed with probability `density` on each side).
func randomInstance(
    residents: Int, hospitals: Int, density: Double, maxCapacity: Int,
    using rng: inout SeededGenerator
) throws -> HospitalResidentInstance {
    let residentLists = (0..<residents).map { _ in
        (0..<hospitals).filter { _ in Double.random(in: 0..<1, using: &rng) < density }.shuffled(using: &rng)
    }
    let hospitalLists = (0..<hospitals).map { _ in
        (0..<residents).filter { _ in Double.random(in: 0..<1, using: &rng) < density }.shuffled(using: &rng)
    }
    let capacities = (0..<hospitals).map { _ in Int.random(in: 0...maxCapacity, using: &rng) }
    return try HospitalResidentInstance(
        residentPreferences: residentLists, hospitalPreferences: hospitalLists,
        capacities: capacities)
}

/// Every stable matching of a tiny instance, by enumeration.
func allStableMatchings(_ instance: HospitalResidentInstance) -> [[Int]] {
    var results: [[Int]] = []
    var current = [Int](repeating: -1, count: instance.residentCount)
    func go(_ r: Int) {
        if r == instance.residentCount {
            let m = StableMatching(residentToHospital: current, instance: instance)
            if StabilityChecker.check(instance, m).isStable { results.append(current) }
            return
        }
        for h in [-1] + instance.residentPreferences[r] {
            current[r] = h
            go(r + 1)
        }
        current[r] = -1
    }
    go(0)
    return results
}

@Suite struct StableMatchingTests {
    @Test func classicMarriage() throws {
        let instance = try HospitalResidentInstance.oneToOne(
            proposerPreferences: [[0, 1, 2], [1, 0, 2], [0, 1, 2]],
            receiverPreferences: [[1, 0, 2], [0, 1, 2], [0, 1, 2]])
        let ro = DeferredAcceptance.solve(instance, optimalFor: .residents)
        let ho = DeferredAcceptance.solve(instance, optimalFor: .hospitals)
        #expect(ro.residentToHospital == [0, 1, 2])
        #expect(ho.residentToHospital == [1, 0, 2])
        #expect(StabilityChecker.check(instance, ro).isStable)
        #expect(StabilityChecker.check(instance, ho).isStable)
    }

    @Test func checkerFindsBlockingPairsAndViolations() throws {
        let instance = try HospitalResidentInstance(
            residentPreferences: [[0, 1], [0], [1]], hospitalPreferences: [[1, 0], [0, 2]],
            capacities: [1, 1])
        let bad = StableMatching(residentToHospital: [0, -1, 1], instance: instance)
        let report = StabilityChecker.check(instance, bad)
        #expect(report.blockingPairs == [BlockingPair(resident: 1, hospital: 0)])
        #expect(report.violations.isEmpty)
        let over = StableMatching(residentToHospital: [0, 0, -1], instance: instance)
        #expect(StabilityChecker.check(instance, over).violations.count == 1)
        let unacceptable = StableMatching(residentToHospital: [-1, 1, -1], instance: instance)
        #expect(!StabilityChecker.check(instance, unacceptable).violations.isEmpty)
    }

    @Test func tinyInstancesMatchEnumeration() throws {
        var rng = SeededGenerator(seed: 314)
        for _ in 0..<150 {
            let instance = try randomInstance(
                residents: 5, hospitals: 3, density: 0.7, maxCapacity: 2, using: &rng)
            let stable = allStableMatchings(instance)
            #expect(!stable.isEmpty)
            let ro = DeferredAcceptance.solve(instance, optimalFor: .residents)
            let ho = DeferredAcceptance.solve(instance, optimalFor: .hospitals)
            #expect(stable.contains(ro.residentToHospital))
            #expect(stable.contains(ho.residentToHospital))
            // Resident-optimal: no resident does better in any stable matching; hospital-optimal is
            // the residents' worst.
            func rank(_ r: Int, _ h: Int) -> Int {
                h < 0 ? Int.max : instance.residentPreferences[r].firstIndex(of: h)!
            }
            for s in stable {
                for r in 0..<instance.residentCount {
                    #expect(rank(r, ro.residentToHospital[r]) <= rank(r, s[r]))
                    #expect(rank(r, ho.residentToHospital[r]) >= rank(r, s[r]))
                }
            }
        }
    }

    @Test func largerRandomInstancesAreStable() throws {
        var rng = SeededGenerator(seed: 2718)
        for trial in 0..<10 {
            let instance = try randomInstance(
                residents: 200, hospitals: 30, density: trial % 2 == 0 ? 1 : 0.2,
                maxCapacity: 8, using: &rng)
            let ro = DeferredAcceptance.solve(instance, optimalFor: .residents)
            let ho = DeferredAcceptance.solve(instance, optimalFor: .hospitals)
            #expect(StabilityChecker.check(instance, ro).isStable)
            #expect(StabilityChecker.check(instance, ho).isStable)
            // Rural hospitals theorem: the same residents are matched and every hospital fills
            // the same number of places in both.
            #expect(ro.residentToHospital.map { $0 >= 0 } == ho.residentToHospital.map { $0 >= 0 })
            #expect(ro.hospitalResidents.map(\.count) == ho.hospitalResidents.map(\.count))
            for h in 0..<instance.hospitalCount {
                #expect(ro.hospitalResidents[h].count <= instance.capacities[h])
            }
        }
    }

    @Test func rankTableAgrees() throws {
        let lists = [[3, 1], [], [0, 2, 1]]
        let ranks = try PreferenceRanks(lists, others: 4)
        #expect(ranks.rank(0, 3) == 0 && ranks.rank(0, 1) == 1 && ranks.rank(0, 0) == .max)
        #expect(ranks.rank(2, 1) == 2 && ranks.rank(1, 0) == .max)
    }

    @Test func malformedInstances() {
        #expect(throws: OptimiseError.self) {
            try HospitalResidentInstance(
                residentPreferences: [[0, 0]], hospitalPreferences: [[0]], capacities: [1])
        }
        #expect(throws: OptimiseError.self) {
            try HospitalResidentInstance(
                residentPreferences: [[1]], hospitalPreferences: [[0]], capacities: [1])
        }
        #expect(throws: OptimiseError.self) {
            try HospitalResidentInstance(
                residentPreferences: [[0]], hospitalPreferences: [[0]], capacities: [-1])
        }
    }
}
