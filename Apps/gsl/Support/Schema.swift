import GSLCasework
import GSLCaseworkStore
import GSLEventsStore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLMatchingStore
import GSLPairingStore
import GSLPolicyStore
import GSLStore
import GSLSurveysStore

/// Every module's migrations, in dependency order: the core first.
enum Schema {
    static let all: [StoreMigration] =
        Store.coreMigrations + IndexSchema.migrations + CaseSchema.migrations
        + InfoSchema.migrations + ProposalSchema.migrations
        + EventsSchema.migrations + PairingSchema.migrations
        + MatchingSchema.migrations + SurveysSchema.migrations
        + PolicySchema.migrations

    /// Every module's audited entities (which table each entity's audit entries change), for
    /// `gsl audit replay`.
    static let audited: [AuditedEntity] =
        Store.coreAuditedEntities + IndexSchema.auditedEntities + CaseSchema.auditedEntities
        + InfoSchema.auditedEntities + ProposalSchema.auditedEntities
        + EventsSchema.auditedEntities + PairingSchema.auditedEntities
        + MatchingSchema.auditedEntities + SurveysSchema.auditedEntities
        + PolicySchema.auditedEntities
}
