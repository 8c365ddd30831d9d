import Foundation
import GRDB
import GSLCaseworkStore
import GSLCore
import GSLDemoYear
import GSLEventsStore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLMatchingStore
import GSLPairingStore
import GSLReports
import GSLStore
import GSLTestSupport

/// Small generated years shared by the report tests.
enum YearFixture {
    static let migrations: [StoreMigration] =
        Store.coreMigrations + IndexSchema.migrations + CaseSchema.migrations + InfoSchema.migrations
        + ProposalSchema.migrations + EventsSchema.migrations + PairingSchema.migrations
        + MatchingSchema.migrations

    static let scale = 0.02
    static let context = MutationContext(actor: "测试", command: "test", at: "2024-01-02T01:00:00Z")

    static func plan() throws -> YearPlan {
        let path = Fixtures.datasets.appendingPathComponent("demo/ningbo-year.yaml").path
        return try YearPlan.parse(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    /// A store with the reference divisions loaded.
    static func emptyStore() throws -> Store {
        let store = try Store(inMemory: migrations)
        _ = try RecordsService(store: store).loadReferenceDivisions(
            root: Fixtures.datasets.appendingPathComponent("reference").path, dryRun: false, context: context)
        return store
    }

    /// Generates `years` (in order) into a fresh store and computes the index for the last.
    static func generated(years: [Int], seed: UInt64 = 11, framework: String? = nil) throws -> Store {
        let store = try emptyStore()
        let plan = try plan()
        for year in years {
            _ = try YearGenerator(store: store).generate(
                .init(
                    year: year, seed: seed, scale: scale, plan: plan,
                    frameworkPath: framework
                        ?? Fixtures.repositoryRoot.appendingPathComponent(plan.index.framework).path,
                    actor: "测试"))
        }
        return store
    }

    /// 2022 and 2023 at scale 0.02 with the 2023 index computed, made once.
    static let twoYears: Result<Store, any Error> = Result {
        let store = try generated(years: [2022, 2023])
        let index = IndexService(store: store)
        for period in ["2022", "2023"] {
            _ = try index.compute(
                framework: "qinqing@v2", dataset: "ningbo",
                spec: PipelineSpec(period: period, normalise: .init(method: .minMax)),
                label: nil, context: context)
        }
        return store
    }

    /// A hash of every table's rows (audit log included), for comparing stores.
    static func contentHashes(_ store: Store) throws -> [String: Int] {
        try store.read { db in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'
                      AND name NOT LIKE 'grdb%' AND name NOT LIKE 'search_index%' ORDER BY name
                    """)
            var out: [String: Int] = [:]
            for t in tables {
                var hasher = Hasher()
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(t)\" ORDER BY 1, 2") {
                    hasher.combine(row.description)
                }
                out[t] = hasher.finalize()
            }
            return out
        }
    }

    /// Rows per table.
    static func counts(_ store: Store) throws -> [String: Int] {
        try store.read { db in
            var out: [String: Int] = [:]
            for t in try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'grdb%'"
            ) {
                out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(t)\"") ?? 0
            }
            return out
        }
    }
}
