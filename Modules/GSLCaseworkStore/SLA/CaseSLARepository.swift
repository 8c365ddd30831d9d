import Dispatch
import Foundation
import GRDB
import GSLCasework
import GSLCore
import GSLStore

/// SLA views and escalations of requests on the Chinese work calendar, under the configured
/// policies and clock.
public struct CaseSLARepository: Sendable {
    /// The store (with `CaseSchema.migrations`).
    public let store: Store
    /// Deadlines per category and priority.
    public var policies: SLAPolicySet
    /// The clock (calendar, warning share, L3 threshold).
    public var clock: SLAClock

    /// A repository over `store` with `policies` and `clock`.
    public init(store: Store, policies: SLAPolicySet = .standard, clock: SLAClock = SLAClock()) {
        self.store = store
        self.policies = policies
        self.clock = clock
    }

    /// The stored due dates of a request after `events` (the last one on `on`): the running clocks'
    /// due dates, or null when a clock is stopped or the request is no longer open. A pause only
    /// moves a due date later, so a stored date is never later than the true one and never hides
    /// an overdue request from the candidate scan.
    static func storedDueDates(
        caseID: Int64, events: [CaseEvent], state: CaseState, category: String, priority: CasePriority,
        policies: SLAPolicySet, on date: LocalDate
    ) -> (response: DatabaseValue, resolution: DatabaseValue, resolutionMet: DatabaseValue) {
        let policy = policies.policy(category: category, priority: priority)
        let report = SLAClock().report(caseID: String(caseID), events: events, policy: policy, now: date)
        let running = { (s: SLAStatus?) -> DatabaseValue in
            guard let s, s.isRunning, state.isOpen else { return .null }
            return s.due.iso.databaseValue
        }
        // Whether the resolution clock, once stopped (answered), stayed within its target: kept on
        // the row so that the annual report's on-time share is a query.
        let met: DatabaseValue = report?.resolution.met.map { ($0 ? 1 : 0).databaseValue } ?? .null
        return (running(report?.firstResponse), running(report?.resolution), met)
    }

    /// Computes the stored due dates of every open request again under `policies` (after the
    /// settings change), in the caller's transaction; returns how many rows changed.
    static func recomputeDueDates(policies: SLAPolicySet, _ m: Mutation) throws -> Int {
        let rows = try Row.fetchAll(
            m.db,
            sql: """
                SELECT id, state, category, priority, response_due, resolution_due FROM cases
                WHERE \(CaseSQL.openStatesBare) ORDER BY id
                """)
        var changed = 0
        for row in rows {
            let id: Int64 = row["id"]
            let events = try CaseRepository.events(m.db, id)
            guard let last = events.last, let state = CaseState(rawValue: row["state"]) else { continue }
            let due = storedDueDates(
                caseID: id, events: events, state: state, category: row["category"],
                priority: CasePriority(rawValue: row["priority"]) ?? .normal, policies: policies,
                on: last.date)
            let old: (DatabaseValue, DatabaseValue) = (row["response_due"], row["resolution_due"])
            if old.0 == due.response && old.1 == due.resolution { continue }
            try m.update(
                table: "cases", entity: "case", key: id.databaseValue, expectedVersion: nil,
                changes: [("response_due", due.response), ("resolution_due", due.resolution)])
            changed += 1
        }
        return changed
    }

