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
    /// Position of each hospital in each resident's list.
    let residentRanks: PreferenceRanks
    /// Position of each resident in each hospital's list.
    let hospitalRanks: PreferenceRanks

    /// Two instances are equal when their lists and capacities are.
    public static func == (a: HospitalResidentInstance, b: HospitalResidentInstance) -> Bool {
        a.residentPreferences == b.residentPreferences && a.hospitalPreferences == b.hospitalPreferences
            && a.capacities == b.capacities
    }

    /// Number of residents.
    public var residentCount: Int { residentPreferences.count }
    /// Number of hospitals.
    public var hospitalCount: Int { hospitalPreferences.count }

    /// An instance; indices out of range, repeated entries and negative capacities are rejected.
    public init(residentPreferences: [[Int]], hospitalPreferences: [[Int]], capacities: [Int])
        throws(OptimiseError)
    {
        let residents = residentPreferences.count, hospitals = hospitalPreferences.count
        guard capacities.count == hospitals else {
            throw .invalidInput("\(capacities.count) capacities for \(hospitals) hospitals")
        }
        if let h = capacities.firstIndex(where: { $0 < 0 }) {
            throw .invalidInput("hospital \(h): negative capacity \(capacities[h])")
        }
        do {
            residentRanks = try PreferenceRanks(residentPreferences, others: hospitals)
        } catch {
            throw .invalidInput(
                error.repeated
                    ? "resident \(error.owner) lists hospital \(error.entry) twice"
                    : "resident \(error.owner), choice \(error.position): no hospital \(error.entry)")
        }
        do {
            hospitalRanks = try PreferenceRanks(hospitalPreferences, others: residents)
        } catch {
            throw .invalidInput(
                error.repeated
                    ? "hospital \(error.owner) lists resident \(error.entry) twice"
                    : "hospital \(error.owner), choice \(error.position): no resident \(error.entry)")
        }
        self.residentPreferences = residentPreferences
        self.hospitalPreferences = hospitalPreferences
        self.capacities = capacities
    }

    /// A one-to-one (stable marriage) instance: every hospital has capacity 1.
    public static func oneToOne(proposerPreferences: [[Int]], receiverPreferences: [[Int]])
        throws(OptimiseError) -> HospitalResidentInstance
    {
        try HospitalResidentInstance(
            residentPreferences: proposerPreferences, hospitalPreferences: receiverPreferences,
            capacities: Array(repeating: 1, count: receiverPreferences.count))
    }
}
