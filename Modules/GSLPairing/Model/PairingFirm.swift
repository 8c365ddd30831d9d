/// A member enterprise as the planner sees it: where it is, its industry and how many villages it
/// can take.
public struct PairingFirm: Sendable, Equatable {
    /// The organisation id.
    public let id: Int64
    /// Its name.
    public let name: String
    /// Its division code (any level; nil when unknown).
    public let regionCode: String?
    /// GB/T 4754 class or division code (nil when unknown).
    public let industryCode: String?
    /// GB/T 4754 section letter (nil when unknown).
    public let industrySection: String?
    /// Villages it can take.
    public let capacity: Int
    /// Budget for the year in fen.
    public let budgetFen: Int64

    /// A firm.
    public init(
        id: Int64, name: String, regionCode: String?, industryCode: String?, industrySection: String?,
        capacity: Int, budgetFen: Int64
    ) {
        self.id = id
        self.name = name
        self.regionCode = regionCode
        self.industryCode = industryCode
        self.industrySection = industrySection
        self.capacity = capacity
        self.budgetFen = budgetFen
    }
}
