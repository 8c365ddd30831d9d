import GSLCore
import GSLPairing
import GSLStore

/// 商会联村 pairing: profiles, plans, pairings, ledgers and figures. What each `gsl pair` command
/// does is one call here.
public struct PairService: Sendable {
    /// The store.
    public let store: Store
    /// Village and firm profiles.
    public let profiles: PairingProfileRepository
    /// Plans.
    public let plans: PairingPlanRepository
    /// Pairings and ledgers.
    public let ledger: PairingLedgerRepository
    /// Figures.
    public let figures: PairingStatsRepository

    /// The service over `store` with the standard cost model.
    public init(store: Store, model: PairingCostModel = .standard) {
        self.store = store
        profiles = PairingProfileRepository(store: store)
        plans = PairingPlanRepository(store: store, model: model)
        ledger = PairingLedgerRepository(store: store)
        figures = PairingStatsRepository(store: store)
    }

    /// Imports village profiles (income, weak flag, population, needs).
    public func importVillages(_ options: ImportOptions, context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        try profiles.importVillages(options, context: context)
    }

    /// Imports firm profiles (capacity, budget).
    public func importFirms(_ options: ImportOptions, context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        try profiles.importFirms(options, context: context)
    }

    /// Solves (and unless `dryRun` stores) a plan; an infeasible one writes nothing. `timings` hears
    /// of each phase (query, solve, store).
    public func plan(
        campaign: String, selection: PairingProfileRepository.Selection, bounds: PairingBounds,
        keepNetwork: Bool,
        dryRun: Bool, context: MutationContext, timings: (@Sendable (String, Duration) -> Void)? = nil
    ) throws(GSLError) -> PlanResult {
        try plans.plan(
            campaign: campaign, selection: selection, bounds: bounds, keepNetwork: keepNetwork,
            dryRun: dryRun,
            context: context, timings: timings)
    }

    /// Turns a stored plan into pairings starting `day`.
    public func apply(plan: Int64, on day: LocalDate, context: MutationContext) throws(GSLError) -> (
        made: Int, kept: Int
    ) {
        try plans.apply(plan: plan, on: day, context: context)
    }

    /// Why a village got its partners in a plan.
    public func explain(plan: Int64, village: String) throws(GSLError) -> ExplainView {
        try plans.explain(plan: plan, village: village)
    }

    /// Pairs a firm with a village by hand.
    public func add(
        organisation: String, village: String, campaign: String, on day: LocalDate, context: MutationContext
    ) throws(GSLError) -> Int64 {
        try ledger.add(
            organisation: organisation, village: village, campaign: campaign, on: day, context: context)
    }

    /// Ends a pairing (kept as history).
    public func end(pairing: Int64, on day: LocalDate, reason: String?, context: MutationContext)
        throws(GSLError)
    {
        try ledger.end(pairing: pairing, on: day, reason: reason, context: context)
    }

    /// Pairings, active only unless `history`.
    public func list(campaign: String?, organisation: String?, village: String?, history: Bool, limit: Int)
        throws(GSLError) -> [PairingLedgerRepository.PairingRow]
    {
        try ledger.list(
            campaign: campaign, organisation: organisation, village: village, history: history, limit: limit)
    }

    /// Records an investment.
    public func invest(
        organisation: String, village: String, kind: InvestmentKind, amount: String, on day: LocalDate,
        project: String?, context: MutationContext
    ) throws(GSLError) -> Int64 {
        try ledger.invest(
            organisation: organisation, village: village, kind: kind, amount: amount, on: day,
            project: project,
            context: context)
    }

    /// Records a 共富工坊.
    public func addWorkshop(_ draft: PairingLedgerRepository.WorkshopDraft, context: MutationContext)
        throws(GSLError)
        -> Int64
    {
        try ledger.addWorkshop(draft, context: context)
    }

    /// Workshops; of one village (its 12-digit code) when given.
    public func workshops(village: String? = nil, limit: Int) throws(GSLError)
        -> [PairingLedgerRepository.WorkshopRow]
    {
        try ledger.workshops(village: village, limit: limit)
    }

    /// The villagers' committees of a town (its 9-digit code) with their profile and the figures of
    /// `period`: partners active in it, workshops and jobs to its end.
    public func villages(town: String, period: Period, limit: Int) throws(GSLError)
        -> [PairingStatsRepository.VillageRow]
    {
        try figures.villages(town: town, period: period, limit: limit)
    }

    /// Figures for a period.
    public func stats(period: Period, by grouping: PairingStatsRepository.Grouping) throws(GSLError)
        -> [PairingStatsRepository.StatsRow]
    {
        try figures.stats(period: period, by: grouping)
    }
}
