import GSLCore

/// Which open requests an SLA view shows. The same rule serves the CLI, the TUI and the reports, so
/// "overdue" and "due within N" mean one thing everywhere.
public enum SLAFilter: Sendable, Hashable {
    /// Every open request with a clock.
    case all
    /// Requests with a running clock past its due date (level `l2` or above).
    case overdue
    /// Requests with a running clock due within N working days (overdue ones included).
    case dueWithin(workdays: Int)

    /// The latest due date a request can have and still be shown on `today`: the store reads only
    /// requests whose stored due date is on or before it (nil: every open request). Stored due dates
    /// are never later than the true ones (a pause only moves a due date later), so no request
    /// that the filter admits is left out.
    public func candidatesDueBy(today: LocalDate, calendar: WorkCalendar) -> LocalDate? {
        switch self {
        case .all: nil
        case .overdue: today.adding(days: -1)
        case .dueWithin(let n): calendar.adding(workdays: n, to: today)
        }
    }

    /// Whether a request with this report is shown.
    public func admits(_ report: SLAReport) -> Bool {
        switch self {
        case .all: true
        case .overdue: report.isOverdue
        case .dueWithin(let n): report.statuses.contains { $0.isRunning && $0.remaining <= n }
        }
    }
}
