import GSLCore

/// One escalation of a request's clock to a level (L1 提醒, L2 催办, L3 通报).
public struct Escalation: Sendable, Hashable, Codable {
    /// The request's identifier.
    public var caseID: String
    /// Which clock.
    public var clock: SLAClockKind
    /// The level reached.
    public var level: SLALevel
    /// The start day of the cycle (receipt or reopen) the escalation belongs to.
    public var cycleStart: LocalDate
    /// The clock's due date when the escalation was found.
    public var due: LocalDate
    /// The day the escalation was found due (and is recorded).
    public var date: LocalDate

    /// An escalation.
    public init(
        caseID: String, clock: SLAClockKind, level: SLALevel, cycleStart: LocalDate, due: LocalDate,
        date: LocalDate
    ) {
        self.caseID = caseID
        self.clock = clock
        self.level = level
        self.cycleStart = cycleStart
        self.due = due
        self.date = date
    }
}
