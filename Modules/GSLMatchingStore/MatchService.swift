import Foundation
import GSLCore
import GSLMatching
import GSLStore
import GSLTabular

/// Matching (融通, 银企, 校企): what each `gsl match` command does is one call here, so that the
/// CLI, the TUI, reports and the demo generator do the same thing with the same weights profile.
public struct MatchService: Sendable {
    /// The store.
    public let store: Store
    /// Postings.
    public let postings: PostingRepository
    /// Proposals and their follow-through.
    public let proposals: MatchProposalRepository
    /// The weights profile, loaded once.
    public let profile: MatchProfile

    /// The service over `store`, with the stored profile (or the built-in one).
    public init(store: Store) throws(GSLError) {
        self.store = store
        postings = PostingRepository(store: store)
        proposals = MatchProposalRepository(store: store)
        profile = try MatchProfileRepository(store: store).load()
    }

    /// Posts one posting from named fields (`PostingFields.specs` keys); `today` when no date is given.
    public func post(fields: [String: String?], today: LocalDate, context: MutationContext) throws(GSLError)
        -> Posting
    {
        try postings.post(PostingFields.draft(FieldReader(fields), today: today), context: context)
    }

    /// Posts every row of a file in one transaction.
    public func importFile(_ options: ImportOptions, today: LocalDate, context: MutationContext)
        throws(GSLError)
        -> ImportReport
    {
        try postings.importFile(options, today: today, context: context)
    }

    /// Postings matching `filter`, newest first.
    public func list(_ filter: PostingFilter) throws(GSLError) -> [Posting] { try postings.list(filter) }

    /// One posting by id or reference.
    public func show(_ ref: String) throws(GSLError) -> Posting { try postings.get(ref) }

    /// Closes a posting.
    public func close(_ ref: String, on date: LocalDate, expectedVersion: Int64?, context: MutationContext)
        throws(GSLError) -> Posting
    {
        try postings.close(ref, on: date, expectedVersion: expectedVersion, context: context)
    }

    /// The demand and supply named, checked to be a demand and a supply of one kind.
    func pair(_ demandRef: String, _ supplyRef: String) throws(GSLError) -> (Posting, Posting) {
        let demand = try postings.get(demandRef), supply = try postings.get(supplyRef)
        guard demand.side == .demand else {
            throw GSLError.data("#\(demand.id) 不是需求", en: "#\(demand.id) is not a demand").because(
                .matchingPairInvalid)
        }
        guard supply.side == .supply else {
            throw GSLError.data("#\(supply.id) 不是供给", en: "#\(supply.id) is not a supply").because(
                .matchingPairInvalid)
        }
        guard demand.kind == supply.kind else {
            throw GSLError.data(
                "类别不同：需求为\(demand.kind.label.zh)，供给为\(supply.kind.label.zh)",
                en: "different kinds: demand \(demand.kind.rawValue), supply \(supply.kind.rawValue)"
            ).because(.matchingPairInvalid)
        }
        return (demand, supply)
    }

    /// Every feature's contribution to the pair's score, and the hard filters it fails.
    public func explain(demand: String, supply: String) throws(GSLError) -> MatchExplainView {
        let (d, s) = try pair(demand, supply)
        let scorer = MatchScorer(profile: profile, kind: d.kind)
        return MatchExplainView(
            demand: d, supply: s, explanation: scorer.explain(ScoringItem(d), ScoringItem(s)))
    }

