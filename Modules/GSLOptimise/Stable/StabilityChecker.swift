/// Checks a hospital–resident matching for validity and stability.
public enum StabilityChecker {
    /// Lists violations and every blocking pair of `matching` in `instance`.
    public static func check(_ instance: HospitalResidentInstance, _ matching: StableMatching)
        -> StabilityReport
    {
        let residents = instance.residentCount, hospitals = instance.hospitalCount
        var violations: [String] = []
        guard matching.residentToHospital.count == residents else {
            return StabilityReport(
                violations: [
                    "matching has \(matching.residentToHospital.count) residents, instance \(residents)"
                ],
                blockingPairs: [])
        }
        let hospitalRank = instance.hospitalRanks
        let residentRank = instance.residentRanks
        var count = [Int](repeating: 0, count: hospitals)
        var worstRank = [Int32](repeating: -1, count: hospitals)
        for (r, h) in matching.residentToHospital.enumerated() where h >= 0 {
            guard h < hospitals else { violations.append("resident \(r): no hospital \(h)"); continue }
            let hr = hospitalRank.rank(h, r), rr = residentRank.rank(r, h)
            if hr == .max || rr == .max {
                violations.append("resident \(r) and hospital \(h) are not mutually acceptable")
            }
            count[h] += 1
            worstRank[h] = max(worstRank[h], hr)
        }
        for h in 0..<hospitals where count[h] > instance.capacities[h] {
            violations.append("hospital \(h) holds \(count[h]) residents, capacity \(instance.capacities[h])")
        }
        var blocking: [BlockingPair] = []
        for r in 0..<residents {
            let current = matching.residentToHospital[r]
            let limit = current >= 0 && current < hospitals ? Int(residentRank.rank(r, current)) : Int.max
            for (k, h) in instance.residentPreferences[r].enumerated() {
                if k >= limit { break }
                let hr = hospitalRank.rank(h, r)
                if hr == .max || instance.capacities[h] == 0 { continue }
                if count[h] < instance.capacities[h] || hr < worstRank[h] {
                    blocking.append(BlockingPair(resident: r, hospital: h))
                }
            }
        }
        return StabilityReport(violations: violations, blockingPairs: blocking)
    }
}
