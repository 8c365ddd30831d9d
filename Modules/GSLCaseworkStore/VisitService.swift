import GSLCore
import GSLStore

/// Enterprise visits (走访): campaigns, their target lists and the visits staff log. What each
/// `gsl visit` command does is one call here, so that the CLI, the TUI, the annual report and
/// the demo generator do the same thing.
public struct VisitService: Sendable {
    /// The store.
    public let store: Store
    /// Campaigns, targets and visits.
    public let visits: VisitRepository

    /// The service over `store`.
    public init(store: Store) {
        self.store = store
        visits = VisitRepository(store: store)
    }

    /// Creates a campaign from `start` to `end` (inclusive); returns its id.
    public func addCampaign(
        name: String, from start: LocalDate, to end: LocalDate, note: String?, context: MutationContext
    ) throws(GSLError) -> Int64 {
        try visits.addCampaign(name: name, from: start, to: end, note: note, context: context)
    }

    /// Adds target enterprises (references and/or a list file) to a campaign; returns how many
    /// were new.
    public func addTargets(
        campaign: String, organisations: [String], file: ImportOptions?, context: MutationContext
    ) throws(GSLError) -> Int {
        try visits.addTargets(campaign: campaign, organisations: organisations, file: file, context: context)
    }

    /// Logs one visit; returns its id.
    public func log(_ visit: VisitRepository.VisitDraft, context: MutationContext) throws(GSLError) -> Int64 {
        try visits.log(visit, context: context)
    }

    /// Imports visits from a file in one transaction.
    public func importFile(_ options: ImportOptions, context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        try visits.importFile(options, context: context)
    }

    /// Visits, newest first, optionally of one campaign or period.
    public func list(campaign: String?, period: Period?, limit: Int) throws(GSLError)
        -> [VisitRepository.VisitRow]
    {
        try visits.list(campaign: campaign, period: period, limit: limit)
    }

    /// Coverage of a campaign per group: targets, targets visited within its dates, visits.
    public func coverage(campaign: String, by grouping: VisitRepository.CoverageGrouping) throws(GSLError)
        -> [(group: String, targets: Int, visited: Int, visits: Int)]
    {
        try visits.coverage(campaign: campaign, by: grouping)
    }
}
