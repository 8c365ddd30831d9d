/// A hospital–resident instance: residents and hospitals rank each other (lists may be
/// incomplete), and each hospital takes up to its capacity. A pair is acceptable only when each
/// side lists the other.
public struct HospitalResidentInstance: Sendable, Equatable {
    /// Each resident's hospitals, most preferred first.
    public let residentPreferences: [[Int]]
    /// Each hospital's residents, most preferred first.
    public let hospitalPreferences: [[Int]]
    /// Each hospital's number of places.
    public let capacities: [Int]

    /// Number of residents.
    public var residentCount: Int { residentPreferences.count }
    /// Number of hospitals.
    public var hospitalCount: Int { hospitalPreferences.count }

    /// An instance; indices out of range, repeated entries and negative capacities are rejected.
    public init(residentPreferences: [[Int]], hospitalPreferences: [[Int]], capacities: [Int]) throws(OptimizeError) {
        let residents = residentPreferences.count, hospitals = hospitalPreferences.count
        guard capacities.count == hospitals else {
            throw .invalidInput("\(capacities.count) capacities for \(hospitals) hospitals")
        }
        if let h = capacities.firstIndex(where: { $0 < 0 }) {
            throw .invalidInput("hospital \(h): negative capacity \(capacities[h])")
        }
        var seen = [Int](repeating: -1, count: max(residents, hospitals))
        for (r, list) in residentPreferences.enumerated() {
            for (k, h) in list.enumerated() {
                guard (0..<hospitals).contains(h) else { throw .invalidInput("resident \(r), choice \(k): no hospital \(h)") }
                guard seen[h] != r else { throw .invalidInput("resident \(r) lists hospital \(h) twice") }
                seen[h] = r
            }
        }
        for i in seen.indices { seen[i] = -1 }
        for (h, list) in hospitalPreferences.enumerated() {
            for (k, r) in list.enumerated() {
                guard (0..<residents).contains(r) else { throw .invalidInput("hospital \(h), choice \(k): no resident \(r)") }
                guard seen[r] != h else { throw .invalidInput("hospital \(h) lists resident \(r) twice") }
                seen[r] = h
            }
        }
        self.residentPreferences = residentPreferences
        self.hospitalPreferences = hospitalPreferences
        self.capacities = capacities
    }

    /// A one-to-one (stable marriage) instance: every hospital has capacity 1.
    public static func oneToOne(proposerPreferences: [[Int]], receiverPreferences: [[Int]]) throws(OptimizeError) -> HospitalResidentInstance {
        try HospitalResidentInstance(residentPreferences: proposerPreferences, hospitalPreferences: receiverPreferences,
                                     capacities: Array(repeating: 1, count: receiverPreferences.count))
    }
}
