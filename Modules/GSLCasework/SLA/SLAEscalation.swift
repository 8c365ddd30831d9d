import GSLCore

/// Finds the escalations that are due and not yet recorded.
///
/// For each running clock at level L1 or above, the escalation at its current level is due unless
/// an escalation at that level or higher is already recorded for the same request, clock and cycle.
/// Levels skipped between two runs are not back-filled: a clock found at L3 records L3 only.
/// Recording the result and running again on the same day returns nothing (idempotent).
public enum SLAEscalation {
    /// The escalations due for one request on `now`.
    public static func due(_ history: SLAHistory, now: LocalDate, clock: SLAClock = SLAClock())
        -> [Escalation]
    {
        guard
            let report = clock.report(
                caseID: history.caseID, events: history.events, policy: history.policy, now: now)
        else { return [] }
        var result: [Escalation] = []
        for status in report.statuses where status.isRunning && status.level.isEscalation {
            let recorded = history.escalations.contains {
                $0.caseID == history.caseID && $0.clock == status.kind && $0.cycleStart == status.start
                    && $0.level >= status.level
            }
            if !recorded {
                result.append(
                    Escalation(
                        caseID: history.caseID, clock: status.kind, level: status.level,
                        cycleStart: status.start, due: status.due, date: now))
            }
        }
        return result
    }

    /// The escalations due for many requests on `now`, in the order of `histories`.
    public static func due(_ histories: [SLAHistory], now: LocalDate, clock: SLAClock = SLAClock())
        -> [Escalation]
    {
        histories.flatMap { due($0, now: now, clock: clock) }
    }
}
