import GSLCore

/// Who changes the store and by which command; recorded with every audit entry.
public struct MutationContext: Sendable {
    /// The person acting (`--actor`, `$GSL_ACTOR`, or the login name).
    public var actor: String
    /// The command line that caused the change, e.g. `org import firms.csv`.
    public var command: String
    /// The instant recorded in the audit log (UTC ISO-8601).
    public var at: String

    /// A context with an explicit time.
    public init(actor: String, command: String, at: String) {
        self.actor = actor
        self.command = command
        self.at = at
    }

    /// The day in Beijing time of `at`: what "today" means for a change made in this context (a
    /// membership without a start date starts on it). Repositories take the day from here or from
    /// a parameter, never from the clock.
    public var day: LocalDate {
        // `at` is UTC ISO-8601 text; Beijing is UTC+8 all year.
        guard at.count >= 13, let utcDay = try? LocalDate.parse(String(at.prefix(10))),
            let hour = Int(at.dropFirst(11).prefix(2))
        else { return LocalDate(dayNumber: 0) }  // `at` is always written by Timestamp
        return hour >= 16 ? utcDay.adding(days: 1) : utcDay
    }

    /// A context stamped now (for the app's edge and tests: the one place a context reads the
    /// clock).
    public init(actor: String, command: String) {
        self.init(actor: actor, command: command, at: Timestamp.now())
    }
}
