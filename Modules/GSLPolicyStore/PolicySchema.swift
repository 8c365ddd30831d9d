import GSLPolicy
import GSLStore

/// The policy-evaluation tables: firm × year outcomes, policy recipients, stored estimates (runs)
/// and scorecards.
public enum PolicySchema {
    static let year = "BETWEEN 1949 AND 2100"

    /// Migrations, registered after the other modules'.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "policy-1-tables",
            sql: """
                CREATE TABLE policy_observations (
                    id INTEGER PRIMARY KEY,
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    year INTEGER NOT NULL CHECK (year \(year)),
                    variable TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("variable", PanelVariable.self)),
                    value REAL NOT NULL,
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX policy_observations_key ON policy_observations(variable, org_id, year);
                CREATE TABLE policy_treatments (
                    id INTEGER PRIMARY KEY,
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    policy TEXT NOT NULL CHECK (length(policy) > 0),
                    first_year INTEGER NOT NULL CHECK (first_year \(year)),
                    amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
                    created_at TEXT NOT NULL,
                    UNIQUE (policy, org_id)
                ) STRICT;
                CREATE TABLE policy_runs (
                    id INTEGER PRIMARY KEY,
                    method TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("method", EstimationMethod.self)),
                    policy TEXT NOT NULL,
                    outcome TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("outcome", PanelVariable.self)),
                    options TEXT NOT NULL,
                    input_hash TEXT NOT NULL,
                    observations INTEGER NOT NULL CHECK (observations > 0),
                    firms INTEGER NOT NULL CHECK (firms > 0),
                    effect REAL NOT NULL,
                    se REAL NOT NULL,
                    result TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE policy_scorecards (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER REFERENCES policy_runs(id),
                    framework TEXT NOT NULL,
                    framework_hash TEXT NOT NULL,
                    inputs TEXT NOT NULL,
                    score REAL NOT NULL,
                    grade TEXT,
                    result TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL
                ) STRICT;
                """)
    ]

    /// The entities the policy audit entries name, and their tables.
    public static let auditedEntities: [AuditedEntity] = [
        .table("policy_observations", entity: "policy_observation"),
        .table("policy_treatments", entity: "policy_treatment"),
        .table("policy_runs", entity: "policy_run"),
        .table("policy_scorecards", entity: "policy_scorecard"),
    ]
}
