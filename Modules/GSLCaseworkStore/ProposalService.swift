import GSLCasework
import GSLCore
import GSLStore

/// A proposal with its timeline and adoption records.
public struct ProposalView: Sendable {
    /// The proposal.
    public let proposal: ProposalRecord
    /// Its events, oldest first.
    public let events: [ProposalEvent]
    /// Its adoptions.
    public let adoptions: [ProposalAdoption]
}

/// Proposals (提案) from filing to closure: what each `gsl proposal` command does is one call
/// here, so that the CLI, the TUI, the annual report and the demo generator do the same thing.
public struct ProposalService: Sendable {
    /// The store.
    public let store: Store
    /// Proposals, their events and adoptions.
    public let proposals: ProposalRepository

    /// The service over `store`.
    public init(store: Store) {
        self.store = store
        proposals = ProposalRepository(store: store)
    }

    /// Files (立案) a proposal and returns it with its filing event (no adoptions yet).
    public func file(
        title: String, proposer: String, chamber: String?, body: String?, date: LocalDate,
        context: MutationContext
    ) throws(GSLError) -> ProposalView {
        let p = try proposals.file(
            title: title, proposer: proposer, chamber: chamber, body: body, date: date, context: context)
        return ProposalView(proposal: p, events: try proposals.events(p.id), adoptions: [])
    }

    /// Applies one action on `date` and returns the proposal with its events and adoptions.
    public func act(
        _ action: ProposalAction, proposalID: Int64, on date: LocalDate, note: String?,
        expectedVersion: Int64?, context: MutationContext
    ) throws(GSLError) -> ProposalView {
        let p = try proposals.act(
            action, proposalID: proposalID, on: date, note: note, expectedVersion: expectedVersion,
            context: context)
        return ProposalView(
            proposal: p, events: try proposals.events(p.id), adoptions: try proposals.adoptions(p.id))
    }

    /// One proposal with its events and adoptions.
    public func show(_ id: Int64) throws(GSLError) -> ProposalView {
        ProposalView(
            proposal: try proposals.get(id), events: try proposals.events(id),
            adoptions: try proposals.adoptions(id))
    }

    /// Proposals filed in `period` (all when nil), optionally in one state, newest first.
    public func list(period: Period?, state: ProposalState?, limit: Int) throws(GSLError) -> [ProposalRecord]
    {
        try proposals.list(period: period, state: state, limit: limit)
    }
}
