/// A village (村委会) as the planner sees it: where it is, how weak it is and what it needs.
public struct PairingVillage: Sendable, Equatable {
    /// The 12-digit village code.
    public let code: String
    /// Its name.
    public let name: String
    /// Collective-economy income (村集体经济收入) in fen.
    public let incomeFen: Int64
    /// Whether it is listed as a weak village (薄弱村).
    public let weak: Bool
    /// Resident population.
    public let population: Int
    /// Industry tags it needs: GB/T 4754 section letters (`A`) or division codes (`13`, longer codes
    /// count by their first two digits).
    public let needs: [String]

    /// A village.
    public init(code: String, name: String, incomeFen: Int64, weak: Bool, population: Int, needs: [String]) {
        self.code = code
        self.name = name
        self.incomeFen = incomeFen
        self.weak = weak
        self.population = population
        self.needs = needs
    }

    /// The 9-digit town code.
    public var townCode: String { String(code.prefix(9)) }
    /// The 6-digit county code.
    public var countyCode: String { String(code.prefix(6)) }
}
