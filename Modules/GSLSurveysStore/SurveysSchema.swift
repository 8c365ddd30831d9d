import GSLStore
import GSLSurveys

/// The surveys tables: questionnaires with their codebooks, respondents with their answers and
/// links to people and enterprises, and the weightings computed for them.
public enum SurveysSchema {
    /// Migrations, registered after the other modules'.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "surveys-1-surveys",
            sql: """
                CREATE TABLE surveys (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                    title TEXT,
                    layout TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("layout", SurveyLayout.self)),
                    codebook TEXT NOT NULL,
                    source_file TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE survey_respondents (
                    id INTEGER PRIMARY KEY,
                    survey_id INTEGER NOT NULL REFERENCES surveys(id),
                    number INTEGER NOT NULL CHECK (number > 0),
                    submitted_at TEXT,
                    duration_s INTEGER,
                    source TEXT,
                    source_detail TEXT,
                    ip TEXT,
                    answers TEXT NOT NULL,
                    person_id INTEGER REFERENCES people(id),
                    organisation_id INTEGER REFERENCES organisations(id),
                    link_status TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("link_status", LinkStatus.self)),
                    link_note TEXT,
                    imported_at TEXT NOT NULL,
                    UNIQUE (survey_id, number)
                ) STRICT;
                CREATE INDEX survey_respondents_person ON survey_respondents(person_id);
                CREATE INDEX survey_respondents_org ON survey_respondents(organisation_id);
                CREATE TABLE survey_weightings (
                    id INTEGER PRIMARY KEY,
                    survey_id INTEGER NOT NULL REFERENCES surveys(id),
                    method TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("method", WeightingMethod.self)),
                    spec TEXT NOT NULL,
                    respondents INTEGER NOT NULL,
                    weights TEXT NOT NULL,
                    iterations INTEGER NOT NULL,
                    trimmed INTEGER NOT NULL,
                    design_effect REAL NOT NULL,
                    effective_n REAL NOT NULL,
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX survey_weightings_survey ON survey_weightings(survey_id, id);
                """)
    ]

    /// The entities the surveys audit entries name, and their tables.
    public static let auditedEntities: [AuditedEntity] = [
        .table("surveys", entity: "survey"),
        .table("survey_respondents", entity: "survey_respondent"),
        .table("survey_weightings", entity: "survey_weighting"),
    ]
}
