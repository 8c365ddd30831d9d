import GRDB
import GSLCore
import GSLEvents
import GSLStore

/// Store access for events: creating one (with its sessions, from a rule when it repeats),
/// editing, cancelling, listing and showing it.
public struct EventRepository: Sendable {
    /// The store (with `EventsSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// One session to create.
    public struct NewSession: Sendable {
        /// Start.
        public var start: EventTime
        /// End.
        public var end: EventTime
        /// Its own title.
        public var title: String?
        /// Its own venue.
        public var venue: String?

        /// A session.
        public init(start: EventTime, end: EventTime, title: String? = nil, venue: String? = nil) {
            self.start = start
            self.end = end
            self.title = title
            self.venue = venue
        }
    }

    /// What a new event needs.
    public struct NewEvent: Sendable {
        /// Title.
        public var title: String
        /// Type.
        public var type: EventType
        /// Series name (created when new).
        public var series: String?
        /// Organiser reference (id, USCC or name of the federation or a chamber).
        public var organiser: String?
        /// Venue.
        public var venue: String?
        /// Seats.
        public var capacity: Int?
        /// Registrations need approval.
        public var moderated: Bool
        /// Themes.
        public var themes: [String]
        /// Description.
        public var description: String?
        /// Its sessions; with a rule, the first one is repeated by it.
        public var sessions: [NewSession]
        /// The rule that repeats the first session.
        public var recurrence: Recurrence?
        /// People running it: part and person reference.
        public var staff: [(EventRole, String)]

        /// A new event.
        public init(
            title: String, type: EventType, series: String? = nil, organiser: String? = nil,
            venue: String? = nil,
            capacity: Int? = nil, moderated: Bool = false, themes: [String] = [], description: String? = nil,
            sessions: [NewSession], recurrence: Recurrence? = nil, staff: [(EventRole, String)] = []
        ) {
            self.title = title
            self.type = type
            self.series = series
            self.organiser = organiser
            self.venue = venue
            self.capacity = capacity
            self.moderated = moderated
            self.themes = themes
            self.description = description
            self.sessions = sessions
            self.recurrence = recurrence
            self.staff = staff
        }
    }

    /// The sessions a new event gets: as given, or the first one repeated by the rule. Throws
    /// when one ends before it starts or the rule is malformed.
    public static func plannedSessions(_ new: NewEvent) throws(GSLError) -> [NewSession] {
        guard let first = new.sessions.first else {
            throw GSLError.data(
                "活动至少要有一个场次（开始与结束时间）", en: "an event needs at least one session (start and end)"
            )
            .because(.valueRequired)
        }
        for s in new.sessions where s.end <= s.start {
            throw endBeforeStart(s.start, s.end)
        }
        guard let rule = new.recurrence else { return new.sessions }
        guard new.sessions.count == 1 else {
            throw GSLError.data("重复活动只能给出第一个场次", en: "a repeating event takes only its first session")
                .because(.eventRecurrenceInvalid)
        }
        let length = first.end.absoluteMinute - first.start.absoluteMinute
        return try rule.occurrences(from: first.start.date).map { day in
            let start = first.start.on(day)
            return NewSession(
                start: start, end: start.adding(minutes: length), title: first.title, venue: first.venue)
        }
    }

    static func endBeforeStart(_ start: EventTime, _ end: EventTime) -> GSLError {
        GSLError.data(
            "结束时间 \(end.display) 不晚于开始时间 \(start.display)",
            en: "the end \(end.display) is not after the start \(start.display)"
        ).because(.eventEndBeforeStart)
    }