    /// The `top` best eligible open supplies for a demand.
    public func recommend(demand ref: String, top: Int, parts: Int? = nil) throws(GSLError) -> RecommendView {
        let demand = try postings.get(ref)
        guard demand.side == .demand else {
            throw GSLError.data("#\(demand.id) 不是需求", en: "#\(demand.id) is not a demand").because(
                .matchingPairInvalid)
        }
        // The supplies stream past as stored fields (no posting is made of each) and only the
        // best `top` are kept (holding a hundred thousand postings cost more than scoring them); a
        // supply's text is compared only when its score could still place it among them. The kept
        // ones are then read whole and explained (the same scores, bit for bit). A large market is
        // read in ranges of ids on all cores (each range its own read, keeping its own best), and the
        // lists are merged: the best `top` of the whole under the same order.
        let scorer = MatchScorer(profile: profile, kind: demand.kind)
        let item = ScoringItem(demand)
        let ranges = Self.split(try postings.idRange(), parts: parts)
        let postings = self.postings
        let kind = demand.kind
        let found = Parallel.map(ranges.count) { part -> Result<SupplyScan, GSLError> in
            var scan = SupplyScan(scorer: scorer, demand: item, top: top)
            do throws(GSLError) {
                try postings.forEachOpenToScore(kind: kind, side: .supply, ids: ranges[part]) {
                    scan.consider($0)
                }
                return .success(scan)
            } catch {
                return .failure(error)
            }
        }
        var best = SupplyScan(scorer: scorer, demand: item, top: top)
        for slot in found { best.merge(try slot.get()) }
        var items: [(supply: Posting, explanation: MatchExplanation)] = []
        for kept in best.kept {
            let supply = try postings.get(kept.id)
            items.append((supply, scorer.explain(item, ScoringItem(supply))))
        }
        let considered = best.considered
        return RecommendView(demand: demand, items: items, considered: considered)
    }

    /// The id ranges a scan of `ids` is read in: one per core (at most 4) once there are 20,000
    /// postings or more, one below that; `parts` overrides (tests).
    public static func split(_ ids: ClosedRange<Int64>?, parts: Int?) -> [ClosedRange<Int64>?] {
        guard let ids else { return [nil] }
        let span = Int(ids.upperBound - ids.lowerBound + 1)
        let slices = Parallel.slices(
            span, parts: min(parts ?? (span >= 20_000 ? Parallel.cores(limit: 4) : 1), 64))
        if slices.count == 1 { return [nil] }
        return slices.map {
            (ids.lowerBound + Int64($0.lowerBound))...(ids.lowerBound + Int64($0.upperBound) - 1)
        }
    }

    /// Proposes one pair by hand (its score and explanation stored); refused when ineligible.
    public func propose(
        demand: String, supply: String, date: LocalDate, note: String?, context: MutationContext
    ) throws(GSLError) -> MatchProposalView {
        let view = try explain(demand: demand, supply: supply)
        if let reason = view.explanation.ineligible.first {
            throw GSLError.data("不符合条件：\(reason.message.zh)", en: "not eligible: \(reason.message.en)")
                .because(.matchingPairInvalid)
        }
        let p = try proposals.propose(
            view.explanation, kind: view.demand.kind, date: date, note: note, context: context)
        return MatchProposalView(proposal: p, events: try proposals.events(p.id))
    }

    /// A whole-market run of one kind: every open demand against every open supply on the
    /// candidate graph, solved in `mode`; the chosen pairs are stored as proposals with their scores.
    /// With `keepGraph` the view carries the candidate graph (for checking the run elsewhere).
    public func run(
        kind: PostingKind, mode: MatchMode, date: LocalDate, keepGraph: Bool = false, context: MutationContext
    ) throws(GSLError) -> MarketRunView {
        let demands = ScoringItem.items(try postings.open(kind: kind, side: .demand))
        let supplies = ScoringItem.items(try postings.open(kind: kind, side: .supply))
        let scorer = MatchScorer(profile: profile, kind: kind)
        let graph = MarketSolver.candidates(
            demands: demands, supplies: supplies, scorer: scorer, k: profile.candidateCount)
        let result = try MarketSolver.solve(
            graph: graph, demands: demands.count, supplies: supplies.count,
            capacities: supplies.map(\.posting.capacity), mode: mode)
        let explanations = result.pairs.map { scorer.explain(demands[$0.demand], supplies[$0.supply]) }
        let weights = profile.weights(kind)
        let weightsJSON =
            "{"
            + MatchFeature.allCases.map { "\"\($0.rawValue)\":\(weights[$0] ?? 0)" }.joined(separator: ",")
            + "}"
        let stored = try proposals.storeRun(
            kind: kind, mode: mode, demands: demands.count, supplies: supplies.count, result: result,
            explanations: explanations, weights: weightsJSON, date: date, context: context)
        return MarketRunView(
            runID: stored.runID, kind: kind, mode: mode, demands: demands.count, supplies: supplies.count,
            candidates: result.candidateCount, pairs: result.pairs.count, objective: result.objective,
            created: stored.created, skipped: stored.skipped, weights: weights,
            graph: keepGraph
                ? graph.map { (demands[$0.row].posting.id, supplies[$0.column].posting.id, -$0.cost) } : [])
    }

