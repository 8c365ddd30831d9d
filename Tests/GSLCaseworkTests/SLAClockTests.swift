import GSLCasework
import GSLCore
import Testing

/// One action on one day, for building test histories.
struct S {
    let action: CaseAction
    let date: LocalDate

    init(_ action: CaseAction, _ year: Int, _ month: Int, _ day: Int) {
        self.action = action
        self.date = LocalDate(year: year, month: month, day: day)!
    }
}

/// Events for a test case, one per step.
func events(_ steps: [S], id: String = "C-1") -> [CaseEvent] {
    var state = CaseState.draft
    return steps.map { step in
        let next = CaseWorkflow.target(of: step.action.kind, from: state) ?? state
        defer { state = next }
        return CaseEvent(caseID: id, action: step.action, from: state, to: next, date: step.date, actor: "t")
    }
}

/// A date literal.
func d(_ year: Int, _ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }

@Suite struct SLAClockTests {
    let clock = SLAClock()
    let fiveDays = try! SLAPolicy(firstResponseWorkdays: 1, resolutionWorkdays: 5)

    @Test func nationalDay2023WithWeekendMakeUpDays() throws {
        // 2023-09-29..10-06 off; Sat 10-07 and Sun 10-08 are make-up working days.
        let history = events([S(.receive, 2023, 9, 28)])
        let at = { (now: LocalDate) -> SLAReport in
            self.clock.report(caseID: "C-1", events: history, policy: self.fiveDays, now: now)!
        }
        let onHoliday = at(d(2023, 10, 5))
        #expect(onHoliday.resolution.due == d(2023, 10, 11))
        #expect(onHoliday.resolution.elapsed == 0)
        #expect(onHoliday.firstResponse?.due == d(2023, 10, 7))
        #expect(onHoliday.level == .none)
        #expect(at(d(2023, 10, 7)).firstResponse?.level == .l1)
        #expect(at(d(2023, 10, 8)).firstResponse?.level == .l2)
        #expect(at(d(2023, 10, 9)).resolution.elapsed == 3)
        #expect(at(d(2023, 10, 9)).resolution.level == .none)  // 3/5 = 60 %
        #expect(at(d(2023, 10, 10)).resolution.level == .warning)  // 4/5 = 80 %
        #expect(at(d(2023, 10, 11)).resolution.level == .l1)
        #expect(at(d(2023, 10, 12)).resolution.level == .l2)
        #expect(at(d(2023, 10, 17)).resolution.level == .l2)  // 4 working days over
        #expect(at(d(2023, 10, 18)).resolution.level == .l3)  // 5 working days over
        #expect(at(d(2023, 10, 18)).resolution.overdueWorkdays == 5)
        #expect(at(d(2023, 10, 18)).isOverdue)
    }

    @Test func springFestival2024() {
        // 2024-02-10..17 off; Fri 02-09 works, Sun 02-18 is a make-up day.
        let report = clock.report(
            caseID: "C-1", events: events([S(.receive, 2024, 2, 8)]), policy: fiveDays,
            now: d(2024, 2, 8))!
        #expect(report.resolution.due == d(2024, 2, 21))
        #expect(report.firstResponse?.due == d(2024, 2, 9))
        #expect(report.resolution.elapsed == 0)
    }

    @Test func springFestival2025WithTwoMakeUpDays() {
        // 2025-01-28..02-04 off; Sun 01-26 and Sat 02-08 are make-up days.
        let policy = SLAPolicySet.standard.policy(category: "labour", priority: .normal)
        #expect(policy.resolutionWorkdays == 10)
        let report = clock.report(
            caseID: "C-1", events: events([S(.receive, 2025, 1, 24)]), policy: policy,
            now: d(2025, 2, 10))!
        #expect(report.resolution.due == d(2025, 2, 13))
        #expect(report.firstResponse?.due == d(2025, 1, 27))
        // 01-26, 01-27, 02-05, 02-06, 02-07, 02-08, 02-10
        #expect(report.resolution.elapsed == 7)
        #expect(report.resolution.level == .none)  // 70 % < 75 %
        #expect(report.firstResponse?.level == .l3)  // 7 elapsed ≥ 2 + 5
    }