    /// Creates an event with its sessions and staff in one transaction; returns its id.
    public func create(_ new: NewEvent, context: MutationContext) throws(GSLError) -> Int64 {
        let title = TextNormaliser.collapseSpaces(new.title)
        guard !title.isEmpty else {
            throw GSLError.data("标题不能为空", en: "the title is empty").because(.valueRequired)
        }
        if let c = new.capacity, c < 0 {
            throw GSLError.data("名额不能为负：\(c)", en: "the capacity is negative: \(c)").because(.negativeValue)
        }
        let sessions = try Self.plannedSessions(new)
        return try store.write(context) { m -> Int64 in
            let organiserID = try new.organiser.map { try Self.organiser(m.db, $0) }
            let seriesID = try new.series.map { try Self.series(m, $0) }
            let start = sessions.map(\.start).min()!, end = sessions.map(\.end).max()!
            let id = try m.insert(
                into: "events", entity: "event",
                values: [
                    ("title", title.databaseValue), ("type", new.type.rawValue.databaseValue),
                    ("series_id", seriesID.databaseValue), ("organiser_id", organiserID.databaseValue),
                    ("venue", Self.clean(new.venue).databaseValue), ("capacity", new.capacity.databaseValue),
                    ("moderated", (new.moderated ? 1 : 0).databaseValue),
                    ("themes", (new.themes.isEmpty ? nil : new.themes.joined(separator: "、")).databaseValue),
                    ("description", Self.clean(new.description).databaseValue),
                    ("status", EventStatus.scheduled.rawValue.databaseValue),
                    ("recurrence", new.recurrence?.rrule.databaseValue ?? .null),
                    (
                        "excluded",
                        (new.recurrence.flatMap {
                            $0.excluded.isEmpty ? nil : $0.excluded.map(\.iso).joined(separator: ",")
                        })
                        .databaseValue
                    ),
                    ("starts_at", start.iso.databaseValue), ("ends_at", end.iso.databaseValue),
                    ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
                ])
            for s in sessions {
                try m.insert(
                    into: "event_sessions", entity: "event_session",
                    values: [
                        ("event_id", id.databaseValue), ("title", Self.clean(s.title).databaseValue),
                        ("venue", Self.clean(s.venue).databaseValue),
                        ("starts_at", s.start.iso.databaseValue),
                        ("ends_at", s.end.iso.databaseValue),
                        ("status", EventStatus.scheduled.rawValue.databaseValue),
                    ])
            }
            var seen: Set<String> = []
            for (role, ref) in new.staff {
                let person = try References.person(m.db, ref)
                guard seen.insert("\(role.rawValue)/\(person.id)").inserted else { continue }
                try m.insert(
                    into: "event_staff", entity: "event_staff",
                    values: [
                        ("event_id", id.databaseValue), ("person_id", person.id.databaseValue),
                        ("role", role.rawValue.databaseValue),
                    ], key: "\(id)/\(person.id)/\(role.rawValue)")
            }
            return id
        }
    }

    static func clean(_ text: String?) -> String? {
        guard let t = text.map(TextNormaliser.collapseSpaces), !t.isEmpty else { return nil }
        return t
    }

    /// The organiser's id: the federation or a chamber.
    static func organiser(_ db: Database, _ ref: String) throws -> Int64 {
        let org = try References.organisation(db, ref)
        guard org.kind == .federation || org.kind == .chamber else {
            throw GSLError.data(
                "主办方「\(org.name)」不是工商联或商会",
                en: "the organiser '\(org.name)' is neither the federation nor a chamber"
            ).because(.eventOrganiserKind)
        }
        return org.id
    }

    /// The series named `name`, created when new.
    static func series(_ m: Mutation, _ name: String) throws -> Int64 {
        let clean = TextNormaliser.collapseSpaces(name)
        if let id = try Int64.fetchOne(
            m.db, sql: "SELECT id FROM event_series WHERE name = ?", arguments: [clean])
        {
            return id
        }
        return try m.insert(
            into: "event_series", entity: "event_series",
            values: [("name", clean.databaseValue), ("created_at", m.context.at.databaseValue)])
    }

    /// What an edit changes (nil: unchanged).
    public struct Changes: Sendable {
        /// New title.
        public var title: String?
        /// New type.
        public var type: EventType?
        /// New venue.
        public var venue: String?
        /// New capacity (seats freed move the waiting list up).
        public var capacity: Int?
        /// New themes.
        public var themes: [String]?
        /// New description.
        public var description: String?

        /// Changes.
        public init(
            title: String? = nil, type: EventType? = nil, venue: String? = nil, capacity: Int? = nil,
            themes: [String]? = nil, description: String? = nil
        ) {
            self.title = title
            self.type = type
            self.venue = venue
            self.capacity = capacity
            self.themes = themes
            self.description = description
        }
    }