    /// The SLA view on `today`: each request open on that day with its clocks, filtered by
    /// `filter`, in id order. A request's state and clocks are those of `today`, rebuilt from its
    /// events up to that day, so a past `today` shows the queue as it stood then (requests closed
    /// since are back, requests opened later are absent, the state column is the state of then).
    public func view(_ filter: SLAFilter, today: LocalDate) throws(GSLError) -> [(CaseRecord, SLAReport)] {
        let policies = self.policies
        let clock = self.clock
        return try store.read { db in
            // When nothing has happened after `today`, the rows' states and stored due dates are
            // those of `today`: read only the candidates. Otherwise rebuild the past.
            let latest = try String.fetchOne(db, sql: "SELECT max(on_date) FROM case_events") ?? ""
            let asOfNow = latest <= today.iso
            var sql: String
            var args = StatementArguments()
            if asOfNow {
                if let dueBy = filter.candidatesDueBy(today: today, calendar: clock.calendar) {
                    sql =
                        CaseRepository.select + """
                             WHERE c.id IN (SELECT id FROM cases WHERE resolution_due <= ?1 UNION SELECT id FROM cases WHERE response_due <= ?1)
                            """
                    args += [dueBy.iso]
                } else {
                    sql = CaseRepository.select + " WHERE \(CaseSQL.openStates)"
                }
            } else {
                sql =
                    CaseRepository.select + """
                         WHERE c.opened_on <= ?1 AND (\(CaseSQL.openStates)
                           OR c.id IN (SELECT case_id FROM case_events WHERE on_date > ?1))
                        """
                args += [today.iso]
            }
            // A cursor decodes straight from the statement (fetchAll would copy every row first).
            var decoded: [CaseRecord] = []
            let cursor = try Row.fetchCursor(db, sql: sql + " ORDER BY c.id", arguments: args)
            while let row = try cursor.next() { decoded.append(CaseRecord(row: row)) }
            let records = decoded
            let events = try CaseRepository.events(db, ids: records.map(\.id), forClock: true)
            // The clocks of different requests are independent: compute them on all cores.
            let n = records.count
            let reports = UnsafeMutableBufferPointer<(CaseRecord, SLAReport)?>.allocate(capacity: n)
            reports.initialize(repeating: nil)
            defer {
                reports.deinitialize()
                reports.deallocate()
            }
            nonisolated(unsafe) let slots = reports
            let workers = n < 1_000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for i in (n * w / workers)..<(n * (w + 1) / workers) {
                    var record = records[i]
                    var history = events[record.id] ?? []
                    if !asOfNow {
                        history = Array(history.prefix { $0.date <= today })
                        let state = CaseSnapshot.replay(id: String(record.id), events: history).state
                        guard state.isOpen else { continue }
                        record.state = state
                    }
                    let policy = policies.policy(category: record.category, priority: record.priority)
                    guard
                        let report = clock.report(
                            caseID: String(record.id), events: history, policy: policy, now: today),
                        filter.admits(report)
                    else { continue }
                    slots[i] = (record, report)
                }
            }
            return reports.compactMap { $0 }
        }
    }

    /// Records the escalations due on `today` once each (running it again records nothing new).
    public func escalate(today: LocalDate, context: MutationContext) throws(GSLError) -> [Escalation] {
        let policies = self.policies
        let clock = self.clock
        return try store.write(context) { m -> [Escalation] in
            let rows = try Row.fetchAll(
                m.db, sql: "SELECT id, category, priority FROM cases WHERE \(CaseSQL.openStatesBare)")
            var recorded: [Escalation] = []
            for row in rows {
                let id: Int64 = row["id"]
                let policy = policies.policy(
                    category: row["category"], priority: CasePriority(rawValue: row["priority"]) ?? .normal)
                let past = try Row.fetchAll(
                    m.db,
                    sql:
                        "SELECT clock, level, cycle_start, due, on_date FROM case_escalations WHERE case_id = ?",
                    arguments: [id]
                ).compactMap { r -> Escalation? in
                    guard let kind = SLAClockKind(rawValue: r["clock"]),
                        let level = SLALevel.named(r["level"]),
                        let start = try? LocalDate.parse(r["cycle_start"]),
                        let due = try? LocalDate.parse(r["due"]),
                        let on = try? LocalDate.parse(r["on_date"])
                    else { return nil }
                    return Escalation(
                        caseID: String(id), clock: kind, level: level, cycleStart: start, due: due, date: on)
                }
                let history = SLAHistory(
                    caseID: String(id), policy: policy, events: try CaseRepository.events(m.db, id),
                    escalations: past)
                for e in SLAEscalation.due(history, now: today, clock: clock) {
                    try m.insert(
                        into: "case_escalations", entity: "case_escalation",
                        values: [
                            ("case_id", id.databaseValue), ("clock", e.clock.rawValue.databaseValue),
                            ("level", e.level.name.databaseValue),
                            ("cycle_start", e.cycleStart.iso.databaseValue), ("due", e.due.iso.databaseValue),
                            ("on_date", e.date.iso.databaseValue),
                        ])
                    recorded.append(e)
                }
            }
            return recorded
        }
    }
}
