import GSLCasework
import GSLCaseworkStore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLStore

/// Every module's migrations, in dependency order: the core first.
enum Schema {
    static let all: [StoreMigration] =
        Store.coreMigrations + IndexSchema.migrations + CaseSchema.migrations
        + InfoSchema.migrations + ProposalSchema.migrations
}
