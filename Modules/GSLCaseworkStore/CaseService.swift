import GSLCasework
import GSLCore
import GSLStore
import GSLTabular

/// A request with its timeline, oldest event first.
public struct CaseView: Sendable {
    /// The request.
    public let record: CaseRecord
    /// Its events.
    public let events: [CaseEvent]
}

/// 三率 per group, with the display names of county groups.
public struct ServiceRatesView: Sendable {
    /// Group key (department, county code or category code; placeholders for none) and its rates.
    public let rows: [(String, ServiceRates)]
    /// County code to name, for county groups whose division is known.
    public let countyNames: [String: String]
}

/// Requests (诉求) as the federation's staff work them: what each `gsl case` command does is one
/// call here, so that the CLI, the TUI, the annual report and the demo generator do the same
/// thing. The service reads the stored settings once (taxonomy, SLA policies, rate weights,
/// reopen window, clock) and hands them to the repositories.
public struct CaseService: Sendable {
    /// The store.
    public let store: Store
    /// Requests and their state machine.
    public let requests: CaseRepository
    /// SLA views and escalations.
    public let sla: CaseSLARepository
    /// 三率.
    public let rates: CaseRateRepository
    /// Duplicate search.
    public let similarity: CaseSimilarityRepository

    /// The service over `store`, with the settings stored there.
    public init(store: Store) throws(GSLError) {
        self.store = store
        let settings = try CaseSettingsRepository(store: store).load()
        var requests = CaseRepository(store: store)
        if let t = settings.taxonomy { requests.taxonomy = t }
        if let p = settings.policies { requests.policies = p }
        if let r = settings.rules { requests.rules = r }
        self.requests = requests
        sla = CaseSLARepository(store: store, policies: requests.policies, clock: settings.clock)
        rates = CaseRateRepository(store: store, weights: settings.weights ?? .standard)
        similarity = CaseSimilarityRepository(store: store)
    }

    /// Opens a request and receives it (受理) in one transaction; returns it with its timeline.
    public func open(_ new: CaseRepository.NewCase, context: MutationContext) throws(GSLError) -> CaseView {
        let record = try requests.open(new, context: context)
        return try show(record.id)
    }

    /// Opens every request of a file in one transaction; rows without a date are received `today`.
    public func importFile(_ options: ImportOptions, today: LocalDate, context: MutationContext)
        throws(GSLError) -> ImportReport
    {
        try requests.importFile(options, today: today, context: context)
    }

    /// One request with its timeline.
    public func show(_ id: Int64) throws(GSLError) -> CaseView {
        CaseView(record: try requests.get(id), events: try requests.events(id))
    }

    /// Requests matching `filter` and, when given, of the enterprise `organisation` (id, USCC or
    /// name), newest first.
    public func list(_ filter: CaseRepository.Filter, organisation: String? = nil, limit: Int)
        throws(GSLError)
        -> [CaseRecord]
    {
        var filter = filter
        if let organisation { filter.orgID = try organisationID(organisation) }
        return try requests.list(filter, limit: limit)
    }

    /// One page of the requests matching `filter`, newest first, below request id `before` (nil:
    /// from the newest): what a scrolling queue asks for as it scrolls.
    public func page(_ filter: CaseRepository.Filter, before: Int64?, limit: Int) throws(GSLError)
        -> [CaseRecord]
    {
        try requests.page(filter, before: before, limit: limit)
    }

    /// Requests per state.
    public func stateCounts() throws(GSLError) -> [(CaseState, Int)] {
        try requests.stateCounts()
    }

    /// The actions request `id` allows now (a reopen only inside its window), from its timeline.
    public func availableActions(_ view: CaseView, on date: LocalDate) -> [CaseAction.Kind] {
        CaseWorkflow.availableActions(
            for: CaseSnapshot.replay(id: String(view.record.id), events: view.events), on: date,
            rules: requests.rules)
    }

    /// The enterprise id for a reference (id, USCC or name).
    public func organisationID(_ reference: String) throws(GSLError) -> Int64 {
        try requests.organisationID(reference)
    }

    /// Applies one action of the state machine on `date`; returns the request with its timeline.
    public func act(
        _ action: CaseAction, caseID: Int64, on date: LocalDate, note: String?, expectedVersion: Int64?,
        context: MutationContext
    ) throws(GSLError) -> CaseView {
        let record = try requests.act(
            action, caseID: caseID, on: date, note: note, expectedVersion: expectedVersion, context: context)
        return try show(record.id)
    }

    /// Adds a note to a request's timeline on `date` without a transition (any state after the
    /// draft; the text must not be blank); returns the request with its timeline.
    public func note(
        caseID: Int64, text: String, on date: LocalDate, expectedVersion: Int64?, context: MutationContext
    ) throws(GSLError) -> CaseView {
        try act(
            .note, caseID: caseID, on: date, note: text, expectedVersion: expectedVersion, context: context)
    }

    /// The SLA view on `today` (states and clocks as of that day).
    public func slaView(_ filter: SLAFilter, today: LocalDate) throws(GSLError) -> [(CaseRecord, SLAReport)] {
        try sla.view(filter, today: today)
    }

    /// A page of the SLA view, most urgent (earliest stored due date) first; see
    /// `CaseSLARepository.page`.
    public func slaPage(_ filter: SLAFilter, today: LocalDate, after cursor: SLAPage.Cursor?, limit: Int)
        throws(GSLError) -> SLAPage
    {
        try sla.page(filter, today: today, after: cursor, limit: limit)
    }

    /// Records the escalations due on `today` once each.
    public func escalate(today: LocalDate, context: MutationContext) throws(GSLError) -> [Escalation] {
        try sla.escalate(today: today, context: context)
    }

    /// 三率 per group over requests opened in `period`; grouped by county, with the counties' names.
    public func serviceRates(by grouping: CaseRateRepository.RateGrouping, period: Period?) throws(GSLError)
        -> ServiceRatesView
    {
        let rows = try rates.rates(by: grouping, period: period)
        var names: [String: String] = [:]
        if grouping == .county {
            let regions = RegionRepository(store: store)
            for (key, _) in rows {
                if let name = (try? regions.path(key))?.path.last?.name { names[key] = name }
            }
        }
        return ServiceRatesView(rows: rows, countyNames: names)
    }

    /// Open requests most similar to request `id`.
    public func similar(to id: Int64, limit: Int) throws(GSLError) -> [(CaseRecord, Double)] {
        try similarity.similar(to: id, limit: limit)
    }

    /// The settings in force, every part spelled out (stored parts, defaults elsewhere).
    public var effectiveSettings: CaseSettings {
        CaseSettings(
            taxonomy: requests.taxonomy, policies: requests.policies, weights: rates.weights,
            rules: requests.rules, warningShare: sla.clock.warningShare,
            l3AfterOverdueWorkdays: sla.clock.l3AfterOverdueWorkdays)
    }

    /// Stores new settings and recomputes open requests' stored due dates in the same transaction;
    /// returns how many requests' due dates changed.
    @discardableResult
    public static func configure(store: Store, settings: CaseSettings, context: MutationContext)
        throws(GSLError) -> Int
    {
        try CaseSettingsRepository(store: store).save(settings, context: context)
    }
}
