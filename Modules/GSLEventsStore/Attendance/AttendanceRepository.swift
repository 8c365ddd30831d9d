import GRDB
import GSLCore
import GSLEvents
import GSLStore
import GSLTabular

/// What a check-in did: who was counted, who had already been (a second scan, not counted), and
/// the sheet's names that matched nobody or several people (listed, never guessed).
public struct CheckInReport: Sendable, Equatable {
    /// A person checked in (or scanned again).
    public struct Entry: Sendable, Equatable {
        /// The sheet line, when from a sheet.
        public var line: Int?
        /// The person.
        public var personID: Int64
        /// Their name.
        public var name: String
        /// Whether they had not registered (a walk-in).
        public var walkIn: Bool
    }

    /// A sheet line that matched nobody or several people.
    public struct Unmatched: Sendable, Equatable {
        /// The line.
        public var line: Int
        /// The name as written.
        public var name: String
        /// The enterprise as written.
        public var organisation: String?
        /// The people it could be (empty: nobody).
        public var candidates: [Int64]
    }

    /// The session.
    public var sessionID: Int64
    /// Its start.
    public var sessionStart: EventTime
    /// Counted now.
    public var checkedIn: [Entry] = []
    /// Already checked in to this session before: reported, not counted.
    public var repeated: [Entry] = []
    /// Names matching nobody.
    public var unknown: [Unmatched] = []
    /// Names matching several people.
    public var ambiguous: [Unmatched] = []
}

