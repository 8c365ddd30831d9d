import GSLCore
import GSLMatching
import GSLStore

/// The matching tables: postings, market runs, match proposals with their follow-through log, and
/// the weights profile.
public enum MatchingSchema {
    static let isoDate = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"

    /// Migrations, registered after the core ones.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "matching-1-postings",
            sql: """
                CREATE TABLE match_postings (
                    id INTEGER PRIMARY KEY,
                    ref TEXT UNIQUE CHECK (ref IS NULL OR length(ref) > 0),
                    side TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("side", PostingSide.self)),
                    kind TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("kind", PostingKind.self)),
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    title TEXT NOT NULL CHECK (length(title) > 0),
                    body TEXT NOT NULL DEFAULT '',
                    industry_code TEXT,
                    region_code TEXT,
                    amount_fen INTEGER CHECK (amount_fen >= 0),
                    amount_min_fen INTEGER CHECK (amount_min_fen >= 0),
                    amount_max_fen INTEGER CHECK (amount_max_fen >= 0),
                    rate_bp INTEGER CHECK (rate_bp >= 0 AND rate_bp <= 10000),
                    sizes TEXT NOT NULL DEFAULT '',
                    excluded_industries TEXT NOT NULL DEFAULT '',
                    majors TEXT NOT NULL DEFAULT '',
                    capacity INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),
                    customised INTEGER NOT NULL DEFAULT 0 CHECK \(SQLEnumeration.boolean("customised")),
                    deadline TEXT CHECK (deadline \(isoDate)),
                    state TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("state", PostingState.self)),
                    posted_on TEXT NOT NULL CHECK (posted_on \(isoDate)),
                    closed_on TEXT CHECK (closed_on \(isoDate)),
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    CHECK (amount_min_fen IS NULL OR amount_max_fen IS NULL OR amount_min_fen <= amount_max_fen)
                ) STRICT;
                CREATE INDEX match_postings_market ON match_postings(kind, side, state, id);
                CREATE INDEX match_postings_org ON match_postings(org_id);
                """),
        StoreMigration(
            "matching-2-proposals",
            sql: """
                CREATE TABLE match_runs (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("kind", PostingKind.self)),
                    mode TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("mode", MatchMode.self)),
                    demands INTEGER NOT NULL,
                    supplies INTEGER NOT NULL,
                    candidates INTEGER NOT NULL,
                    pairs INTEGER NOT NULL,
                    objective REAL NOT NULL,
                    weights TEXT NOT NULL,
                    ran_on TEXT NOT NULL CHECK (ran_on \(isoDate)),
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE match_proposals (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER REFERENCES match_runs(id),
                    demand_id INTEGER NOT NULL REFERENCES match_postings(id),
                    supply_id INTEGER NOT NULL REFERENCES match_postings(id),
                    kind TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("kind", PostingKind.self)),
                    score REAL NOT NULL,
                    explanation TEXT NOT NULL,
                    state TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("state", MatchState.self)),
                    proposed_on TEXT NOT NULL CHECK (proposed_on \(isoDate)),
                    deal_amount_fen INTEGER CHECK (deal_amount_fen > 0),
                    deal_on TEXT CHECK (deal_on \(isoDate)),
                    hires INTEGER CHECK (hires >= 1),
                    salary_band TEXT,
                    fail_reason TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    UNIQUE (demand_id, supply_id),
                    CHECK (state <> \(SQLEnumeration.literal(MatchState.deal.rawValue)) OR deal_on IS NOT NULL),
                    CHECK (state <> \(SQLEnumeration.literal(MatchState.failed.rawValue)) OR fail_reason IS NOT NULL)
                ) STRICT;
                CREATE INDEX match_proposals_state ON match_proposals(kind, state);
                CREATE INDEX match_proposals_supply ON match_proposals(supply_id);
                CREATE TABLE match_events (
                    id INTEGER PRIMARY KEY,
                    proposal_id INTEGER NOT NULL REFERENCES match_proposals(id),
                    step TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("step", MatchStep.self)),
                    from_state TEXT CHECK \(SQLEnumeration.oneOf("from_state", MatchState.self)),
                    to_state TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("to_state", MatchState.self)),
                    on_date TEXT NOT NULL CHECK (on_date \(isoDate)),
                    actor TEXT NOT NULL,
                    note TEXT,
                    recorded_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX match_events_proposal ON match_events(proposal_id, id);
                CREATE INDEX match_events_step ON match_events(step, on_date);
                CREATE TABLE match_settings (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    json TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                """),
    ]

    /// The entities the matching audit entries name, and their tables.
    public static let auditedEntities: [AuditedEntity] = [
        .table("match_postings", entity: "match_posting"),
        .table("match_runs", entity: "match_run"),
        .table("match_proposals", entity: "match_proposal"),
        .table("match_events", entity: "match_event"),
        .table("match_settings", entity: "match_settings"),
    ]
}
