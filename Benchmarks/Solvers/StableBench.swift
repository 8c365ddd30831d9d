import Foundation
import GSLCore
import GSLOptimise

/// Hospital–resident instances with full random preference lists.
enum StableBench {
    static func run(_ args: [String]) {
        guard args.count == 3, let residents = Int(args[0]), let hospitals = Int(args[1]) else {
            Bench.fail("stable RESIDENTS HOSPITALS DIR")
        }
        var rng = SeededGenerator(seed: UInt64(residents * 7919 + hospitals))
        let capacities = (0..<hospitals).map { _ in 3 + Int(rng.next() % 4) }
        let residentLists = (0..<residents).map { _ in Array(0..<hospitals).shuffled(using: &rng) }
        let hospitalLists = (0..<hospitals).map { _ in Array(0..<residents).shuffled(using: &rng) }
        var data: [Int32] = [Int32(residents), Int32(hospitals)]
        data += capacities.map(Int32.init)
        for list in residentLists { data += list.map(Int32.init) }
        for list in hospitalLists { data += list.map(Int32.init) }
        Bench.writeRaw(data, to: "\(args[2])/stable-\(residents)-\(hospitals).i32")
        do {
            let (seconds, matching) = try Bench.time { () throws(OptimiseError) -> StableMatching in
                let instance = try HospitalResidentInstance(
                    residentPreferences: residentLists,
                    hospitalPreferences: hospitalLists, capacities: capacities)
                return DeferredAcceptance.solve(instance, optimalFor: .residents)
            }
            // Summary both sides can compute: matched residents and the sum of their ranks.
            var matched = 0, rankSum = 0
            for (r, h) in matching.residentToHospital.enumerated() where h >= 0 {
                matched += 1
                rankSum += residentLists[r].firstIndex(of: h)!
            }
            Bench.report(seconds, "\(matched):\(rankSum)")
        } catch {
            Bench.fail("stable failed: \(error)")
        }
    }
}