/// Store access for attendance: check-in per session, one by one or from a sign-in sheet.
public struct AttendanceRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// The fields of a sign-in sheet.
    public static let sheetFields: [FieldSpec] = [
        FieldSpec("name", aliases: ["姓名", "名字", "签到人", "参会人", "person"], required: true),
        FieldSpec(
            "organisation", aliases: ["单位", "企业", "工作单位", "企业名称", "所在单位", "company", "enterprise", "org"]),
    ]

    /// The session a check-in is for: the one named, else the event's only scheduled session, else
    /// its only scheduled session on `day`.
    static func session(_ db: Database, eventID: Int64, sessionID: Int64?, day: LocalDate) throws -> (
        Int64, EventTime
    ) {
        let event = try EventRepository.get(db, eventID)
        guard event.status == .scheduled else { throw EventRepository.cancelledError(event) }
        let rows = try Row.fetchAll(
            db,
            sql:
                "SELECT id, starts_at FROM event_sessions WHERE event_id = ? AND status = 'scheduled' ORDER BY starts_at",
            arguments: [eventID])
        let sessions = rows.map { (id: $0[0] as Int64, start: (try? EventTime.parse($0[1] as String))!) }
        if let sessionID {
            guard let s = sessions.first(where: { $0.id == sessionID }) else {
                throw GSLError.notFound(
                    "活动 #\(eventID) 没有场次 #\(sessionID)", en: "event #\(eventID) has no session #\(sessionID)"
                ).because(.eventSessionNotFound)
            }
            return (s.id, s.start)
        }
        if sessions.count == 1 { return (sessions[0].id, sessions[0].start) }
        let onDay = sessions.filter { $0.start.date == day }
        if onDay.count == 1 { return (onDay[0].id, onDay[0].start) }
        let list = sessions.map { "#\($0.id) \($0.start.display)" }.joined(separator: ", ")
        throw GSLError.usage(
            "活动 #\(eventID) 有多个场次，请指定场次：\(list)",
            en: "event #\(eventID) has several sessions; name one: \(list)"
        ).because(.eventSessionNotFound)
    }

    /// Records one attendance (and the registration's status); false when already recorded.
    static func attend(
        _ m: Mutation, eventID: Int64, session: (Int64, EventTime), personID: Int64, source: String
    ) throws -> (counted: Bool, walkIn: Bool) {
        if try Bool.fetchOne(
            m.db, sql: "SELECT 1 FROM event_attendance WHERE session_id = ? AND person_id = ?",
            arguments: [session.0, personID]) == true
        {
            return (false, false)
        }
        try m.insert(
            into: "event_attendance", entity: "event_attendance",
            values: [
                ("session_id", session.0.databaseValue), ("person_id", personID.databaseValue),
                ("event_id", eventID.databaseValue), ("on_date", session.1.date.iso.databaseValue),
                ("source", source.databaseValue), ("recorded_at", m.context.at.databaseValue),
            ], key: "\(session.0)/\(personID)")
        let day = session.1.date
        if let reg = try RegistrationRepository.find(m.db, eventID: eventID, personID: personID) {
            if reg.status != .attended {
                try RegistrationRepository.change(
                    m, reg.id, from: reg.status, to: .attended, on: day, reason: "checked in")
            }
            return (true, false)
        }
        let position =
            (try Int64.fetchOne(
                m.db, sql: "SELECT max(position) FROM event_registrations WHERE event_id = ?",
                arguments: [eventID]) ?? 0)
            + 1
        let id = try m.insert(
            into: "event_registrations", entity: "event_registration",
            values: [
                ("event_id", eventID.databaseValue), ("person_id", personID.databaseValue),
                ("status", RegistrationStatus.attended.rawValue.databaseValue),
                ("position", position.databaseValue),
                ("registered_on", day.iso.databaseValue), ("created_at", m.context.at.databaseValue),
                ("updated_at", m.context.at.databaseValue),
            ])
        try RegistrationRepository.change(m, id, from: nil, to: .attended, on: day, reason: "walk-in")
        return (true, true)
    }

    /// Checks in people named by id or name (each must be one person) to a session.
    public func checkIn(
        eventID: Int64, sessionID: Int64?, people refs: [String], day: LocalDate, context: MutationContext
    ) throws(GSLError) -> CheckInReport {
        try store.write(context) { m -> CheckInReport in
            let session = try Self.session(m.db, eventID: eventID, sessionID: sessionID, day: day)
            var report = CheckInReport(sessionID: session.0, sessionStart: session.1)
            var seen: Set<Int64> = []
            for ref in refs {
                let person = try References.person(m.db, ref)
                guard seen.insert(person.id).inserted else {
                    throw GSLError.data("「\(ref)」重复", en: "'\(ref)' is given twice").because(
                        .importDuplicateRow)
                }
                let r = try Self.attend(
                    m, eventID: eventID, session: session, personID: person.id, source: "manual")
                let entry = CheckInReport.Entry(
                    line: nil, personID: person.id, name: person.name, walkIn: r.walkIn)
                if r.counted { report.checkedIn.append(entry) } else { report.repeated.append(entry) }
            }
            return report
        }
    }

    /// Checks in the people of a sign-in sheet (name, and enterprise when the sheet has it).
    /// Duplicate lines refuse the whole sheet; names matching nobody or several people are listed
    /// and not checked in; the rest are, in one transaction.
    public func checkInSheet(
        eventID: Int64, sessionID: Int64?, _ options: ImportOptions, day: LocalDate, context: MutationContext
    ) throws(GSLError) -> CheckInReport {
        let input = try ImportSupport(options, fields: Self.sheetFields)
        var lines: [SignInMatcher.Line] = []
        var rowsByLine: [Int: TabularRow] = [:]
        for row in input.file.rows {
            let r = input.reader(row)
            let name = try r.required("name", label: Message("姓名", en: "name"))
            let line = row.line
            rowsByLine[line] = row
            lines.append(SignInMatcher.Line(line: line, name: name, organisation: r.text("organisation")))
        }
        return try ImportSupport.apply(store, options, context) { m -> CheckInReport in
            let session = try Self.session(m.db, eventID: eventID, sessionID: sessionID, day: day)
            let matcher = SignInMatcher(candidates: try Self.candidates(m.db, names: lines.map(\.name)))
            let matches = lines.map(matcher.match)
            if let dup = SignInMatcher.duplicate(in: lines, matches: matches) {
                throw GSLError(
                    .data,
                    Message(
                        "签到表重复：「\(dup.line.name)」已在第 \(dup.earlier) 行",
                        en: "duplicate sign-in row: '\(dup.line.name)' is already on line \(dup.earlier)"),
                    at: input.location(rowsByLine[dup.line.line]!, "name")
                ).because(.importDuplicateRow)
            }
            var report = CheckInReport(sessionID: session.0, sessionStart: session.1)
            let matched = matches.compactMap { match -> Int64? in
                if case .person(let id) = match { return id }
                return nil
            }
            let names = try Self.names(m.db, matched)
            let results = try Self.attendMany(
                m, eventID: eventID, session: session, people: matched, source: "sheet")
            var next = 0
            for (line, match) in zip(lines, matches) {
                switch match {
                case .person(let id):
                    let r = results[next]
                    next += 1
                    let entry = CheckInReport.Entry(
                        line: line.line, personID: id, name: names[id] ?? line.name, walkIn: r.walkIn)
                    if r.counted { report.checkedIn.append(entry) } else { report.repeated.append(entry) }
                case .unknown:
                    report.unknown.append(
                        .init(
                            line: line.line, name: line.name, organisation: line.organisation, candidates: [])
                    )
                case .ambiguous(let ids):
                    report.ambiguous.append(
                        .init(
                            line: line.line, name: line.name, organisation: line.organisation, candidates: ids
                        ))
                }
            }
            return report
        }
    }

    /// Everyone whose name is one of `names` (as written or without spaces), with their enterprise.
    static func candidates(_ db: Database, names: [String]) throws -> [SignInMatcher.Candidate] {
        let wanted = Array(Set(names + names.map(SignInMatcher.key)))
        var out: [SignInMatcher.Candidate] = []
        for start in stride(from: 0, to: wanted.count, by: 500) {
            let chunk = Array(wanted[start..<min(start + 500, wanted.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            out += try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.name, o.name FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
                    WHERE p.name IN (\(marks))
                    """, arguments: StatementArguments(chunk)
            ).map { SignInMatcher.Candidate(personID: $0[0], name: $0[1], organisation: $0[2]) }
        }
        return out
    }

    static func names(_ db: Database, _ ids: [Int64]) throws -> [Int64: String] {
        var out: [Int64: String] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try Row.fetchAll(
                db, sql: "SELECT id, name FROM people WHERE id IN (\(marks))",
                arguments: StatementArguments(chunk))
            {
                out[row[0]] = row[1]
            }
        }
        return out
    }
}

extension AttendanceRepository {
    /// Records the attendances of many people at one session in a few statements (a sign-in sheet):
    /// attendance rows and walk-in registrations as row batches in the audit log, registrations
    /// that change to attended one by one, every status change logged. Returns, per person in
    /// order, whether it was counted (false: already checked in) and whether it was a walk-in.
    static func attendMany(
        _ m: Mutation, eventID: Int64, session: (Int64, EventTime), people: [Int64], source: String
    ) throws -> [(counted: Bool, walkIn: Bool)] {
        let db = m.db
        let day = session.1.date
        let already = Set(
            try Int64.fetchAll(
                db, sql: "SELECT person_id FROM event_attendance WHERE session_id = ?", arguments: [session.0]
            ))
        var registrations: [Int64: (id: Int64, status: String)] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT person_id, id, status FROM event_registrations WHERE event_id = ?",
            arguments: [eventID])
        {
            registrations[row[0]] = (row[1], row[2])
        }
        var position =
            try Int64.fetchOne(
                db, sql: "SELECT coalesce(max(position), 0) FROM event_registrations WHERE event_id = ?",
                arguments: [eventID]) ?? 0
        var attendance: [[DatabaseValue]] = []
        var walkIns: [[DatabaseValue]] = []
        var changed: [(Int64, String)] = []
        var out: [(counted: Bool, walkIn: Bool)] = []
        out.reserveCapacity(people.count)
        for person in people {
            if already.contains(person) {
                out.append((false, false))
                continue
            }
            attendance.append([
                session.0.databaseValue, person.databaseValue, eventID.databaseValue, day.iso.databaseValue,
                source.databaseValue, m.context.at.databaseValue,
            ])
            if let reg = registrations[person] {
                if reg.status != RegistrationStatus.attended.rawValue { changed.append((reg.id, reg.status)) }
                out.append((true, false))
            } else {
                position += 1
                walkIns.append([
                    eventID.databaseValue, person.databaseValue,
                    RegistrationStatus.attended.rawValue.databaseValue,
                    position.databaseValue, day.iso.databaseValue, m.context.at.databaseValue,
                    m.context.at.databaseValue,
                ])
                out.append((true, true))
            }
        }
        try m.writeRows(
            into: "event_attendance", entity: "event_attendance", entityID: "\(session.0)",
            columns: ["session_id", "person_id", "event_id", "on_date", "source", "recorded_at"],
            rows: attendance)
        var log: [[DatabaseValue]] = []
        func logRow(_ id: Int64, from: String?, reason: String) -> [DatabaseValue] {
            [
                id.databaseValue, from.databaseValue, RegistrationStatus.attended.rawValue.databaseValue,
                day.iso.databaseValue, reason.databaseValue, m.context.actor.databaseValue,
                m.context.at.databaseValue,
            ]
        }
        for (id, from) in changed {
            try m.update(
                table: "event_registrations", entity: "event_registration", key: id.databaseValue,
                expectedVersion: nil,
                changes: [("status", RegistrationStatus.attended.rawValue.databaseValue)])
            log.append(logRow(id, from: from, reason: "checked in"))
        }
        let first = try m.insertMany(
            into: "event_registrations", entity: "event_registration",
            columns: [
                "event_id", "person_id", "status", "position", "registered_on", "created_at", "updated_at",
            ],
            rows: walkIns)
        for k in 0..<walkIns.count { log.append(logRow(first + Int64(k), from: nil, reason: "walk-in")) }
        try m.insertMany(
            into: "event_registration_log", entity: "event_registration_log",
            columns: [
                "registration_id", "from_status", "to_status", "on_date", "reason", "actor", "recorded_at",
            ],
            rows: log)
        return out
    }
}
