import GSLCore

/// One applied action on a request's timeline: what, from which state to which, when, by whom.
public struct CaseEvent: Sendable, Hashable, Codable {
    /// The request's identifier.
    public var caseID: String
    /// The action with its details (assignee, callback, reason, merge target).
    public var action: CaseAction
    /// The state before the action.
    public var from: CaseState
    /// The state after the action.
    public var to: CaseState
    /// The day the action took effect (SLA clocks count whole working days).
    public var date: LocalDate
    /// Who acted.
    public var actor: String
    /// A free note.
    public var note: String?

    /// An event.
    public init(
        caseID: String, action: CaseAction, from: CaseState, to: CaseState, date: LocalDate,
        actor: String, note: String? = nil
    ) {
        self.caseID = caseID
        self.action = action
        self.from = from
        self.to = to
        self.date = date
        self.actor = actor
        self.note = note
    }
}
