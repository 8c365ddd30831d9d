import GSLCore

/// How `gsl event stats` groups its figures.
public enum EventStatsGrouping: String, Sendable, Hashable, CaseIterable {
    /// By event type.
    case type
    /// By organiser (the federation or a chamber).
    case organiser
    /// By calendar month (of the session, or of the outcome).
    case month
}

/// The figures of one group over a period: events with a session in it, those sessions, person-times
/// (one per attendance), unique people, and outcomes dated in it.
public struct EventStatsRow: Sendable, Hashable {
    /// The group's key (type code, organiser id, `YYYY-MM`; `total` for all).
    public var key: String
    /// The group's name (type label, organiser name, month).
    public var name: String
    /// Events with at least one session in the period.
    public var events: Int
    /// Sessions in the period.
    public var sessions: Int
    /// Attendances (人次).
    public var personTimes: Int
    /// Distinct people who attended (人数).
    public var uniquePeople: Int
    /// Outcomes dated in the period.
    public var outcomes: Int
    /// Their amount.
    public var amount: Money

    /// A row.
    public init(
        key: String, name: String, events: Int = 0, sessions: Int = 0, personTimes: Int = 0,
        uniquePeople: Int = 0,
        outcomes: Int = 0, amount: Money = .zero
    ) {
        self.key = key
        self.name = name
        self.events = events
        self.sessions = sessions
        self.personTimes = personTimes
        self.uniquePeople = uniquePeople
        self.outcomes = outcomes
        self.amount = amount
    }
}
