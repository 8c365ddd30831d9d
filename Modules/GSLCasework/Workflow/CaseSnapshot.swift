import GSLCore

/// What the workflow needs to know about a request to judge the next action.
public struct CaseSnapshot: Sendable, Hashable, Codable {
    /// The request's identifier.
    public var id: String
    /// Its current state.
    public var state: CaseState
    /// The latest callback and its day, if any (decides whether a reopen is allowed).
    public var lastCallback: Callback?
    /// The day of `lastCallback`.
    public var lastCallbackDate: LocalDate?
    /// The day of the latest event; a new action may not be dated earlier.
    public var lastEventDate: LocalDate?

    /// A snapshot.
    public init(
        id: String, state: CaseState, lastCallback: Callback? = nil, lastCallbackDate: LocalDate? = nil,
        lastEventDate: LocalDate? = nil
    ) {
        self.id = id
        self.state = state
        self.lastCallback = lastCallback
        self.lastCallbackDate = lastCallbackDate
        self.lastEventDate = lastEventDate
    }

    /// This snapshot after `event` (state moved; a callback remembered).
    public func applying(_ event: CaseEvent) -> CaseSnapshot {
        var copy = self
        copy.state = event.to
        copy.lastEventDate = max(copy.lastEventDate ?? event.date, event.date)
        if case .evaluate(let callback) = event.action {
            copy.lastCallback = callback
            copy.lastCallbackDate = event.date
        }
        return copy
    }

    /// The snapshot after replaying `events` in order from a draft.
    public static func replay(id: String, events: [CaseEvent]) -> CaseSnapshot {
        events.reduce(CaseSnapshot(id: id, state: .draft)) { $0.applying($1) }
    }
}
