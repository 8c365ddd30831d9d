import Foundation
import GRDB
import GSLCore
import GSLPolicy
import GSLStore

/// Stored estimates (runs) with their provenance, and stored scorecards.
public struct PolicyRunRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// A stored estimate.
    public struct StoredRun: Sendable {
        /// Number, policy, options (JSON), input hash, actor and instant.
        public let id: Int64, policy: String, options: String, inputHash: String, createdBy: String,
            createdAt: String
        /// What it found.
        public let result: PolicyResult
    }

    /// Stores `result`; returns its number.
    func insert(
        _ m: Mutation, result: PolicyResult, policy: String, options: PolicyEvaluation.Options,
        inputHash: String
    ) throws -> Int64 {
        try m.insert(
            into: "policy_runs", entity: "policy_run",
            values: [
                ("method", result.method.rawValue.databaseValue), ("policy", policy.databaseValue),
                ("outcome", result.outcome.rawValue.databaseValue),
                ("options", try PolicyJSON.encode(options).databaseValue),
                ("input_hash", inputHash.databaseValue),
                ("observations", result.sample.observations.databaseValue),
                ("firms", result.sample.firms.databaseValue),
                ("effect", result.effect.estimate.databaseValue), ("se", result.effect.se.databaseValue),
                ("result", try PolicyJSON.encode(result).databaseValue),
                ("created_by", m.context.actor.databaseValue), ("created_at", m.context.at.databaseValue),
            ])
    }

    /// The run numbered `id`.
    public func run(_ id: Int64) throws(GSLError) -> StoredRun {
        let row = try store.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM policy_runs WHERE id = ?", arguments: [id])
        }
        guard let row else {
            throw GSLError.notFound("没有编号为 \(id) 的政策评估", en: "no policy estimate #\(id)").because(
                .policyRunNotFound)
        }
        return StoredRun(
            id: row["id"], policy: row["policy"], options: row["options"], inputHash: row["input_hash"],
            createdBy: row["created_by"], createdAt: row["created_at"],
            result: try PolicyJSON.decode(PolicyResult.self, row["result"]))
    }

    /// One line per stored run, newest first.
    public struct RunLine: Sendable {
        /// Number, method, policy, outcome, firms, effect, standard error, instant.
        public let id: Int64, method: String, policy: String, outcome: String, firms: Int, effect: Double,
            se: Double, createdAt: String
    }

    /// The stored runs, newest first.
    public func list(limit: Int) throws(GSLError) -> [RunLine] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT id, method, policy, outcome, firms, effect, se, created_at FROM policy_runs ORDER BY id DESC LIMIT ?",
                arguments: [limit]
            ).map {
                RunLine(
                    id: $0[0], method: $0[1], policy: $0[2], outcome: $0[3], firms: $0[4], effect: $0[5],
                    se: $0[6],
                    createdAt: $0[7])
            }
        }
    }

    /// The latest scorecard computed from run `id`.
    public func latestScorecard(run id: Int64) throws(GSLError) -> ScorecardSummary? {
        let row = try store.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, result FROM policy_scorecards WHERE run_id = ? ORDER BY id DESC LIMIT 1",
                arguments: [id])
        }
        guard let row else { return nil }
        var summary = try PolicyJSON.decode(ScorecardSummary.self, row[1])
        summary.id = row[0]
        return summary
    }
}
