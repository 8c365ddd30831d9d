import GRDB
import GSLCore
import GSLEvents

/// An event as stored.
public struct EventRecord: Sendable, Equatable {
    /// Its number.
    public var id: Int64
    /// Title.
    public var title: String
    /// Type.
    public var type: EventType
    /// Series id and name.
    public var series: (id: Int64, name: String)?
    /// Organiser id and name (the federation or a chamber).
    public var organiser: (id: Int64, name: String)?
    /// Default venue of its sessions.
    public var venue: String?
    /// Seats (nil: no limit).
    public var capacity: Int?
    /// Registrations need approval.
    public var moderated: Bool
    /// Themes.
    public var themes: [String]
    /// Description.
    public var description: String?
    /// Scheduled or cancelled.
    public var status: EventStatus
    /// The rule its sessions were made from.
    public var recurrence: Recurrence?
    /// First session's start.
    public var start: EventTime
    /// Last session's end.
    public var end: EventTime
    /// Optimistic-lock version.
    public var version: Int64
    /// Last change (UTC ISO-8601).
    public var updatedAt: String

    public static func == (a: EventRecord, b: EventRecord) -> Bool {
        a.id == b.id && a.version == b.version && a.title == b.title && a.status == b.status
            && a.capacity == b.capacity && a.venue == b.venue
    }

    /// The columns `init(row:)` reads, by position.
    static let selectColumns = """
        SELECT e.id, e.title, e.type, e.series_id, s.name, e.organiser_id, o.name, e.venue, e.capacity, e.moderated,
               e.themes, e.description, e.status, e.recurrence, e.excluded, e.starts_at, e.ends_at, e.version, e.updated_at
        """

    static let select =
        selectColumns
        + " FROM events e LEFT JOIN event_series s ON s.id = e.series_id LEFT JOIN organisations o ON o.id = e.organiser_id"

    init(row: Row) {
        id = row[0]
        title = row[1]
        type = EventType(rawValue: row[2]) ?? .other
        series = (row[3] as Int64?).map { ($0, row[4] ?? "") }
        organiser = (row[5] as Int64?).map { ($0, row[6] ?? "") }
        venue = row[7]
        capacity = row[8]
        moderated = (row[9] as Int64) != 0
        themes = (row[10] as String?).map { EventRecord.splitThemes($0) } ?? []
        description = row[11]
        status = EventStatus(rawValue: row[12]) ?? .scheduled
        let excluded = ((row[14] as String?) ?? "").split(separator: ",").compactMap {
            try? LocalDate.parse(String($0))
        }
        recurrence = (row[13] as String?).flatMap { try? Recurrence.parse($0, excluded: excluded) }
        start = (try? EventTime.parse(row[15])) ?? EventTime(date: LocalDate(dayNumber: 0), minute: 0)
        end = (try? EventTime.parse(row[16])) ?? start
        version = row[17]
        updatedAt = row[18]
    }

    /// Themes as stored (joined by 、).
    static func splitThemes(_ text: String) -> [String] {
        text.split { "、,，;；".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }
}

/// One session of an event.
public struct SessionRecord: Sendable, Equatable {
    /// Its number.
    public var id: Int64
    /// The event.
    public var eventID: Int64
    /// Its own title (a day's programme), if any.
    public var title: String?
    /// Where (its own, else the event's).
    public var venue: String?
    /// Start.
    public var start: EventTime
    /// End.
    public var end: EventTime
    /// Scheduled or cancelled.
    public var status: EventStatus
    /// Attendances recorded.
    public var attendance: Int
}

/// A person running an event.
public struct StaffRecord: Sendable, Equatable {
    /// Their part.
    public var role: EventRole
    /// The person.
    public var personID: Int64
    /// Their name.
    public var name: String
}

/// A request (诉求) raised at an event, as casework has it now.
public struct RaisedRequest: Sendable, Equatable {
    /// The request's number.
    public var id: Int64
    /// Its title.
    public var title: String
    /// Its casework state code.
    public var state: String
}

/// One person's registration.
public struct RegistrationRecord: Sendable, Equatable {
    /// Its number (registration order).
    public var id: Int64
    /// The event.
    public var eventID: Int64
    /// The person.
    public var personID: Int64
    /// Their name.
    public var name: String
    /// Their organisation.
    public var organisation: String?
    /// Status.
    public var status: RegistrationStatus
    /// The day they registered.
    public var registeredOn: String
    /// Note.
    public var note: String?

    static let select = """
        SELECT r.id, r.event_id, r.person_id, p.name, o.name, r.status, r.registered_on, r.note
        FROM event_registrations r JOIN people p ON p.id = r.person_id LEFT JOIN organisations o ON o.id = p.organisation_id
        """

    init(row: Row) {
        id = row[0]
        eventID = row[1]
        personID = row[2]
        name = row[3]
        organisation = row[4]
        status = RegistrationStatus(rawValue: row[5]) ?? .registered
        registeredOn = row[6]
        note = row[7]
    }
}

/// One entry of a registration's log: a status change and why.
public struct RegistrationChange: Sendable, Equatable {
    /// The registration.
    public var registrationID: Int64
    /// The person's name.
    public var name: String
    /// From (nil: new).
    public var from: RegistrationStatus?
    /// To.
    public var to: RegistrationStatus
    /// The day.
    public var date: String
    /// Why (registered, full, promoted, approved, cancelled, checked in, no-show).
    public var reason: String
}

/// An event with what `gsl event show` shows beside it.
public struct EventView: Sendable {
    /// The event.
    public let event: EventRecord
    /// Its sessions in time order.
    public let sessions: [SessionRecord]
    /// The people running it.
    public let staff: [StaffRecord]
    /// Registrations per status.
    public let registrations: [RegistrationStatus: Int]
    /// Attendances (人次) and distinct people (人数).
    public let personTimes: Int
    /// Distinct people who attended.
    public let uniquePeople: Int
    /// Its outcomes.
    public let outcomes: [OutcomeRecord]
    /// Requests raised at it.
    public let requests: [RaisedRequest]
}