    @Test func pauseSpanningNationalDay2024ExtendsTheDeadline() {
        // Sun 09-29 and Sat 10-12 are make-up days; 10-01..07 off.
        let policy = SLAPolicySet.standard.policy(category: "other", priority: .normal)
        let history = events([
            S(.receive, 2024, 9, 25), S(.assign(lead: "市商务局", assisting: []), 2024, 9, 25),
            S(.start, 2024, 9, 26), S(.pause, 2024, 9, 27), S(.resume, 2024, 10, 9),
        ])
        let report = clock.report(caseID: "C-1", events: history, policy: policy, now: d(2024, 10, 9))!
        // Frozen: 09-29, 09-30 and 10-08 (working days strictly between pause and resume).
        #expect(report.resolution.pausedWorkdays == 3)
        #expect(report.resolution.elapsed == 3)
        #expect(report.resolution.due == d(2024, 10, 17))
        #expect(report.firstResponse?.stoppedOn == d(2024, 9, 26))
        #expect(report.firstResponse?.met == true)
        #expect(report.firstResponse?.level == SLALevel.none)

        let unpaused = clock.report(
            caseID: "C-1", events: Array(history.prefix(3)), policy: policy, now: d(2024, 10, 9))!
        #expect(unpaused.resolution.due == d(2024, 10, 14))

        // Still pending on 10-08: the same due date, the clock frozen since 09-27.
        let open = clock.report(
            caseID: "C-1", events: Array(history.prefix(4)), policy: policy, now: d(2024, 10, 8))!
        #expect(open.resolution.pausedWorkdays == 3)
        #expect(open.resolution.elapsed == 2)
        #expect(open.resolution.due == d(2024, 10, 17))
    }

    @Test func pauseAndResumeOnNeighbouringDaysFreezeNothing() {
        let history = events([
            S(.receive, 2024, 3, 4), S(.assign(lead: "x", assisting: []), 2024, 3, 4),
            S(.start, 2024, 3, 5), S(.pause, 2024, 3, 6), S(.resume, 2024, 3, 7),
        ])
        let report = clock.report(caseID: "C-1", events: history, policy: fiveDays, now: d(2024, 3, 8))!
        #expect(report.resolution.pausedWorkdays == 0)
        #expect(report.resolution.due == d(2024, 3, 11))
        #expect(report.resolution.elapsed == 4)
    }

    @Test func pausingAnOverdueCaseFreezesButDoesNotForgiveIt() {
        let history = events([
            S(.receive, 2024, 3, 4), S(.assign(lead: "x", assisting: []), 2024, 3, 4),
            S(.start, 2024, 3, 5), S(.pause, 2024, 3, 13),
        ])
        let report = clock.report(caseID: "C-1", events: history, policy: fiveDays, now: d(2024, 3, 20))!
        #expect(report.resolution.due == d(2024, 3, 11))
        #expect(report.resolution.pausedWorkdays == 5)  // 03-14, 15, 18, 19, 20
        #expect(report.resolution.elapsed == 7)
        #expect(report.resolution.level == .l2)
    }

    @Test func answerStopsTheClock() {
        let history = events([
            S(.receive, 2023, 12, 27), S(.assign(lead: "x", assisting: []), 2023, 12, 27),
            S(.start, 2023, 12, 28), S(.answer, 2024, 1, 4),
        ])
        // 2024-01-01 off: 12-28, 12-29, 01-02, 01-03, 01-04 → answered on the 5th working day.
        let report = clock.report(caseID: "C-1", events: history, policy: fiveDays, now: d(2024, 2, 1))!
        #expect(report.resolution.due == d(2024, 1, 4))
        #expect(report.resolution.met == true)
        #expect(report.resolution.level == SLALevel.none)
        let late = events([
            S(.receive, 2023, 12, 27), S(.assign(lead: "x", assisting: []), 2023, 12, 27),
            S(.start, 2023, 12, 28), S(.answer, 2024, 1, 5),
        ])
        let lateReport = clock.report(caseID: "C-1", events: late, policy: fiveDays, now: d(2024, 2, 1))!
        #expect(lateReport.resolution.met == false)
        #expect(lateReport.resolution.overdueWorkdays == 1)
    }

    @Test func reopenStartsANewResolutionCycle() {
        let history = events([
            S(.receive, 2024, 4, 1), S(.assign(lead: "x", assisting: []), 2024, 4, 1),
            S(.start, 2024, 4, 2), S(.answer, 2024, 4, 3),
            S(.evaluate(Callback(contacted: true, solved: false, satisfaction: .unsatisfied)), 2024, 4, 8),
            S(.close, 2024, 4, 8), S(.reopen, 2024, 4, 10),
        ])
        let report = clock.report(caseID: "C-1", events: history, policy: fiveDays, now: d(2024, 4, 12))!
        #expect(report.firstResponse == nil)
        #expect(report.resolution.start == d(2024, 4, 10))
        #expect(report.resolution.due == d(2024, 4, 17))
        #expect(report.resolution.elapsed == 2)
        #expect(clock.report(caseID: "C-1", events: events([]), policy: fiveDays, now: d(2024, 4, 12)) == nil)
    }

