import GSLCore

/// What the escalation engine needs about one request: its events, its policy and the
/// escalations already recorded.
public struct SLAHistory: Sendable, Hashable {
    /// The request's identifier.
    public var caseID: String
    /// The policy chosen for it.
    public var policy: SLAPolicy
    /// Its events in the order they happened.
    public var events: [CaseEvent]
    /// Escalations recorded earlier.
    public var escalations: [Escalation]

    /// A history.
    public init(caseID: String, policy: SLAPolicy, events: [CaseEvent], escalations: [Escalation] = []) {
        self.caseID = caseID
        self.policy = policy
        self.events = events
        self.escalations = escalations
    }
}
