import Foundation
import GRDB
import GSLCore
import GSLPolicy
import GSLStore

/// Policy evaluation (惠企政策绩效评估): firm × year outcomes, recipients, estimates, reports and
/// scorecards. What each `gsl policy` command does is one call here.
public struct PolicyService: Sendable {
    /// The store.
    public let store: Store
    /// Outcomes and recipients.
    public let panels: PolicyPanelRepository
    /// Stored estimates.
    public let runs: PolicyRunRepository

    /// The service over `store`.
    public init(store: Store) {
        self.store = store
        panels = PolicyPanelRepository(store: store)
        runs = PolicyRunRepository(store: store)
    }

    /// Imports firm × year outcomes.
    public func importPanel(_ options: ImportOptions, context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        try panels.importPanel(options, context: context)
    }

    /// Imports policy recipients (`policy` for files without a policy column).
    public func importTreatments(_ options: ImportOptions, policy: String?, context: MutationContext)
        throws(GSLError) -> ImportReport
    {
        try panels.importTreatments(options, policy: policy, context: context)
    }

    /// Treated and untreated means by year, with the policy described.
    public func describe(_ selection: PolicyPanelRepository.Selection) throws(GSLError) -> (
        policy: String, description: PanelDescription
    ) {
        let loaded = try panels.panel(selection)
        return (loaded.policy, PanelDescription(loaded.panel))
    }

    /// An estimate and, unless `dryRun`, its stored number.
    public struct Estimate: Sendable {
        /// The run's number (nil for a dry run).
        public let run: Int64?
        /// The policy.
        public let policy: String
        /// What was found.
        public let result: PolicyResult
        /// The input hash.
        public let inputHash: String
    }

    /// Estimates `method` on the panel of `selection` and stores it with its provenance (policy,
    /// options, input hash, actor, instant). A failure writes nothing.
    public func estimate(
        _ method: EstimationMethod, selection: PolicyPanelRepository.Selection,
        options: PolicyEvaluation.Options,
        dryRun: Bool, context: MutationContext
    ) throws(GSLError) -> Estimate {
        let loaded = try panels.panel(selection)
        let result = try PolicyEvaluation.run(
            method, panel: loaded.panel, outcome: selection.outcome, options: options)
        var run: Int64?
        if !dryRun {
            run = try store.write(context) { m in
                try runs.insert(
                    m, result: result, policy: loaded.policy, options: options, inputHash: loaded.inputHash)
            }
        }
        return Estimate(run: run, policy: loaded.policy, result: result, inputHash: loaded.inputHash)
    }

    /// The stored estimate `id`.
    public func run(_ id: Int64) throws(GSLError) -> PolicyRunRepository.StoredRun { try runs.run(id) }

    /// Stored estimates, newest first.
    public func list(limit: Int) throws(GSLError) -> [PolicyRunRepository.RunLine] {
        try runs.list(limit: limit)
    }

    /// The report of run `id` (with its latest scorecard).
    public func report(_ id: Int64) throws(GSLError) -> PolicyReport {
        let run = try runs.run(id)
        return PolicyReport(
            run: run.id, policy: run.policy, createdAt: run.createdAt, createdBy: run.createdBy,
            inputHash: run.inputHash, result: run.result, scorecard: try runs.latestScorecard(run: id))
    }

    /// Computes (and unless `dryRun` stores) the performance scorecard of run `run`.
    public func scorecard(
        path: String, run: Int64, inputs: [String: Double], satisfaction: SatisfactionSource,
        dryRun: Bool, context: MutationContext
    ) throws(GSLError) -> ScorecardSummary {
        try PolicyScorecard(store: store).compute(
            path: path, run: run, inputs: inputs, satisfaction: satisfaction, dryRun: dryRun,
            context: context)
    }

    /// Enterprises with a USCC (up to `limit`, by number): what a sample is generated for.
    public func enterprises(limit: Int) throws(GSLError) -> [(uscc: String, name: String)] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT uscc, name FROM organisations WHERE kind = \(SQLEnumeration.literal(OrganisationKind.enterprise.rawValue)) AND uscc IS NOT NULL ORDER BY id LIMIT ?",
                arguments: [limit]
            ).map { ($0[0], $0[1]) }
        }
    }
}
