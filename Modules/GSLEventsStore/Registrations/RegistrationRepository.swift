import GRDB
import GSLCore
import GSLEvents
import GSLStore

/// Store access for registrations: register, approve, cancel (moving the waiting list up), list,
/// and mark no-shows; every status change is logged with its reason.
public struct RegistrationRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// Seats taken at an event.
    static func seated(_ db: Database, _ eventID: Int64) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(
                sql: "SELECT count(*) FROM event_registrations WHERE event_id = ? AND "
                    + SQLEnumeration.oneOf("status", RegistrationStatus.seated)), arguments: [eventID]) ?? 0
    }

    static func waiting(_ db: Database, _ eventID: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            db.cachedStatement(
                sql: "SELECT id FROM event_registrations WHERE event_id = ? AND status = ? ORDER BY position"),
            arguments: [eventID, RegistrationStatus.waitlisted.rawValue])
    }

    /// Changes a registration's status and logs why.
    static func change(
        _ m: Mutation, _ id: Int64, from: RegistrationStatus?, to: RegistrationStatus, on day: LocalDate,
        reason: String,
        updated: Bool = false
    ) throws {
        if from != nil && !updated {
            try m.update(
                table: "event_registrations", entity: "event_registration", key: id.databaseValue,
                expectedVersion: nil,
                changes: [("status", to.rawValue.databaseValue)])
        }
        try m.insert(
            into: "event_registration_log", entity: "event_registration_log",
            values: [
                ("registration_id", id.databaseValue), ("from_status", from?.rawValue.databaseValue ?? .null),
                ("to_status", to.rawValue.databaseValue), ("on_date", day.iso.databaseValue),
                ("reason", reason.databaseValue), ("actor", m.context.actor.databaseValue),
                ("recorded_at", m.context.at.databaseValue),
            ])
    }

    /// Moves the waiting list up into free seats, in registration order; returns the changes.
    static func promote(_ m: Mutation, eventID: Int64, on day: LocalDate) throws -> [RegistrationChange] {
        let event = try EventRepository.get(m.db, eventID)
        let waiting = try waiting(m.db, eventID)
        let n = RegistrationRules.promotions(
            capacity: event.capacity, seated: try seated(m.db, eventID), waiting: waiting.count)
        var out: [RegistrationChange] = []
        for id in waiting.prefix(n) {
            try change(m, id, from: .waitlisted, to: .registered, on: day, reason: "promoted")
            out.append(
                try Self.changeRecord(
                    m.db, id, from: .waitlisted, to: .registered, day: day, reason: "promoted"))
        }
        return out
    }

    static func changeRecord(
        _ db: Database, _ id: Int64, from: RegistrationStatus?, to: RegistrationStatus, day: LocalDate,
        reason: String
    ) throws -> RegistrationChange {
        let name =
            try String.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT p.name FROM event_registrations r JOIN people p ON p.id = r.person_id WHERE r.id = ?"
                ),
                arguments: [id]) ?? ""
        return RegistrationChange(
            registrationID: id, name: name, from: from, to: to, date: day.iso, reason: reason)
    }

    static func find(_ db: Database, eventID: Int64, personID: Int64) throws -> RegistrationRecord? {
        try Row.fetchOne(
            db.cachedStatement(sql: RegistrationRecord.select + " WHERE r.event_id = ? AND r.person_id = ?"),
            arguments: [eventID, personID]
        ).map(RegistrationRecord.init(row:))
    }

    /// Registers a person (a seat, the waiting list, or approval pending); returns the change.
    public func register(
        eventID: Int64, person ref: String, on day: LocalDate, note: String?, context: MutationContext
    ) throws(GSLError) -> RegistrationChange {
        try store.write(context) { m -> RegistrationChange in
            let event = try EventRepository.get(m.db, eventID)
            guard event.status == .scheduled else { throw EventRepository.cancelledError(event) }
            let person = try References.person(m.db, ref)
            if let existing = try Self.find(m.db, eventID: eventID, personID: person.id),
                existing.status != .cancelled
            {
                throw GSLError.conflict(
                    "\(person.name) 已报名活动 #\(eventID)（\(existing.status.label.zh)）",
                    en:
                        "\(person.name) is already registered for event #\(eventID) (\(existing.status.label.en))"
                ).because(.eventAlreadyRegistered)
            }
            let status = RegistrationRules.admit(
                capacity: event.capacity, seated: try Self.seated(m.db, eventID),
                waiting: try Self.waiting(m.db, eventID).count, moderated: event.moderated)
            let reason =
                status == .waitlisted ? "full" : status == .pending ? "awaiting approval" : "registered"
            let position =
                (try Int64.fetchOne(
                    m.db, sql: "SELECT max(position) FROM event_registrations WHERE event_id = ?",
                    arguments: [eventID]) ?? 0) + 1
            let previous = try Self.find(m.db, eventID: eventID, personID: person.id)
            let id: Int64
            if let previous {
                // Registering again after cancelling: the same row, at the end of the queue.
                id = previous.id
                try m.update(
                    table: "event_registrations", entity: "event_registration", key: id.databaseValue,
                    expectedVersion: nil,
                    changes: [
                        ("status", status.rawValue.databaseValue), ("position", position.databaseValue),
                        ("registered_on", day.iso.databaseValue),
                    ])
            } else {
                id = try m.insert(
                    into: "event_registrations", entity: "event_registration",
                    values: [
                        ("event_id", eventID.databaseValue), ("person_id", person.id.databaseValue),
                        ("status", status.rawValue.databaseValue), ("position", position.databaseValue),
                        ("registered_on", day.iso.databaseValue),
                        ("note", EventRepository.clean(note).databaseValue),
                        ("created_at", m.context.at.databaseValue),
                        ("updated_at", m.context.at.databaseValue),
                    ])
            }
            try Self.change(
                m, id, from: previous.map { _ in .cancelled }, to: status, on: day, reason: reason,
                updated: true)
            return try Self.changeRecord(
                m.db, id, from: previous.map { _ in .cancelled }, to: status, day: day, reason: reason)
        }
    }
}

