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
            let slices = Parallel.slices(n, parts: n < 1_000 ? 1 : Parallel.cores(limit: 8))
            let reports = Parallel.map(slices.count) { w in
                var found: [(CaseRecord, SLAReport)] = []
                for i in slices[w] {
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
                    found.append((record, report))
                }
                return found
            }
            return reports.flatMap { $0 }
        }
    }

    /// A page of the SLA view for `filter` on `today`, most urgent first: the requests it admits
    /// in the order of their earliest stored due date (then id), after `cursor`, at most `limit`.
    /// Only as many candidates are read and clocked as the page needs, so a dashboard or a queue
    /// over tens of thousands of open requests opens at once. When something happened after
    /// `today` (a view of the past) or the filter has no candidate scan, the whole view is
    /// computed and returned as one page.
    public func page(_ filter: SLAFilter, today: LocalDate, after cursor: SLAPage.Cursor?, limit: Int)
        throws(GSLError) -> SLAPage
    {
        let policies = self.policies
        let clock = self.clock
        let dueBy = filter.candidatesDueBy(today: today, calendar: clock.calendar)
        let asOfNow = try store.read { db in
            (try String.fetchOne(db, sql: "SELECT max(on_date) FROM case_events") ?? "") <= today.iso
        }
        guard asOfNow, let dueBy else {
            let all = try view(filter, today: today)
            return SLAPage(items: all, next: nil, candidates: all.count)
        }
        return try store.read { db in
            let candidates = """
                SELECT id FROM cases WHERE resolution_due <= ?1 UNION SELECT id FROM cases WHERE response_due <= ?1
                """
            let count =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(candidates))", arguments: [dueBy.iso]) ?? 0
            var items: [(CaseRecord, SLAReport)] = []
            var position = cursor
            var next: SLAPage.Cursor?
            let batch = max(limit, 50)
            scan: while true {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, min(coalesce(response_due, '9999-12-31'), coalesce(resolution_due, '9999-12-31')) AS due
                        FROM cases WHERE id IN (\(candidates)) AND (due, id) > (?2, ?3) ORDER BY due, id LIMIT ?4
                        """, arguments: [dueBy.iso, position?.due ?? "", position?.id ?? 0, batch])
                if rows.isEmpty { break }
                let keys = rows.map { SLAPage.Cursor(due: $0["due"], id: $0["id"]) }
                let marks = Array(repeating: "?", count: keys.count).joined(separator: ",")
                var records: [Int64: CaseRecord] = [:]
                for row in try Row.fetchAll(
                    db, sql: CaseRepository.select + " WHERE c.id IN (\(marks))",
                    arguments: StatementArguments(keys.map(\.id)))
                {
                    let r = CaseRecord(row: row)
                    records[r.id] = r
                }
                let events = try CaseRepository.events(db, ids: keys.map(\.id), forClock: true)
                for key in keys {
                    position = key
                    guard let record = records[key.id] else { continue }
                    let policy = policies.policy(category: record.category, priority: record.priority)
                    if let report = clock.report(
                        caseID: String(record.id), events: events[record.id] ?? [], policy: policy, now: today
                    ),
                        filter.admits(report)
                    {
                        items.append((record, report))
                        if items.count == limit {
                            next = key
                            break scan
                        }
                    }
                }
                if rows.count < batch { break }
            }
            // A full page whose last row was the last candidate has no next page; the caller finds
            // that out with one more (empty) read.
            return SLAPage(items: items, next: next, candidates: count)
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

/// One page of an SLA view.
public struct SLAPage: Sendable {
    /// Where a page ends: the earliest stored due date of the last request read, and its id.
    public struct Cursor: Sendable, Hashable {
        /// The stored due date (ISO).
        public var due: String
        /// The request's id.
        public var id: Int64
    }

    /// The requests admitted, most urgent first, with their SLA reports.
    public var items: [(CaseRecord, SLAReport)]
    /// Where the next page starts; nil when no request is left.
    public var next: Cursor?
    /// Requests whose stored due date falls in the filter's scan: an upper bound of those it
    /// admits (a stored due date is never later than the true one).
    public var candidates: Int
}
