/// One line of an information-report ranking.
public struct InfoScore: Sendable, Hashable {
    /// The author or chamber.
    public var key: String
    /// Total points.
    public var points: Double
    /// Rank, 1 = best; equal points share the smallest rank (1, 1, 3).
    public var rank: Int
    /// Reports counted.
    public var reports: Int
    /// Adoptions counted.
    public var adoptions: Int
    /// Instructions counted.
    public var instructions: Int

    /// A score line.
    public init(
        key: String, points: Double, rank: Int, reports: Int = 0, adoptions: Int = 0, instructions: Int = 0
    ) {
        self.key = key
        self.points = points
        self.rank = rank
        self.reports = reports
        self.adoptions = adoptions
        self.instructions = instructions
    }
}
