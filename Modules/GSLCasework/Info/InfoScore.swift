import Foundation

/// One line of an information-report ranking.
public struct InfoScore: Sendable, Hashable {
    /// The author or chamber.
    public var key: String
    /// Total points (exact decimal).
    public var points: Decimal
    /// Rank, 1 = best; equal points share the smallest rank (1, 1, 3).
    public var rank: Int
    /// Reports counted.
    public var reports: Int
    /// Adoptions counted.
    public var adoptions: Int
    /// Instructions counted.
    public var instructions: Int
    /// True for the line of reports without a chamber (grouping by chamber); its `key` is 「（无商会）」.
    public var withoutChamber = false

    /// A score line.
    public init(
        key: String, points: Decimal, rank: Int, reports: Int = 0, adoptions: Int = 0, instructions: Int = 0
    ) {
        self.key = key
        self.points = points
        self.rank = rank
        self.reports = reports
        self.adoptions = adoptions
        self.instructions = instructions
    }
}
