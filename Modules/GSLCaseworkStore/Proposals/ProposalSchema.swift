import GSLCasework
import GSLStore

/// The proposal (提案) tables: proposals, their timeline and adoption records.
public enum ProposalSchema {
    /// Migrations, registered after the core ones.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "proposal-1-proposals",
            sql: """
                CREATE TABLE proposals (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL CHECK (length(title) > 0),
                    proposer TEXT NOT NULL CHECK (length(proposer) > 0),
                    chamber_id INTEGER REFERENCES organisations(id),
                    body TEXT,
                    state TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("state", ProposalState.self)),
                    lead_department TEXT,
                    assisting TEXT NOT NULL DEFAULT '[]',
                    answer_grade TEXT CHECK \(SQLEnumeration.oneOf("answer_grade", AnswerGrade.self)),
                    evaluation TEXT CHECK \(SQLEnumeration.oneOf("evaluation", Satisfaction.self)),
                    filed_on TEXT NOT NULL CHECK (filed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    CHECK (state = 'filed' OR lead_department IS NOT NULL)
                ) STRICT;
                CREATE INDEX proposals_state ON proposals(state, id);
                CREATE TABLE proposal_events (
                    id INTEGER PRIMARY KEY,
                    proposal_id INTEGER NOT NULL REFERENCES proposals(id),
                    action TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("action", ["file"] + ProposalActionKind.allCases.map(\.rawValue))),
                    from_state TEXT CHECK \(SQLEnumeration.oneOf("from_state", ProposalState.self)),
                    to_state TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("to_state", ProposalState.self)),
                    detail TEXT,
                    on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    actor TEXT NOT NULL,
                    note TEXT,
                    recorded_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX proposal_events_proposal ON proposal_events(proposal_id, id);
                CREATE TABLE proposal_adoptions (
                    id INTEGER PRIMARY KEY,
                    proposal_id INTEGER NOT NULL REFERENCES proposals(id),
                    level TEXT NOT NULL CHECK \(SQLEnumeration.oneOf("level", InfoLevel.self)),
                    body TEXT NOT NULL CHECK (length(body) > 0),
                    on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
                ) STRICT;
                CREATE INDEX proposal_adoptions_proposal ON proposal_adoptions(proposal_id);
                """),
        StoreMigration.comparisonChecks(
            "proposal-2-checks", tables: ["proposals", "proposal_events", "proposal_adoptions"]),
    ]

    /// The entities the proposal audit entries name, and their tables.
    public static let auditedEntities: [AuditedEntity] = [
        .table("proposals", entity: "proposal"),
        .table("proposal_events", entity: "proposal_event"),
        .table("proposal_adoptions", entity: "proposal_adoption"),
    ]
}
