/// A resident and a hospital that would both rather be together than keep their assignment.
public struct BlockingPair: Sendable, Hashable {
    /// The resident.
    public let resident: Int
    /// The hospital.
    public let hospital: Int

    /// A blocking pair.
    public init(resident: Int, hospital: Int) {
        self.resident = resident
        self.hospital = hospital
    }
}
