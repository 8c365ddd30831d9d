import GSLCore

/// One clock's position on a given day.
public struct SLAStatus: Sendable, Hashable {
    /// Which deadline.
    public var kind: SLAClockKind
    /// The day the clock started (receipt or reopen); it starts counting the next working day.
    public var start: LocalDate
    /// The deadline in working days.
    public var target: Int
    /// The last day that is still on time, pauses included so far.
    public var due: LocalDate
    /// Working days counted so far (paused days excluded).
    public var elapsed: Int
    /// Working days the clock stood still while the request was pending.
    public var pausedWorkdays: Int
    /// The day the clock stopped, or nil while it runs.
    public var stoppedOn: LocalDate?
    /// The level: `.none` once stopped.
    public var level: SLALevel
    /// Whether the calendar knows the holidays of every year from the start to the due date and
    /// the evaluation day; when false, days in unknown years were counted as plain Monday–Friday.
    public var withinCalendar: Bool

    /// elapsed / target.
    public var share: Double { Double(elapsed) / Double(target) }
    /// Working days left before the due date (negative when overdue).
    public var remaining: Int { target - elapsed }
    /// Working days past the due date (0 when not overdue).
    public var overdueWorkdays: Int { max(0, elapsed - target) }
    /// Whether the clock is still running.
    public var isRunning: Bool { stoppedOn == nil }
    /// For a stopped clock: whether it stopped on time; nil while it runs.
    public var met: Bool? { stoppedOn == nil ? nil : elapsed <= target }
}
