import GSLCasework
import GSLStore

/// The casework tables: requests (诉求), their event timeline, latest callbacks and recorded
/// escalations.
public enum CaseSchema {
    /// Migrations, registered after the core ones.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "case-1-requests",
            sql: """
                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY,
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    source TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("source", CaseSource.original)),
                    category TEXT NOT NULL,
                    priority TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("priority", CasePriority.self)),
                    title TEXT NOT NULL CHECK (length(title) > 0),
                    description TEXT,
                    state TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("state", CaseState.self)),
                    lead_department TEXT,
                    assisting TEXT NOT NULL DEFAULT '[]',
                    merged_into INTEGER REFERENCES cases(id),
                    opened_on TEXT NOT NULL,
                    response_due TEXT,
                    resolution_due TEXT,
                    cb_valid INTEGER CHECK \(SQLEnumeration.boolean("cb_valid")),
                    cb_contacted INTEGER CHECK \(SQLEnumeration.boolean("cb_contacted")),
                    cb_solved INTEGER CHECK \(SQLEnumeration.boolean("cb_solved")),
                    cb_satisfaction TEXT CHECK \(SQLEnumeration.oneOf("cb_satisfaction", Satisfaction.self)),
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX cases_state_department ON cases(state, lead_department, id);
                CREATE INDEX cases_org ON cases(org_id);
                CREATE INDEX cases_category ON cases(category, id);
                CREATE INDEX cases_rates_department ON cases(lead_department, state, opened_on, cb_valid, cb_contacted,
                                                         cb_solved, cb_satisfaction);
                CREATE INDEX cases_resolution_due ON cases(resolution_due) WHERE resolution_due IS NOT NULL;
                CREATE INDEX cases_response_due ON cases(response_due) WHERE response_due IS NOT NULL;
                CREATE TABLE case_events (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    action TEXT NOT NULL,
                    from_state TEXT NOT NULL,
                    to_state TEXT NOT NULL,
                    on_date TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    note TEXT,
                    event TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX case_events_case ON case_events(case_id, id);
                CREATE TABLE case_callbacks (
                    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
                    contacted INTEGER NOT NULL CHECK \(SQLEnumeration.boolean("contacted")),
                    solved INTEGER NOT NULL CHECK \(SQLEnumeration.boolean("solved")),
                    satisfaction TEXT CHECK \(SQLEnumeration.oneOf("satisfaction", Satisfaction.self)),
                    valid INTEGER NOT NULL CHECK \(SQLEnumeration.boolean("valid")),
                    on_date TEXT NOT NULL
                ) STRICT;
                CREATE TABLE case_escalations (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    clock TEXT NOT NULL,
                    level TEXT NOT NULL,
                    cycle_start TEXT NOT NULL,
                    due TEXT NOT NULL,
                    on_date TEXT NOT NULL,
                    UNIQUE (case_id, clock, level, cycle_start)
                ) STRICT;
                CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (new.id * 16 + 4, 'case', new.id, new.title, coalesce(new.description, ''));
                END;
                CREATE TRIGGER cases_search_update AFTER UPDATE OF title, description ON cases BEGIN
                    DELETE FROM search_index WHERE rowid = old.id * 16 + 4;
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (new.id * 16 + 4, 'case', new.id, new.title, coalesce(new.description, ''));
                END;
                """),
        StoreMigration(
            "case-2-visits",
            sql: """
                CREATE TABLE campaigns (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                    start_date TEXT NOT NULL,
                    end_date TEXT NOT NULL CHECK (end_date >= start_date),
                    note TEXT,
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE campaign_targets (
                    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    PRIMARY KEY (campaign_id, org_id)
                ) STRICT, WITHOUT ROWID;
                CREATE TABLE visits (
                    id INTEGER PRIMARY KEY,
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    on_date TEXT NOT NULL,
                    staff TEXT NOT NULL CHECK (length(staff) > 0),
                    campaign_id INTEGER REFERENCES campaigns(id),
                    notes TEXT,
                    findings TEXT,
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX visits_campaign ON visits(campaign_id, org_id);
                CREATE INDEX visits_org ON visits(org_id, on_date);
                CREATE INDEX visits_date ON visits(on_date);
                """),
        StoreMigration(
            "case-3-settings",
            sql: """
                CREATE TABLE case_settings (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    json TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                """),
        StoreMigration.comparisonChecks(
            "case-4-checks",
            tables: [
                "cases", "case_events", "case_callbacks", "case_escalations", "campaigns", "campaign_targets",
                "visits",
                "case_settings",
            ]),
        // The SLA view asks for the latest event date to know whether a day is in the past.
        StoreMigration(
            "case-5-event-dates", sql: "CREATE INDEX case_events_date ON case_events(on_date);"),
        // Requests raised at an event (恳谈会, 座谈会): the `event` source and the event's number.
        StoreMigration.replacingInTable(
            "case-6-event-source", table: "cases", SQLEnumeration.oneOf("source", CaseSource.original),
            with: SQLEnumeration.oneOf("source", CaseSource.self)),
        StoreMigration(
            "case-7-event-link",
            sql: """
                ALTER TABLE cases ADD COLUMN event_id INTEGER;
                CREATE INDEX cases_event ON cases(event_id) WHERE event_id IS NOT NULL;
                """),
        // Whether the answer came within the resolution target (null while the clock runs; requests
        // answered before this migration stay null until acted on again).
        StoreMigration(
            "case-8-resolution-met",
            sql: """
                ALTER TABLE cases ADD COLUMN resolution_met INTEGER
                    CHECK (resolution_met IS NULL OR resolution_met = 0 OR resolution_met = 1);
                """),
    ]

    /// The entities the casework (requests, visits, settings) audit entries name, and their tables.
    public static let auditedEntities: [AuditedEntity] = [
        .table("cases", entity: "case"),
        .table("case_events", entity: "case_event"),
        .table("case_callbacks", entity: "case_callback"),
        .table("case_escalations", entity: "case_escalation"),
        .table("campaigns", entity: "campaign"),
        .table("campaign_targets", entity: "campaign_target"),
        .table("visits", entity: "visit"),
        .table("case_settings", entity: "case_settings"),
    ]
}
