import GSLPairing
import GSLStore

/// The pairing (商会联村) tables: village and firm profiles, campaigns, stored plans, pairings and
/// their ledgers (investments, 共富工坊 workshops).
public enum PairingSchema {
    static let date = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"

    /// Migrations, registered after the core ones.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "pairing-1-tables",
            sql: """
                CREATE TABLE pair_villages (
                    village_code TEXT PRIMARY KEY REFERENCES regions(code) CHECK (length(village_code) = 12),
                    income_fen INTEGER NOT NULL CHECK (income_fen >= 0),
                    weak INTEGER NOT NULL CHECK \(SQLEnumeration.boolean("weak")),
                    population INTEGER NOT NULL CHECK (population >= 0),
                    needs TEXT NOT NULL DEFAULT '',
                    needs_text TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE pair_firms (
                    org_id INTEGER PRIMARY KEY REFERENCES organisations(id),
                    capacity INTEGER NOT NULL CHECK (capacity >= 0),
                    budget_fen INTEGER NOT NULL CHECK (budget_fen >= 0),
                    note TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE pair_campaigns (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE pair_plans (
                    id INTEGER PRIMARY KEY,
                    campaign_id INTEGER NOT NULL REFERENCES pair_campaigns(id),
                    state TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("state", PlanState.self)),
                    bounds TEXT NOT NULL,
                    objective INTEGER NOT NULL,
                    firms INTEGER NOT NULL CHECK (firms > 0),
                    villages INTEGER NOT NULL CHECK (villages > 0),
                    pairs INTEGER NOT NULL CHECK (pairs >= 0),
                    candidates INTEGER NOT NULL CHECK (candidates >= 0),
                    applied_on TEXT CHECK (applied_on IS NULL OR applied_on \(date)),
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    CHECK ((state = 'applied') = (applied_on IS NOT NULL))
                ) STRICT;
                CREATE TABLE pair_plan_rows (
                    plan_id INTEGER NOT NULL REFERENCES pair_plans(id),
                    village_code TEXT NOT NULL REFERENCES regions(code),
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    chosen INTEGER NOT NULL CHECK \(SQLEnumeration.boolean("chosen")),
                    level TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("level", DistanceLevel.self)),
                    base INTEGER NOT NULL,
                    distance INTEGER NOT NULL,
                    fits INTEGER NOT NULL CHECK \(SQLEnumeration.boolean("fits")),
                    fit INTEGER NOT NULL,
                    priority INTEGER NOT NULL,
                    cost INTEGER NOT NULL,
                    extra_cost INTEGER,
                    PRIMARY KEY (plan_id, village_code, org_id),
                    CHECK ((chosen = 1) = (extra_cost IS NULL))
                ) STRICT, WITHOUT ROWID;
                CREATE TABLE pairings (
                    id INTEGER PRIMARY KEY,
                    campaign_id INTEGER NOT NULL REFERENCES pair_campaigns(id),
                    plan_id INTEGER REFERENCES pair_plans(id),
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    village_code TEXT NOT NULL REFERENCES regions(code),
                    start_date TEXT NOT NULL CHECK (start_date \(date)),
                    end_date TEXT CHECK (end_date IS NULL OR end_date \(date)),
                    end_reason TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    CHECK (end_date IS NULL OR end_date >= start_date)
                ) STRICT;
                CREATE UNIQUE INDEX pairings_active ON pairings(org_id, village_code) WHERE end_date IS NULL;
                CREATE INDEX pairings_village ON pairings(village_code, start_date);
                CREATE TABLE pair_investments (
                    id INTEGER PRIMARY KEY,
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    village_code TEXT NOT NULL REFERENCES regions(code),
                    kind TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("kind", InvestmentKind.self)),
                    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                    on_date TEXT NOT NULL CHECK (on_date \(date)),
                    project TEXT,
                    created_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX pair_investments_date ON pair_investments(on_date);
                CREATE TABLE pair_workshops (
                    id INTEGER PRIMARY KEY,
                    village_code TEXT NOT NULL REFERENCES regions(code),
                    org_id INTEGER NOT NULL REFERENCES organisations(id),
                    name TEXT NOT NULL CHECK (length(name) > 0),
                    kind TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("kind", WorkshopKind.self)),
                    opened_on TEXT NOT NULL CHECK (opened_on \(date)),
                    jobs INTEGER NOT NULL CHECK (jobs >= 0),
                    wages_fen INTEGER NOT NULL CHECK (wages_fen >= 0),
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX pair_workshops_opened ON pair_workshops(opened_on);
                """)
    ]

    /// The entities the pairing audit entries name, and their tables.
    public static let auditedEntities: [AuditedEntity] = [
        .table("pair_villages", entity: "pair_village"),
        .table("pair_firms", entity: "pair_firm"),
        .table("pair_campaigns", entity: "pair_campaign"),
        .table("pair_plans", entity: "pair_plan"),
        .table("pair_plan_rows", entity: "pair_plan_rows", batchesOnly: true),
        .table("pairings", entity: "pairing"),
        .table("pair_investments", entity: "pair_investment"),
        .table("pair_workshops", entity: "pair_workshop"),
    ]
}