    /// Applies `changes` (checking `expectedVersion` when given); a capacity below the seats taken is
    /// refused, a larger one moves the waiting list up (logged). Returns the promoted registrations.
    public func edit(_ id: Int64, _ changes: Changes, expectedVersion: Int64?, context: MutationContext)
        throws(GSLError) -> [RegistrationChange]
    {
        try store.write(context) { m -> [RegistrationChange] in
            let event = try Self.get(m.db, id)
            guard event.status == .scheduled else { throw Self.cancelledError(event) }
            var sets: [(String, DatabaseValue)] = []
            if let t = changes.title.map(TextNormaliser.collapseSpaces) {
                guard !t.isEmpty else {
                    throw GSLError.data("标题不能为空", en: "the title is empty").because(.valueRequired)
                }
                sets.append(("title", t.databaseValue))
            }
            if let t = changes.type { sets.append(("type", t.rawValue.databaseValue)) }
            if let v = changes.venue { sets.append(("venue", Self.clean(v).databaseValue)) }
            if let th = changes.themes {
                sets.append(("themes", (th.isEmpty ? nil : th.joined(separator: "、")).databaseValue))
            }
            if let d = changes.description { sets.append(("description", Self.clean(d).databaseValue)) }
            if let c = changes.capacity {
                let seated = try RegistrationRepository.seated(m.db, id)
                guard c >= seated else {
                    throw GSLError.data(
                        "名额 \(c) 少于已占名额 \(seated)",
                        en: "the capacity \(c) is below the \(seated) seats already taken"
                    ).because(.eventCapacityBelowRegistrations)
                }
                sets.append(("capacity", c.databaseValue))
            }
            guard !sets.isEmpty else {
                throw GSLError.usage("没有要修改的内容", en: "nothing to change").because(.valueRequired)
            }
            try m.update(
                table: "events", entity: "event", key: id.databaseValue, expectedVersion: expectedVersion,
                changes: sets)
            return try RegistrationRepository.promote(m, eventID: id, on: m.context.day)
        }
    }

    static func cancelledError(_ event: EventRecord) -> GSLError {
        GSLError.conflict(
            "活动 #\(event.id)「\(event.title)」已取消", en: "event #\(event.id) '\(event.title)' is cancelled"
        )
        .because(.eventCancelled)
    }

    /// Cancels an event and its sessions; registrations stay as they are (the log says why).
    public func cancel(_ id: Int64, expectedVersion: Int64?, context: MutationContext) throws(GSLError) {
        try store.write(context) { m in
            let event = try Self.get(m.db, id)
            guard event.status == .scheduled else { throw Self.cancelledError(event) }
            try m.update(
                table: "events", entity: "event", key: id.databaseValue, expectedVersion: expectedVersion,
                changes: [("status", EventStatus.cancelled.rawValue.databaseValue)])
            for sid in try Int64.fetchAll(
                m.db, sql: "SELECT id FROM event_sessions WHERE event_id = ? AND status = 'scheduled'",
                arguments: [id])
            {
                try m.update(
                    table: "event_sessions", entity: "event_session", key: sid.databaseValue,
                    expectedVersion: nil,
                    changes: [("status", EventStatus.cancelled.rawValue.databaseValue)])
            }
        }
    }

    /// One event.
    public func get(_ id: Int64) throws(GSLError) -> EventRecord {
        try store.read { db in try Self.get(db, id) }
    }

