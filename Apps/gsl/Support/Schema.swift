import GSLCasework
import GSLCaseworkStore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLMatchingStore
import GSLStore

/// Every module's migrations, in dependency order: the core first.
enum Schema {
    static let all: [StoreMigration] =
        Store.coreMigrations + IndexSchema.migrations + CaseSchema.migrations
        + InfoSchema.migrations + ProposalSchema.migrations
        + MatchingSchema.migrations

    /// Every module's audited entities (which table each entity's audit entries change), for
    /// `gsl audit replay`.
    static let audited: [AuditedEntity] =
        Store.coreAuditedEntities + IndexSchema.auditedEntities + CaseSchema.auditedEntities
        + InfoSchema.auditedEntities + ProposalSchema.auditedEntities
        + MatchingSchema.auditedEntities
}
