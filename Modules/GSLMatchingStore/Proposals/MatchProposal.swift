import GSLCore
import GSLMatching

/// A stored match proposal (推荐) with both postings' titles and organisations and its outcome.
public struct MatchProposal: Sendable, Hashable {
    /// The record id.
    public var id: Int64
    /// The market run that made it (nil for a single recommendation taken up by hand).
    public var runID: Int64?
    /// The demand posting.
    public var demandID: Int64
    /// Its title.
    public var demandTitle: String
    /// Its organisation.
    public var demandOrg: String
    /// The supply posting.
    public var supplyID: Int64
    /// Its title.
    public var supplyTitle: String
    /// Its organisation.
    public var supplyOrg: String
    /// The kind.
    public var kind: PostingKind
    /// The score when proposed.
    public var score: Double
    /// Every feature's contribution when proposed (sums to `score`).
    public var parts: [MatchExplanation.Part]
    /// The follow-through state.
    public var state: MatchState
    /// The day proposed.
    public var proposedOn: String
    /// The deal's amount.
    public var dealAmount: Money?
    /// The deal's day.
    public var dealOn: String?
    /// Talents hired.
    public var hires: Int?
    /// Their salary band (as typed, e.g. 100万以上).
    public var salaryBand: String?
    /// Why it failed.
    public var failReason: String?
    /// Optimistic-lock version.
    public var version: Int64
}

/// One follow-through step as logged.
public struct MatchEvent: Sendable, Hashable {
    /// The step.
    public var step: MatchStep
    /// The state before (nil for the proposal itself).
    public var from: MatchState?
    /// The state after.
    public var to: MatchState
    /// The day.
    public var date: String
    /// Who recorded it.
    public var actor: String
    /// A note.
    public var note: String?
}

/// A proposal with its log.
public struct MatchProposalView: Sendable, Hashable {
    /// The proposal.
    public let proposal: MatchProposal
    /// Its steps, oldest first.
    public let events: [MatchEvent]
}
