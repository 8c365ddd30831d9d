import GSLCore

/// Computes SLA clocks from a request's events on the Chinese work calendar.
///
/// Rules (whole days; an event counts on its day):
/// - A cycle starts on the day of the latest `receive` or `reopen` at or before the evaluation day.
///   Counting starts on the next working day: with a deadline of N working days the due date is the
///   Nth working day after the start day (holidays skipped, 调休 make-up days counted).
/// - The first-response clock (receive cycle only) stops at the first `start`, `answer`, `reject`
///   or `merge`; the resolution clock stops at the first `answer`, `reject` or `merge`.
/// - A pause on day P and the resume on day Q freeze the clock on the working days strictly
///   between them (P and Q themselves are working time). A pause not yet resumed freezes every
///   working day after P up to the evaluation day. Each frozen working day moves the due date one
///   working day later.
/// - elapsed = working days after the start up to the evaluation day (the stop day, else `now`)
///   minus frozen days; share = elapsed / N.
/// - Level of a running clock: `l3` when elapsed ≥ N + `l3AfterOverdueWorkdays` (5); `l2` (催办)
///   when elapsed > N; `l1` on the due day (elapsed == N); `warning` when share ≥ `warningShare`
///   (0.75); else `none`. A stopped clock has level `none` and reports `met`.
public struct SLAClock: Sendable {
    /// The working-day calendar.
    public var calendar: WorkCalendar
    /// The share of the time at which a running clock shows `warning` (default 0.75).
    public var warningShare: Double
    /// Working days past the due date from which a running clock is at `l3` (default 5).
    public var l3AfterOverdueWorkdays: Int

    /// A clock on `calendar` (the Chinese one by default).
    public init(calendar: WorkCalendar = .china, warningShare: Double = 0.75, l3AfterOverdueWorkdays: Int = 5)
    {
        self.calendar = calendar
        self.warningShare = warningShare
        self.l3AfterOverdueWorkdays = l3AfterOverdueWorkdays
    }

    /// Both clocks of the request whose events (in the order they happened) are `events`, as of
    /// `now`; nil when the request has not been received by then (a draft has no clock).
    public func report(caseID: String, events: [CaseEvent], policy: SLAPolicy, now: LocalDate) -> SLAReport? {
        // Events are chronological: drop those after `now`, then find the latest cycle start.
        var endIndex = events.count
        while endIndex > 0, events[endIndex - 1].date > now { endIndex -= 1 }
        var cycleIndex = endIndex - 1
        while cycleIndex >= 0, events[cycleIndex].action.kind != .receive,
            events[cycleIndex].action.kind != .reopen
        {
            cycleIndex -= 1
        }
        guard cycleIndex >= 0 else { return nil }
        let cycleStart = events[cycleIndex]
        let cycle = events[(cycleIndex + 1)..<endIndex]
        let resolution = status(
            .resolution, start: cycleStart.date, target: policy.resolutionWorkdays, cycle: cycle, now: now)
        var firstResponse: SLAStatus?
        if cycleStart.action.kind == .receive {
            firstResponse = status(
                .firstResponse, start: cycleStart.date, target: policy.firstResponseWorkdays, cycle: cycle,
                now: now)
        }
        return SLAReport(caseID: caseID, firstResponse: firstResponse, resolution: resolution)
    }

    /// Whether an action of `kind` stops the `clock`.
    static func stops(_ clock: SLAClockKind, _ kind: CaseAction.Kind) -> Bool {
        switch kind {
        case .answer, .reject, .merge: true
        case .start: clock == .firstResponse
        case .receive, .assign, .pause, .resume, .evaluate, .close, .reopen, .note: false
        }
    }

    /// One clock from its start day and the events after it.
    func status(
        _ kind: SLAClockKind, start: LocalDate, target: Int, cycle: ArraySlice<CaseEvent>, now: LocalDate
    ) -> SLAStatus {
        let stopEvent = cycle.first { Self.stops(kind, $0.action.kind) }
        let end = stopEvent?.date ?? now
        // Frozen intervals as (first frozen day, last frozen day), clipped to the evaluation day.
        var frozen: [(LocalDate, LocalDate)] = []
        var pausedOn: LocalDate?
        for event in cycle where event.date <= end {
            switch event.action.kind {
            case .pause where pausedOn == nil:
                pausedOn = event.date
            case .resume:
                if let day = pausedOn { frozen.append((day.adding(days: 1), event.date.adding(days: -1))) }
                pausedOn = nil
            default:
                break
            }
        }
        if let day = pausedOn { frozen.append((day.adding(days: 1), end)) }
        var pausedDays = 0
        for (first, last) in frozen {
            pausedDays += calendar.workdays(from: max(first, start.adding(days: 1)), to: min(last, end))
        }
        let elapsed = calendar.workdays(from: start.adding(days: 1), to: end) - pausedDays
        let due = dueDate(start: start, target: target, frozen: frozen, end: end)
        let level: SLALevel
        if stopEvent != nil {
            level = .none
        } else if elapsed >= target + l3AfterOverdueWorkdays {
            level = .l3
        } else if elapsed > target {
            level = .l2
        } else if elapsed == target {
            level = .l1
        } else if Double(elapsed) >= warningShare * Double(target) {
            level = .warning
        } else {
            level = .none
        }
        return SLAStatus(
            kind: kind, start: start, target: target, due: due, elapsed: elapsed,
            pausedWorkdays: pausedDays, stoppedOn: stopEvent?.date, level: level,
            withinCalendar: calendar.covers(start) && calendar.covers(due) && calendar.covers(end))
    }

    /// The day the `target`th counted working day falls on, skipping frozen days; after the
    /// evaluation day the clock is assumed to run without further pauses.
    func dueDate(start: LocalDate, target: Int, frozen: [(LocalDate, LocalDate)], end: LocalDate) -> LocalDate
    {
        var remaining = target
        var cursor = start
        for (first, last) in frozen where last >= first {
            let lastFrozen = min(last, end)
            guard lastFrozen >= first else { continue }
            let available = calendar.workdays(from: cursor.adding(days: 1), to: first.adding(days: -1))
            if available >= remaining { break }
            remaining -= available
            cursor = max(cursor, lastFrozen)
        }
        return calendar.adding(workdays: remaining, to: cursor)
    }
}
