import GSLCasework
import GSLStore

/// The information-report (社情民意) tables: reports and their events.
public enum InfoSchema {
    /// Migrations, registered after the core ones.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "info-1-reports",
            sql: """
                CREATE TABLE info_reports (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL CHECK (length(title) > 0),
                    author TEXT NOT NULL CHECK (length(author) > 0),
                    chamber_id INTEGER REFERENCES organisations(id),
                    body TEXT,
                    state TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("state", InfoReportState.self)),
                    drafted_on TEXT NOT NULL CHECK (drafted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX info_reports_author ON info_reports(author);
                CREATE INDEX info_reports_chamber ON info_reports(chamber_id);
                CREATE TABLE info_events (
                    id INTEGER PRIMARY KEY,
                    report_id INTEGER NOT NULL REFERENCES info_reports(id),
                    kind TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("kind", InfoEventKind.self)),
                    level TEXT CHECK \(SQLEnumeration.oneOf("level", InfoLevel.self)),
                    body TEXT,
                    on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    actor TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    CHECK ((kind = 'submit' AND level IS NULL) OR (kind <> 'submit' AND level IS NOT NULL AND length(body) > 0))
                ) STRICT;
                CREATE INDEX info_events_report ON info_events(report_id, id);
                CREATE INDEX info_events_date ON info_events(on_date);
                """),
        StoreMigration.comparisonChecks("info-2-checks", tables: ["info_reports", "info_events"]),
    ]

    /// The entities the information-report audit entries name, and their tables.
    public static let auditedEntities: [AuditedEntity] = [
        .table("info_reports", entity: "info_report"),
        .table("info_events", entity: "info_event"),
    ]
}
