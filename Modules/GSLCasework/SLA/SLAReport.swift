import GSLCore

/// Both clocks of a request on a given day.
public struct SLAReport: Sendable, Hashable {
    /// The request's identifier.
    public var caseID: String
    /// The first-response clock, or nil in a reopen cycle (a reopened request was already responded to).
    public var firstResponse: SLAStatus?
    /// The resolution clock.
    public var resolution: SLAStatus

    /// The higher level of the two clocks.
    public var level: SLALevel { max(firstResponse?.level ?? .none, resolution.level) }
    /// Whether a running clock is past its due date.
    public var isOverdue: Bool { level >= .l2 }
    /// The clocks that exist, first response first.
    public var statuses: [SLAStatus] { [firstResponse, resolution].compactMap { $0 } }
}
