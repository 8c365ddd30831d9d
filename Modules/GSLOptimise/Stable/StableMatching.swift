/// A matching of residents to hospitals.
public struct StableMatching: Sendable, Equatable {
    /// Each resident's hospital, or -1 when unmatched.
    public let residentToHospital: [Int]
    /// Each hospital's residents, in the hospital's order of preference.
    public let hospitalResidents: [[Int]]

    /// The matched pairs `(resident, hospital)` in resident order.
    public var pairs: [(resident: Int, hospital: Int)] {
        residentToHospital.enumerated().compactMap {
            $0.element >= 0 ? (resident: $0.offset, hospital: $0.element) : nil
        }
    }

    /// A matching whose hospital lists are already in preference order.
    init(residentToHospital: [Int], orderedHospitalResidents: [[Int]]) {
        self.residentToHospital = residentToHospital
        hospitalResidents = orderedHospitalResidents
    }

    /// A matching from each resident's hospital (-1 for none), ordering each hospital's residents
    /// by its preferences (unlisted residents last).
    public init(residentToHospital: [Int], instance: HospitalResidentInstance) {
        self.residentToHospital = residentToHospital
        var lists = [[Int]](repeating: [], count: instance.hospitalCount)
        for (h, prefs) in instance.hospitalPreferences.enumerated() {
            for r in prefs where r < residentToHospital.count && residentToHospital[r] == h {
                lists[h].append(r)
            }
        }
        for (r, h) in residentToHospital.enumerated() where h >= 0 && h < lists.count && !lists[h].contains(r)
        {
            lists[h].append(r)
        }
        hospitalResidents = lists
    }
}
