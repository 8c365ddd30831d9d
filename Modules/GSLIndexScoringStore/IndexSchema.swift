import GSLIndexScoring
import GSLStore

/// The index module's tables: immutable framework versions, indicator values by dataset, and
/// computed runs with their provenance.
public enum IndexSchema {
    /// Migrations, registered after the core ones.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "index-1-frameworks",
            sql: """
                CREATE TABLE index_frameworks (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL,
                    version TEXT NOT NULL,
                    name TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    illustrative INTEGER NOT NULL DEFAULT 0 CHECK \(SQLEnumeration.boolean("illustrative")),
                    source TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    UNIQUE (code, version)
                ) STRICT;
                CREATE TRIGGER index_frameworks_immutable BEFORE UPDATE ON index_frameworks
                BEGIN SELECT RAISE(ABORT, 'index framework versions are immutable'); END;
                """),
        StoreMigration(
            "index-2-data",
            sql: """
                CREATE TABLE index_units (
                    dataset TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    name TEXT,
                    groups TEXT NOT NULL DEFAULT '{}',
                    PRIMARY KEY (dataset, unit)
                ) STRICT, WITHOUT ROWID;
                CREATE TABLE index_values (
                    dataset TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    period TEXT NOT NULL,
                    indicator TEXT NOT NULL,
                    value REAL,
                    PRIMARY KEY (dataset, unit, period, indicator)
                ) STRICT, WITHOUT ROWID;
                """),
        StoreMigration(
            "index-3-runs",
            sql: """
                CREATE TABLE index_runs (
                    id INTEGER PRIMARY KEY,
                    framework_id INTEGER NOT NULL REFERENCES index_frameworks(id),
                    framework_hash TEXT NOT NULL,
                    dataset TEXT NOT NULL,
                    period TEXT NOT NULL,
                    root TEXT NOT NULL,
                    data_hash TEXT NOT NULL,
                    spec TEXT NOT NULL,
                    spec_hash TEXT NOT NULL,
                    result TEXT NOT NULL,
                    uncertainty TEXT,
                    label TEXT,
                    actor TEXT NOT NULL,
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX index_runs_by_framework ON index_runs (framework_id, period);
                CREATE TABLE index_scores (
                    run_id INTEGER NOT NULL REFERENCES index_runs(id) ON DELETE CASCADE,
                    unit TEXT NOT NULL,
                    node TEXT NOT NULL,
                    score REAL,
                    rank INTEGER,
                    PRIMARY KEY (run_id, node, unit)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX index_scores_by_unit ON index_scores (unit, node);
                """),
        StoreMigration.comparisonChecks(
            "index-4-checks",
            tables: ["index_frameworks", "index_units", "index_values", "index_runs", "index_scores"]),
    ]

    /// The entities the index module's audit entries name, and their tables. A data import also
    /// records a summary (file, counts, data hash) under `index_values`: only its row batches
    /// change rows.
    public static let auditedEntities: [AuditedEntity] = [
        .table("index_frameworks", entity: "index_framework"),
        .table("index_values", entity: "index_values", batchesOnly: true),
        .table("index_units", entity: "index_unit"),
        .table("index_runs", entity: "index_run"),
        .table("index_scores", entity: "index_score"),
    ]
}