    /// Applies one follow-through step and returns the proposal with its log.
    public func act(
        _ action: MatchAction, proposal id: Int64, on date: LocalDate, note: String?, expectedVersion: Int64?,
        context: MutationContext
    ) throws(GSLError) -> MatchProposalView {
        let p = try proposals.act(
            action, id: id, on: date, note: note, expectedVersion: expectedVersion, context: context)
        return MatchProposalView(proposal: p, events: try proposals.events(id))
    }

    /// One proposal with its log.
    public func proposal(_ id: Int64) throws(GSLError) -> MatchProposalView {
        MatchProposalView(proposal: try proposals.get(id), events: try proposals.events(id))
    }

    /// Proposals, optionally of one kind, state, run or demand (posting id).
    public func proposalList(
        kind: PostingKind?, state: MatchState?, runID: Int64?, demandID: Int64? = nil, limit: Int
    )
        throws(GSLError)
        -> [MatchProposal]
    {
        try proposals.list(kind: kind, state: state, runID: runID, demandID: demandID, limit: limit)
    }

    /// Outcomes of `period` by kind and in total.
    public func stats(period: Period, kind: PostingKind?) throws(GSLError) -> [MatchStats] {
        try MatchStatsRepository(store: store).stats(period: period, kind: kind)
    }

    /// Stores a new weights profile.
    public static func configure(store: Store, profile: MatchProfile, context: MutationContext)
        throws(GSLError)
    {
        try MatchProfileRepository(store: store).save(profile, context: context)
    }

    /// Top-`top` recall of the planted pairs in a file with the columns 需求 (demand) and 供给 (supply).
    public func recall(file options: ImportOptions, top: Int) throws(GSLError) -> RecallView {
        let input = try ImportSupport(
            options,
            fields: [
                FieldSpec("demand", aliases: ["需求"], required: true),
                FieldSpec("supply", aliases: ["供给"], required: true),
            ])
        var pairs: [(demand: String, supply: String)] = []
        for row in input.file.rows {
            let r = input.reader(row)
            pairs.append(
                (
                    try r.required("demand", label: Message("需求", en: "demand")),
                    try r.required("supply", label: Message("供给", en: "supply"))
                ))
        }
        return try recall(planted: pairs, top: top)
    }

    /// Top-`top` recall of planted partners: for each (demand, supply) reference pair, the rank of
    /// the supply among the demand's recommendations.
    public func recall(planted: [(demand: String, supply: String)], top: Int) throws(GSLError) -> RecallView {
        var items: [RecallView.Item] = []
        var cache: [PostingKind: [ScoringItem]] = [:]
        var weights: [PostingKind: [MatchFeature: Double]] = [:]
        for pair in planted {
            let (demand, supply) = try self.pair(pair.demand, pair.supply)
            if cache[demand.kind] == nil {
                cache[demand.kind] = ScoringItem.items(try postings.open(kind: demand.kind, side: .supply))
                weights[demand.kind] = profile.weights(demand.kind)
            }
            let scorer = MatchScorer(profile: profile, kind: demand.kind)
            let best = scorer.recommend(ScoringItem(demand), among: cache[demand.kind]!, top: top)
            let rank = best.firstIndex { $0.supplyID == supply.id }.map { $0 + 1 }
            items.append(RecallView.Item(demand: demand, supply: supply, rank: rank))
        }
        return RecallView(top: top, items: items, weights: weights)
    }
}
