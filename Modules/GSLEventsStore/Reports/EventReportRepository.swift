import GRDB
import GSLCore
import GSLEvents
import GSLStore

/// Member firms of a chamber and whether anyone from them attended an event in a period.
public struct ReachReport: Sendable, Equatable {
    /// A member firm.
    public struct Firm: Sendable, Equatable {
        /// Its id.
        public var id: Int64
        /// Its name.
        public var name: String
        /// Attendances by its people in the period.
        public var personTimes: Int
    }

    /// Member firms (active in the period).
    public var members: Int
    /// Those whose people attended at least one session.
    public var reached: Int
    /// Those that attended nothing, by name.
    public var unreached: [Firm]
}

/// Reads across events for reports: statistics, conflicts, reach, calendar entries.
public struct EventReportRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// The statistics' SQL for a grouping: (sessions and events, attendance, outcomes). Each query
    /// takes the period's first day and the day after its last (sessions) or its last day.
    public static func statsSQL(_ grouping: EventStatsGrouping) -> (
        sessions: String, attendance: String, outcomes: String
    ) {
        let key: (String) -> String = { dateColumn in
            switch grouping {
            case .type: "e.type"
            case .organiser: "coalesce(e.organiser_id, 0)"
            case .month: "substr(\(dateColumn), 1, 7)"
            }
        }
        return (
            """
            SELECT \(key("s.starts_at")) AS k, count(DISTINCT s.event_id), count(*) FROM event_sessions s
            JOIN events e ON e.id = s.event_id
            WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.status = 'scheduled' AND e.status = 'scheduled'
            GROUP BY k
            """,
            """
            SELECT \(key("a.on_date")) AS k, count(*), count(DISTINCT a.person_id) FROM event_attendance a
            JOIN events e ON e.id = a.event_id WHERE a.on_date >= ?1 AND a.on_date <= ?2 GROUP BY k
            """,
            """
            SELECT \(key("x.on_date")) AS k, count(*), coalesce(sum(x.amount_fen), 0) FROM event_outcomes x
            JOIN events e ON e.id = x.event_id WHERE x.on_date >= ?1 AND x.on_date <= ?2 GROUP BY k
            """
        )
    }

    /// Figures per group over `period`, by key, and a total row (`total`) whose unique people and
    /// events are counted across groups, not summed.
    public func stats(period: Period, by grouping: EventStatsGrouping) throws(GSLError) -> [EventStatsRow] {
        let sql = Self.statsSQL(grouping)
        let first = period.start.iso, last = period.end.iso, after = period.end.adding(days: 1).iso
        return try store.read { db in
            var rows: [String: EventStatsRow] = [:]
            func row(_ k: DatabaseValue) -> String {
                let key = k.storage.value.map { "\($0)" } ?? ""
                if rows[key] == nil { rows[key] = EventStatsRow(key: key, name: key) }
                return key
            }
            for r in try Row.fetchAll(db, sql: sql.sessions, arguments: [first, after]) {
                let k = row(r[0])
                rows[k]!.events = r[1]
                rows[k]!.sessions = r[2]
            }
            // Attendance in one pass over the date index (what `sql.attendance` and the total's
            // distinct count ask, without sorting the period's rows twice): person-times and the
            // set of people per group, and the set of everyone.
            let attendance = try Self.attendance(db, grouping: grouping, first: first, last: last)
            for (key, figures) in attendance.groups {
                let k = row(key.databaseValue)
                rows[k]!.personTimes = figures.times
                rows[k]!.uniquePeople = figures.people.count
            }
            for r in try Row.fetchAll(db, sql: sql.outcomes, arguments: [first, last]) {
                let k = row(r[0])
                rows[k]!.outcomes = r[1]
                rows[k]!.amount = Money(fen: r[2])
            }
            if grouping == .organiser {
                for k in rows.keys {
                    if let id = Int64(k), id != 0,
                        let name = try String.fetchOne(
                            db, sql: "SELECT name FROM organisations WHERE id = ?", arguments: [id])
                    {
                        rows[k]!.name = name
                    }
                }
            }
            var out = rows.values.sorted { $0.key < $1.key }
            var total = EventStatsRow(key: "total", name: "total")
            for r in out {
                total.sessions += r.sessions
                total.personTimes += r.personTimes
                total.outcomes += r.outcomes
                total.amount = total.amount + r.amount
            }
            total.events =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(DISTINCT s.event_id) FROM event_sessions s JOIN events e ON e.id = s.event_id
                        WHERE s.starts_at >= ? AND s.starts_at < ? AND s.status = 'scheduled' AND e.status = 'scheduled'
                        """, arguments: [first, after]) ?? 0
            total.uniquePeople = attendance.everyone
            out.append(total)
            return out
        }
    }

    /// Person-times and distinct people per group of the attendance dated between two days, and
    /// the number of distinct people overall.
    static func attendance(_ db: Database, grouping: EventStatsGrouping, first: String, last: String) throws
        -> (groups: [String: (times: Int, people: Set<Int64>)], everyone: Int)
    {
        var keyOfEvent: [Int64: String] = [:]
        if grouping != .month {
            let key = grouping == .type ? "e.type" : "CAST(coalesce(e.organiser_id, 0) AS TEXT)"
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, \(key) FROM events e WHERE e.starts_at < ?2 AND e.ends_at >= ?1
                    """, arguments: [first, ((try? LocalDate.parse(last))?.adding(days: 1).iso) ?? last])
            {
                keyOfEvent[r[0]] = r[1]
            }
        }
        var groups: [String: (times: Int, people: Set<Int64>)] = [:]
        var everyone = Set<Int64>()
        let cursor = try Row.fetchCursor(
            db,
            sql:
                "SELECT event_id, person_id, on_date FROM event_attendance WHERE on_date >= ? AND on_date <= ?",
            arguments: [first, last])
        var lastEvent: Int64 = -1
        var lastKey = ""
        while let r = try cursor.next() {
            let event: Int64 = r[0]
            let person: Int64 = r[1]
            let key: String
            if grouping == .month {
                key = String((r[2] as String).prefix(7))
            } else if event == lastEvent {
                key = lastKey
            } else {
                // An event outside the period's span cannot have attendance in it; read it anyway.
                key =
                    try keyOfEvent[event]
                    ?? (String.fetchOne(
                        db,
                        sql: grouping == .type
                            ? "SELECT type FROM events WHERE id = ?"
                            : "SELECT CAST(coalesce(organiser_id, 0) AS TEXT) FROM events WHERE id = ?",
                        arguments: [event]) ?? "")
                lastEvent = event
                lastKey = key
            }
            groups[key, default: (0, [])].times += 1
            groups[key]!.people.insert(person)
            everyone.insert(person)
        }
        return (groups, everyone.count)
    }

    /// Scheduled sessions between two days with their venue and the people running them.
    func slots(_ db: Database, from: LocalDate?, to: LocalDate?) throws -> [ConflictFinder.Slot] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.event_id, coalesce(s.venue, e.venue, ''), s.starts_at, s.ends_at,
                       (SELECT group_concat(DISTINCT t.person_id) FROM event_staff t WHERE t.event_id = s.event_id)
                FROM event_sessions s JOIN events e ON e.id = s.event_id
                WHERE s.status = 'scheduled' AND e.status = 'scheduled' AND s.ends_at > ?1 AND s.starts_at < ?2
                """, arguments: [from?.iso ?? "0000", to?.adding(days: 1).iso ?? "9999"])
        return rows.map { r in
            ConflictFinder.Slot(
                sessionID: r[0], eventID: r[1], venue: r[2], start: (try? EventTime.parse(r[3]))!,
                end: (try? EventTime.parse(r[4]))!,
                people: ((r[5] as String?) ?? "").split(separator: ",").compactMap { Int64($0) })
        }
    }

    /// Double bookings between two days, with event titles and person names.
    public func conflicts(from: LocalDate?, to: LocalDate?) throws(GSLError) -> ConflictsView {
        try store.read { db in
            let found = ConflictFinder.find(try slots(db, from: from, to: to))
            var titles: [Int64: String] = [:]
            var people: [Int64: String] = [:]
            for c in found {
                for e in [c.first.eventID, c.second.eventID] where titles[e] == nil {
                    titles[e] = try String.fetchOne(
                        db, sql: "SELECT title FROM events WHERE id = ?", arguments: [e])
                }
                if case .person(let p) = c.resource, people[p] == nil {
                    people[p] = try String.fetchOne(
                        db, sql: "SELECT name FROM people WHERE id = ?", arguments: [p])
                }
            }
            return ConflictsView(conflicts: found, eventTitles: titles, personNames: people)
        }
    }

    /// Member firms of `chamber` (all chambers when nil) active in `period`, and which of them had
    /// nobody at any session in it.
    public func reach(period: Period, chamber: String?) throws(GSLError) -> ReachReport {
        try store.read { db in
            var chamberCondition = ""
            var args: [DatabaseValueConvertible] = [
                period.end.iso, period.start.iso, period.start.iso, period.end.iso,
            ]
            if let chamber {
                let org = try References.organisation(db, chamber)
                chamberCondition = " AND m.chamber_id = ?"
                args.append(org.id)
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    WITH firms AS (
                        SELECT DISTINCT m.member_org_id AS id FROM memberships m
                        WHERE m.member_org_id IS NOT NULL AND (m.start_date IS NULL OR m.start_date <= ?1)
                          AND (m.end_date IS NULL OR m.end_date >= ?2)\(chamberCondition.replacingOccurrences(of: "?", with: "?5"))
                    )
                    SELECT f.id, o.name,
                           (SELECT count(*) FROM people p JOIN event_attendance a ON a.person_id = p.id
                            WHERE p.organisation_id = f.id AND a.on_date >= ?3 AND a.on_date <= ?4)
                    FROM firms f JOIN organisations o ON o.id = f.id ORDER BY o.name, f.id
                    """, arguments: StatementArguments(args))
            let firms = rows.map { ReachReport.Firm(id: $0[0], name: $0[1], personTimes: $0[2]) }
            return ReachReport(
                members: firms.count, reached: firms.filter { $0.personTimes > 0 }.count,
                unreached: firms.filter { $0.personTimes == 0 })
        }
    }

    /// Calendar entries for scheduled sessions between two days (of one series when named): a
    /// repeating event is one entry with its rule, the others one entry per session.
    public func calendar(from: LocalDate?, to: LocalDate?, series: String?) throws(GSLError)
        -> [CalendarEntry]
    {
        try store.read { db in
            var sql =
                EventRecord.select + " WHERE e.status = 'scheduled' AND e.ends_at > ?1 AND e.starts_at < ?2"
            var args: [DatabaseValueConvertible] = [from?.iso ?? "0000", to?.adding(days: 1).iso ?? "9999"]
            if let series {
                guard
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM event_series WHERE name = ?", arguments: [series]) == true
                else {
                    throw GSLError.notFound("未找到系列「\(series)」", en: "no series '\(series)'").because(
                        .eventSeriesNotFound)
                }
                sql += " AND s.name = ?3"
                args.append(series)
            }
            let events = try Row.fetchAll(
                db, sql: sql + " ORDER BY e.starts_at, e.id", arguments: StatementArguments(args)
            )
            .map(EventRecord.init(row:))
            // Every session of those events in one statement (the same filter), grouped by event.
            let sessionSQL = sql.replacingOccurrences(
                of: EventRecord.selectColumns,
                with:
                    "SELECT s2.event_id, s2.id, s2.starts_at, s2.ends_at, coalesce(s2.venue, e.venue), s2.title, s2.status"
            )
            .replacingOccurrences(
                of: "FROM events e", with: "FROM event_sessions s2 JOIN events e ON e.id = s2.event_id")
            var sessionsByEvent: [Int64: [Row]] = [:]
            for row in try Row.fetchAll(
                db, sql: sessionSQL + " ORDER BY s2.event_id, s2.starts_at, s2.id",
                arguments: StatementArguments(args))
            {
                sessionsByEvent[row[0], default: []].append(row)
            }
            var out: [CalendarEntry] = []
            out.reserveCapacity(events.count)
            for e in events {
                let stamp = Self.icsStamp(e.updatedAt)
                var description = [e.type.label.zh]
                if let o = e.organiser { description.append("主办：" + o.name) }
                if !e.themes.isEmpty { description.append("主题：" + e.themes.joined(separator: "、")) }
                if let d = e.description { description.append(d) }
                let text = description.joined(separator: "\n")
                // Columns from here on: 1 id, 2 start, 3 end, 4 venue, 5 title, 6 status.
                let sessions = sessionsByEvent[e.id] ?? []
                if let rule = e.recurrence, let first = sessions.first {
                    let start = try EventTime.parse(first[2])
                    let end = try EventTime.parse(first[3])
                    let cancelled = try sessions.filter {
                        ($0[6] as String) == EventStatus.cancelled.rawValue
                    }
                    .map { try EventTime.parse($0[2] as String) }
                    out.append(
                        CalendarEntry(
                            uid: "gsl-event-\(e.id)@gsl", stamp: stamp, start: start, end: end,
                            summary: e.title,
                            location: first[4], description: text, rrule: rule.rrule,
                            excluded: (rule.excluded.map { start.on($0) } + cancelled).sorted(),
                            categories: [e.type.label.zh]))
                    continue
                }
                for s in sessions where (s[6] as String) == EventStatus.scheduled.rawValue {
                    let start = try EventTime.parse(s[2])
                    if let from, start.date < from { continue }
                    if let to, start.date > to { continue }
                    let title: String? = s[5]
                    out.append(
                        CalendarEntry(
                            uid: "gsl-event-\(e.id)-session-\(s[1] as Int64)@gsl", stamp: stamp, start: start,
                            end: try EventTime.parse(s[3]),
                            summary: title.map { e.title + "：" + $0 } ?? e.title,
                            location: s[4], description: text, categories: [e.type.label.zh]))
                }
            }
            return out
        }
    }

    /// `2023-05-06T01:02:03.456Z` → `20230506T010203Z`.
    static func icsStamp(_ at: String) -> String {
        let digits = at.prefix(19).filter { $0 != "-" && $0 != ":" }
        return digits.count == 15 ? digits + "Z" : "19700101T000000Z"
    }
}

/// Double bookings with the names a report shows.
public struct ConflictsView: Sendable {
    /// The conflicts.
    public let conflicts: [ConflictFinder.Conflict]
    /// Event titles by id.
    public let eventTitles: [Int64: String]
    /// Person names by id.
    public let personNames: [Int64: String]
}
