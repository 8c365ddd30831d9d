import GRDB

extension Store {
    /// The domain core's schema: regions, organisations, people, memberships, contacts, the audit
    /// log and the search index. Modules append their own migrations after these.
    public static let coreMigrations: [StoreMigration] = [
        StoreMigration(
            "core-1-regions",
            sql: """
                CREATE TABLE regions (
                    code TEXT PRIMARY KEY CHECK (length(code) IN (2, 4, 6, 9, 12) AND code NOT GLOB '*[^0-9]*'),
                    name TEXT NOT NULL CHECK (length(name) > 0),
                    level TEXT NOT NULL CHECK (level IN ('province', 'city', 'county', 'town', 'village')),
                    parent_code TEXT REFERENCES regions(code),
                    kind TEXT,
                    urban_rural_code TEXT
                ) STRICT;
                CREATE INDEX regions_parent ON regions(parent_code, code);
                CREATE INDEX regions_name ON regions(name);
                """),
        StoreMigration(
            "core-2-organisations",
            sql: """
                CREATE TABLE organisations (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('federation', 'chamber', 'enterprise', 'village', 'department', 'bank', 'school')),
                    name TEXT NOT NULL CHECK (length(name) > 0),
                    uscc TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
                    region_code TEXT REFERENCES regions(code),
                    industry_code TEXT,
                    industry_section TEXT,
                    size TEXT CHECK (size IN ('large', 'medium', 'small', 'micro')),
                    employees INTEGER CHECK (employees >= 0),
                    revenue_fen INTEGER,
                    assets_fen INTEGER,
                    chamber_type TEXT CHECK (chamber_type IN ('direct', 'industry', 'out_of_town', 'town_street')),
                    parent_id INTEGER REFERENCES organisations(id),
                    established TEXT,
                    address TEXT,
                    phone TEXT,
                    legal_rep TEXT,
                    note TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    CHECK (chamber_type IS NULL OR kind = 'chamber')
                ) STRICT;
                CREATE INDEX organisations_region ON organisations(region_code, id);
                CREATE INDEX organisations_kind ON organisations(kind, id);
                CREATE INDEX organisations_industry ON organisations(industry_code);
                CREATE INDEX organisations_section ON organisations(industry_section);
                CREATE INDEX organisations_name ON organisations(name);
                CREATE INDEX organisations_parent ON organisations(parent_id);
                """),
        StoreMigration(
            "core-3-people",
            sql: """
                CREATE TABLE people (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('entrepreneur', 'staff', 'other')),
                    name TEXT NOT NULL CHECK (length(name) > 0),
                    gender TEXT CHECK (gender IN ('M', 'F')),
                    birth_year INTEGER CHECK (birth_year BETWEEN 1900 AND 2100),
                    id_card TEXT UNIQUE,
                    phone TEXT,
                    email TEXT,
                    organisation_id INTEGER REFERENCES organisations(id),
                    title TEXT,
                    note TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX people_org ON people(organisation_id);
                CREATE INDEX people_name ON people(name);
                CREATE TABLE memberships (
                    id INTEGER PRIMARY KEY,
                    chamber_id INTEGER NOT NULL REFERENCES organisations(id),
                    member_org_id INTEGER REFERENCES organisations(id),
                    member_person_id INTEGER REFERENCES people(id),
                    role TEXT NOT NULL DEFAULT '会员',
                    start_date TEXT,
                    end_date TEXT,
                    note TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    CHECK ((member_org_id IS NULL) <> (member_person_id IS NULL)),
                    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
                ) STRICT;
                CREATE INDEX memberships_chamber ON memberships(chamber_id, end_date);
                CREATE INDEX memberships_org ON memberships(member_org_id);
                CREATE INDEX memberships_person ON memberships(member_person_id);
                CREATE TABLE contacts (
                    id INTEGER PRIMARY KEY,
                    organisation_id INTEGER REFERENCES organisations(id),
                    person_id INTEGER REFERENCES people(id),
                    kind TEXT NOT NULL CHECK (kind IN ('mobile', 'phone', 'email', 'wechat', 'address', 'other')),
                    value TEXT NOT NULL CHECK (length(value) > 0),
                    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
                    note TEXT,
                    CHECK ((organisation_id IS NULL) <> (person_id IS NULL))
                ) STRICT;
                CREATE INDEX contacts_org ON contacts(organisation_id);
                CREATE INDEX contacts_person ON contacts(person_id);
                """),
        StoreMigration(
            "core-4-audit",
            sql: """
                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    command TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
                    entity TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    before TEXT,
                    after TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                ) STRICT;
                CREATE INDEX audit_entity ON audit_log(entity, entity_id);
                CREATE INDEX audit_actor ON audit_log(actor, seq);
                CREATE INDEX audit_at ON audit_log(at);
                CREATE TABLE audit_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    seq INTEGER NOT NULL,
                    hash TEXT NOT NULL
                ) STRICT;
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                """),
        StoreMigration(
            "core-5-search",
            sql: """
                CREATE VIRTUAL TABLE search_index USING fts5(entity UNINDEXED, entity_id UNINDEXED, title, body, tokenize = 'trigram');
                CREATE TRIGGER organisations_search_insert AFTER INSERT ON organisations BEGIN
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (new.id * 16 + 1, 'organisation', new.id, new.name,
                            \(SearchIndexing.organisationBody("new.")));
                END;
                CREATE TRIGGER organisations_search_update AFTER UPDATE ON organisations BEGIN
                    DELETE FROM search_index WHERE rowid = old.id * 16 + 1;
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (new.id * 16 + 1, 'organisation', new.id, new.name,
                            \(SearchIndexing.organisationBody("new.")));
                END;
                CREATE TRIGGER organisations_search_delete AFTER DELETE ON organisations BEGIN
                    DELETE FROM search_index WHERE rowid = old.id * 16 + 1;
                END;
                CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (new.id * 16 + 2, 'person', new.id, new.name, \(SearchIndexing.personBody("new.")));
                END;
                CREATE TRIGGER people_search_update AFTER UPDATE ON people BEGIN
                    DELETE FROM search_index WHERE rowid = old.id * 16 + 2;
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (new.id * 16 + 2, 'person', new.id, new.name, \(SearchIndexing.personBody("new.")));
                END;
                CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
                    DELETE FROM search_index WHERE rowid = old.id * 16 + 2;
                END;
                CREATE TRIGGER regions_search_insert AFTER INSERT ON regions BEGIN
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (CAST(new.code AS INTEGER) * 16 + 3, 'region', new.code, new.name, new.code);
                END;
                CREATE TRIGGER regions_search_update AFTER UPDATE ON regions BEGIN
                    DELETE FROM search_index WHERE rowid = CAST(old.code AS INTEGER) * 16 + 3;
                    INSERT INTO search_index (rowid, entity, entity_id, title, body)
                    VALUES (CAST(new.code AS INTEGER) * 16 + 3, 'region', new.code, new.name, new.code);
                END;
                CREATE TRIGGER regions_search_delete AFTER DELETE ON regions BEGIN
                    DELETE FROM search_index WHERE rowid = CAST(old.code AS INTEGER) * 16 + 3;
                END;
                """),
        StoreMigration.comparisonChecks(
            "core-6-checks", tables: ["regions", "organisations", "people", "contacts", "audit_log"]),
        // The search index without positions or column sizes (detail=none, columnsize=0): a third
        // of the writing on bulk imports. Queries match every trigram of a word and then confirm
        // the word itself (SearchRepository). Rows are copied from the old index, whichever module
        // put them there.
        StoreMigration(
            "core-7-search-compact",
            sql: """
                CREATE VIRTUAL TABLE search_index_compact USING fts5(entity UNINDEXED, entity_id UNINDEXED, title, body, tokenize = 'trigram', detail = none, columnsize = 0);
                INSERT INTO search_index_compact (rowid, entity, entity_id, title, body)
                SELECT rowid, entity, entity_id, title, body FROM search_index;
                DROP TABLE search_index;
                PRAGMA legacy_alter_table = ON;
                ALTER TABLE search_index_compact RENAME TO search_index;
                PRAGMA legacy_alter_table = OFF;
                """),
    ]
}
