/// A record that a body adopted a proposal (e.g. 全国政协 at the national level).
public struct ProposalAdoption: Sendable, Hashable {
    /// The proposal.
    public var proposalID: Int64
    /// The level of the adopting body.
    public var level: InfoLevel
    /// The adopting body.
    public var body: String
    /// The day.
    public var date: String

    /// Makes one from its parts.
    public init(
        proposalID: Int64,
        level: InfoLevel,
        body: String,
        date: String
    ) {
        self.proposalID = proposalID
        self.level = level
        self.body = body
        self.date = date
    }
}