    static func get(_ db: Database, _ id: Int64) throws -> EventRecord {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: EventRecord.select + " WHERE e.id = ?"), arguments: [id])
        else {
            throw GSLError.notFound("未找到活动 #\(id)", en: "no event #\(id)").because(.eventNotFound)
        }
        return EventRecord(row: row)
    }

    /// What to list.
    public struct Filter: Sendable {
        /// Events with a session on or after this day.
        public var from: LocalDate?
        /// Events with a session on or before this day.
        public var to: LocalDate?
        /// Of this type.
        public var type: EventType?
        /// Of this series (name).
        public var series: String?
        /// Of this status.
        public var status: EventStatus?
        /// Latest start first (the past looking back) instead of earliest first.
        public var newestFirst: Bool

        /// A filter.
        public init(
            from: LocalDate? = nil, to: LocalDate? = nil, type: EventType? = nil, series: String? = nil,
            status: EventStatus? = nil, newestFirst: Bool = false
        ) {
            self.from = from
            self.to = to
            self.type = type
            self.series = series
            self.status = status
            self.newestFirst = newestFirst
        }
    }

    /// Events matching `filter`, by start time (latest first when the filter says so).
    public func list(_ filter: Filter, limit: Int) throws(GSLError) -> [EventRecord] {
        var conditions: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let from = filter.from {
            conditions.append("e.ends_at >= ?")
            args.append(from.iso)
        }
        if let to = filter.to {
            conditions.append("e.starts_at < ?")
            args.append(to.adding(days: 1).iso)
        }
        if let t = filter.type {
            conditions.append("e.type = ?")
            args.append(t.rawValue)
        }
        if let s = filter.series {
            conditions.append("s.name = ?")
            args.append(TextNormaliser.collapseSpaces(s))
        }
        if let st = filter.status {
            conditions.append("e.status = ?")
            args.append(st.rawValue)
        }
        let whereSQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        args.append(limit)
        return try store.read { db in
            try Row.fetchAll(
                db,
                sql: EventRecord.select + whereSQL
                    + (filter.newestFirst
                        ? " ORDER BY e.starts_at DESC, e.id DESC" : " ORDER BY e.starts_at, e.id")
                    + " LIMIT ?",
                arguments: StatementArguments(args)
            ).map(EventRecord.init(row:))
        }
    }

    /// An event with its sessions, staff, registration counts, attendance, outcomes and the
    /// requests raised at it.
    public func view(_ id: Int64) throws(GSLError) -> EventView {
        try store.read { db in
            let event = try Self.get(db, id)
            let sessions = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.event_id, s.title, coalesce(s.venue, e.venue), s.starts_at, s.ends_at, s.status,
                           (SELECT count(*) FROM event_attendance a WHERE a.session_id = s.id)
                    FROM event_sessions s JOIN events e ON e.id = s.event_id WHERE s.event_id = ? ORDER BY s.starts_at, s.id
                    """, arguments: [id]
            ).map { r in
                SessionRecord(
                    id: r[0], eventID: r[1], title: r[2], venue: r[3], start: (try? EventTime.parse(r[4]))!,
                    end: (try? EventTime.parse(r[5]))!, status: EventStatus(rawValue: r[6]) ?? .scheduled,
                    attendance: r[7])
            }
            let staff = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.role, t.person_id, p.name FROM event_staff t JOIN people p ON p.id = t.person_id
                    WHERE t.event_id = ? ORDER BY t.role, p.name
                    """, arguments: [id]
            ).map { StaffRecord(role: EventRole(rawValue: $0[0]) ?? .staff, personID: $0[1], name: $0[2]) }
            var counts: [RegistrationStatus: Int] = [:]
            for r in try Row.fetchAll(
                db,
                sql: "SELECT status, count(*) FROM event_registrations WHERE event_id = ? GROUP BY status",
                arguments: [id])
            {
                if let s = RegistrationStatus(rawValue: r[0]) { counts[s] = r[1] }
            }
            let attendance = try Row.fetchOne(
                db,
                sql: "SELECT count(*), count(DISTINCT person_id) FROM event_attendance WHERE event_id = ?",
                arguments: [id])!
            let outcomes = try OutcomeRepository.list(db, eventID: id, from: nil, to: nil)
            return EventView(
                event: event, sessions: sessions, staff: staff, registrations: counts,
                personTimes: attendance[0],
                uniquePeople: attendance[1], outcomes: outcomes, requests: try Self.requests(db, id))
        }
    }

    /// The requests casework recorded as raised at the event (none when casework's link is absent).
    static func requests(_ db: Database, _ id: Int64) throws -> [RaisedRequest] {
        guard try db.tableExists("cases"),
            try db.columns(in: "cases").contains(where: { $0.name == "event_id" })
        else {
            return []
        }
        return try Row.fetchAll(
            db, sql: "SELECT id, title, state FROM cases WHERE event_id = ? ORDER BY id", arguments: [id]
        ).map { RaisedRequest(id: $0[0], title: $0[1], state: $0[2]) }
    }
}