    @Test func flagsDeadlinesBeyondTheKnownHolidays() {
        let inside = clock.report(
            caseID: "C-1", events: events([S(.receive, 2024, 3, 4)]), policy: fiveDays, now: d(2024, 3, 5))!
        #expect(inside.resolution.withinCalendar)
        let last = clock.calendar.coveredYears.upperBound
        let outside = clock.report(
            caseID: "C-1", events: events([S(.receive, last, 12, 28)]), policy: fiveDays, now: d(last, 12, 29)
        )!
        #expect(!outside.resolution.withinCalendar)
        #expect(outside.firstResponse?.withinCalendar == true)  // due 12-29, same year
    }

    @Test func configurableWarningShare() {
        let early = SLAClock(warningShare: 0.5)
        let report = early.report(
            caseID: "C-1", events: events([S(.receive, 2024, 3, 4)]), policy: fiveDays,
            now: d(2024, 3, 7))!
        #expect(report.resolution.elapsed == 3)
        #expect(report.resolution.level == .warning)
        #expect(
            clock.report(
                caseID: "C-1", events: events([S(.receive, 2024, 3, 4)]), policy: fiveDays,
                now: d(2024, 3, 7))!.resolution.level == .none)
    }

    @Test func policySelectionPrefersTheMostSpecific() throws {
        let set = SLAPolicySet.standard
        #expect(set.policy(category: "approval", priority: .normal).resolutionWorkdays == 5)
        #expect(set.policy(category: "approval", priority: .urgent).resolutionWorkdays == 3)
        #expect(set.policy(category: "other", priority: .low).resolutionWorkdays == 15)
        let custom = SLAPolicySet(policies: [
            try SLAPolicy(firstResponseWorkdays: 3, resolutionWorkdays: 20),
            try SLAPolicy(category: "arrears", firstResponseWorkdays: 1, resolutionWorkdays: 7),
        ])
        #expect(custom.policy(category: "arrears", priority: .low).resolutionWorkdays == 7)
        #expect(custom.policy(category: "land", priority: .low).resolutionWorkdays == 20)
        #expect(SLAPolicySet(policies: []).policy(category: "land", priority: .low) == SLAPolicySet.fallback)
        #expect(throws: GSLError.self) { try SLAPolicy(firstResponseWorkdays: 0, resolutionWorkdays: 5) }
        #expect(throws: GSLError.self) { try SLAPolicy(firstResponseWorkdays: 6, resolutionWorkdays: 5) }
    }
}

@Suite struct SLAEscalationTests {
    let policy = try! SLAPolicy(firstResponseWorkdays: 1, resolutionWorkdays: 5)

    @Test func escalationsAreRecordedOnce() {
        let history = events([
            S(.receive, 2023, 9, 28), S(.assign(lead: "x", assisting: []), 2023, 9, 28),
            S(.start, 2023, 10, 7),
        ])
        var sla = SLAHistory(caseID: "C-1", policy: policy, events: history)
        #expect(SLAEscalation.due(sla, now: d(2023, 10, 10)).isEmpty)  // warning is not an escalation
        let first = SLAEscalation.due(sla, now: d(2023, 10, 12))
        #expect(
            first == [
                Escalation(
                    caseID: "C-1", clock: .resolution, level: .l2, cycleStart: d(2023, 9, 28),
                    due: d(2023, 10, 11), date: d(2023, 10, 12))
            ])
        sla.escalations += first
        #expect(SLAEscalation.due(sla, now: d(2023, 10, 12)).isEmpty)
        #expect(SLAEscalation.due(sla, now: d(2023, 10, 17)).isEmpty)
        let third = SLAEscalation.due(sla, now: d(2023, 10, 18))
        #expect(third.map(\.level) == [.l3])
        sla.escalations += third
        #expect(SLAEscalation.due([sla, sla], now: d(2023, 10, 20)).isEmpty)
    }

    @Test func bothClocksCanEscalate() {
        let sla = SLAHistory(
            caseID: "C-2", policy: policy, events: events([S(.receive, 2025, 9, 26)], id: "C-2"))
        // Sun 09-28 make-up, 09-29, 09-30 work; 10-01..08 off; 10-09, 10-10, Sat 10-11 work.
        #expect(SLAEscalation.due(sla, now: d(2025, 10, 9)).map(\.level) == [.l2])  // resolution 4/5: warning
        let due = SLAEscalation.due(sla, now: d(2025, 10, 13))  // 7 working days elapsed
        #expect(due.map(\.clock) == [.firstResponse, .resolution])
        #expect(due.map(\.level) == [.l3, .l2])
        #expect(due.first?.due == d(2025, 9, 28))
        #expect(due.last?.due == d(2025, 10, 10))
    }
}
