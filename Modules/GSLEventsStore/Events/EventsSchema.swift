import GSLEvents
import GSLStore

/// The events tables: series, events with their sessions and the people running them,
/// registrations with their status log, attendance per session, and the outcomes ledger.
public enum EventsSchema {
    /// Migrations, registered after casework's.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "events-1-events",
            sql: """
                CREATE TABLE event_series (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL CHECK (length(title) > 0),
                    type TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("type", EventType.self)),
                    series_id INTEGER REFERENCES event_series(id),
                    organiser_id INTEGER REFERENCES organisations(id),
                    venue TEXT,
                    capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
                    moderated INTEGER NOT NULL DEFAULT 0 CHECK \(SQLEnumeration.boolean("moderated")),
                    themes TEXT,
                    description TEXT,
                    status TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("status", EventStatus.self)),
                    recurrence TEXT,
                    excluded TEXT,
                    starts_at TEXT NOT NULL,
                    ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX events_starts ON events(starts_at);
                CREATE INDEX events_series ON events(series_id, starts_at);
                CREATE INDEX events_organiser ON events(organiser_id);
                CREATE TABLE event_sessions (
                    id INTEGER PRIMARY KEY,
                    event_id INTEGER NOT NULL REFERENCES events(id),
                    title TEXT,
                    venue TEXT,
                    starts_at TEXT NOT NULL,
                    ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
                    status TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("status", EventStatus.self))
                ) STRICT;
                CREATE INDEX event_sessions_event ON event_sessions(event_id, starts_at);
                CREATE INDEX event_sessions_starts ON event_sessions(starts_at);
                CREATE TABLE event_staff (
                    event_id INTEGER NOT NULL REFERENCES events(id),
                    person_id INTEGER NOT NULL REFERENCES people(id),
                    role TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("role", EventRole.self)),
                    PRIMARY KEY (event_id, person_id, role)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX event_staff_person ON event_staff(person_id);
                CREATE TABLE event_registrations (
                    id INTEGER PRIMARY KEY,
                    event_id INTEGER NOT NULL REFERENCES events(id),
                    person_id INTEGER NOT NULL REFERENCES people(id),
                    status TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("status", RegistrationStatus.self)),
                    position INTEGER NOT NULL,
                    registered_on TEXT NOT NULL,
                    note TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    UNIQUE (event_id, person_id)
                ) STRICT;
                CREATE INDEX event_registrations_status ON event_registrations(event_id, status, position);
                CREATE INDEX event_registrations_person ON event_registrations(person_id);
                CREATE TABLE event_registration_log (
                    id INTEGER PRIMARY KEY,
                    registration_id INTEGER NOT NULL REFERENCES event_registrations(id),
                    from_status TEXT CHECK (from_status IS NULL OR \(SQLEnumeration.oneOf("from_status", RegistrationStatus.self))),
                    to_status TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("to_status", RegistrationStatus.self)),
                    on_date TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX event_registration_log_reg ON event_registration_log(registration_id, id);
                CREATE TABLE event_attendance (
                    session_id INTEGER NOT NULL REFERENCES event_sessions(id),
                    person_id INTEGER NOT NULL REFERENCES people(id),
                    event_id INTEGER NOT NULL REFERENCES events(id),
                    on_date TEXT NOT NULL,
                    source TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    PRIMARY KEY (session_id, person_id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX event_attendance_date ON event_attendance(on_date, event_id, person_id);
                CREATE INDEX event_attendance_person ON event_attendance(person_id, on_date);
                CREATE TABLE event_outcomes (
                    id INTEGER PRIMARY KEY,
                    event_id INTEGER NOT NULL REFERENCES events(id),
                    kind TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("kind", OutcomeKind.self)),
                    title TEXT,
                    amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
                    on_date TEXT NOT NULL,
                    evidence TEXT,
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX event_outcomes_event ON event_outcomes(event_id);
                CREATE INDEX event_outcomes_date ON event_outcomes(on_date);
                CREATE TABLE event_outcome_parties (
                    outcome_id INTEGER NOT NULL REFERENCES event_outcomes(id),
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    PRIMARY KEY (outcome_id, org_id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX event_outcome_parties_org ON event_outcome_parties(org_id);
                CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (new.id * 16 + 8, 'event', new.id, new.title,
                            coalesce(new.venue, '') || ' ' || coalesce(new.themes, '') || ' ' || coalesce(new.description, ''));
                END;
                CREATE TRIGGER events_search_update AFTER UPDATE OF title, venue, themes, description ON events BEGIN
                    DELETE FROM search_index WHERE rowid = old.id * 16 + 8;
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (new.id * 16 + 8, 'event', new.id, new.title,
                            coalesce(new.venue, '') || ' ' || coalesce(new.themes, '') || ' ' || coalesce(new.description, ''));
                END;
                """),
        // An event's attendance by event: the event view counts it, and the view (shown after every
        // event is created) scanned the whole attendance table without it.
        StoreMigration(
            "events-2-attendance-by-event",
            sql: "CREATE INDEX event_attendance_event ON event_attendance(event_id, person_id);"),
    ]

    /// The entities the events audit entries name, and their tables.
    public static let auditedEntities: [AuditedEntity] = [
        .table("event_series", entity: "event_series"),
        .table("events", entity: "event"),
        .table("event_sessions", entity: "event_session"),
        .table("event_staff", entity: "event_staff"),
        .table("event_registrations", entity: "event_registration"),
        .table("event_registration_log", entity: "event_registration_log"),
        .table("event_attendance", entity: "event_attendance"),
        .table("event_outcomes", entity: "event_outcome"),
        .table("event_outcome_parties", entity: "event_outcome_party"),
    ]
}