extension RegistrationRepository {
    /// The registration of `ref` at the event, else not-registered.
    static func registration(_ db: Database, eventID: Int64, person ref: String) throws -> RegistrationRecord
    {
        let person = try References.person(db, ref)
        guard let found = try find(db, eventID: eventID, personID: person.id) else {
            throw GSLError.notFound(
                "\(person.name) 未报名活动 #\(eventID)",
                en: "\(person.name) is not registered for event #\(eventID)"
            ).because(.eventNotRegistered)
        }
        return found
    }

    /// Approves a pending registration (a seat if one is free, else the waiting list).
    public func approve(eventID: Int64, person ref: String, on day: LocalDate, context: MutationContext)
        throws(GSLError) -> RegistrationChange
    {
        try store.write(context) { m -> RegistrationChange in
            let event = try EventRepository.get(m.db, eventID)
            guard event.status == .scheduled else { throw EventRepository.cancelledError(event) }
            let reg = try Self.registration(m.db, eventID: eventID, person: ref)
            let to = try RegistrationRules.approve(
                reg.status, capacity: event.capacity, seated: try Self.seated(m.db, eventID))
            let reason = to == .waitlisted ? "approved, full" : "approved"
            try Self.change(m, reg.id, from: reg.status, to: to, on: day, reason: reason)
            return try Self.changeRecord(m.db, reg.id, from: reg.status, to: to, day: day, reason: reason)
        }
    }

    /// Cancels a registration; the seat it frees goes to the next on the waiting list (logged).
    /// Returns the cancellation, then the promotions.
    public func cancel(eventID: Int64, person ref: String, on day: LocalDate, context: MutationContext)
        throws(GSLError) -> [RegistrationChange]
    {
        try store.write(context) { m -> [RegistrationChange] in
            let reg = try Self.registration(m.db, eventID: eventID, person: ref)
            let to = try RegistrationRules.cancel(reg.status)
            try Self.change(m, reg.id, from: reg.status, to: to, on: day, reason: "cancelled")
            var out = [
                try Self.changeRecord(m.db, reg.id, from: reg.status, to: to, day: day, reason: "cancelled")
            ]
            if try EventRepository.get(m.db, eventID).status == .scheduled {
                out += try Self.promote(m, eventID: eventID, on: day)
            }
            return out
        }
    }

    /// Registrations of an event in queue order, optionally of one status.
    public func list(eventID: Int64, status: RegistrationStatus?) throws(GSLError) -> [RegistrationRecord] {
        try store.read { db in
            _ = try EventRepository.get(db, eventID)
            var sql = RegistrationRecord.select + " WHERE r.event_id = ?"
            var args: [DatabaseValueConvertible] = [eventID]
            if let status {
                sql += " AND r.status = ?"
                args.append(status.rawValue)
            }
            return try Row.fetchAll(
                db, sql: sql + " ORDER BY r.position", arguments: StatementArguments(args)
            )
            .map(RegistrationRecord.init(row:))
        }
    }

    /// A registration's log, oldest first.
    public func log(eventID: Int64) throws(GSLError) -> [RegistrationChange] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l.registration_id, p.name, l.from_status, l.to_status, l.on_date, l.reason
                    FROM event_registration_log l JOIN event_registrations r ON r.id = l.registration_id
                    JOIN people p ON p.id = r.person_id WHERE r.event_id = ? ORDER BY l.id
                    """, arguments: [eventID]
            ).map {
                RegistrationChange(
                    registrationID: $0[0], name: $0[1],
                    from: ($0[2] as String?).flatMap(RegistrationStatus.init(rawValue:)),
                    to: RegistrationStatus(rawValue: $0[3]) ?? .registered, date: $0[4], reason: $0[5])
            }
        }
    }

    /// After an event: seats held without any attendance become no-shows (logged); returns them.
    public func markNoShows(eventID: Int64, on day: LocalDate, context: MutationContext) throws(GSLError)
        -> [RegistrationChange]
    {
        try store.write(context) { m -> [RegistrationChange] in
            _ = try EventRepository.get(m.db, eventID)
            let rows = try Row.fetchAll(
                m.db,
                sql: "SELECT r.id, r.status FROM event_registrations r WHERE r.event_id = ? AND "
                    + SQLEnumeration.oneOf(
                        "r.status", RegistrationStatus.allCases.filter(RegistrationRules.isNoShow))
                    + " AND NOT EXISTS (SELECT 1 FROM event_attendance a WHERE a.event_id = r.event_id AND a.person_id = r.person_id)"
                    + " ORDER BY r.position", arguments: [eventID])
            var out: [RegistrationChange] = []
            for row in rows {
                let id: Int64 = row[0]
                let from = RegistrationStatus(rawValue: row[1]) ?? .registered
                try Self.change(m, id, from: from, to: .noShow, on: day, reason: "no-show")
                out.append(
                    try Self.changeRecord(m.db, id, from: from, to: .noShow, day: day, reason: "no-show"))
            }
            return out
        }
    }
}
