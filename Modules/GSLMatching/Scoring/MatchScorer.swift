import GSLCore

/// Scores and explains demand–supply pairs under a profile's weights for one kind.
public struct MatchScorer: Sendable {
    /// The weights of each feature, in `MatchFeature.allCases` order.
    public let weights: [Double]

    /// A scorer for `kind` under `profile`.
    public init(profile: MatchProfile, kind: PostingKind) {
        let w = profile.weights(kind)
        weights = MatchFeature.allCases.map { w[$0] ?? 0 }
    }

    /// The hard-filter failures of serving `demand` with `supply`.
    public static func ineligibility(_ demand: ScoringItem, _ supply: ScoringItem) -> [Ineligibility] {
        var out: [Ineligibility] = []
        let d = demand.posting, s = supply.posting
        if s.state == .closed { out.append(.closed) }
        if d.orgID == s.orgID { out.append(.sameOrganisation) }
        if !s.eligibleSizes.isEmpty, d.orgSize.map(s.eligibleSizes.contains) != true {
            out.append(.sizeNotAccepted(d.orgSize, accepted: s.eligibleSizes))
        }
        if let excluded = s.excludedIndustries.first(where: demand.industryChain.contains) {
            out.append(.industryExcluded(excluded))
        }
        return out
    }

    /// The value of each feature in 0…1, in `MatchFeature.allCases` order.
    public static func values(_ demand: ScoringItem, _ supply: ScoringItem) -> [Double] {
        let d = demand.posting, s = supply.posting
        return [
            Closeness.industry(demand.industry, supply.industry),
            Closeness.region(demand.region, supply.region),
            TextVector.score(demand.text, supply.text),
            sizeFit(d, s), amountFit(d, s), deadlineFit(d, s),
        ]
    }

    /// The score: Σ weight × value, summed in feature order (as `explain` sums its contributions;
    /// written out so that scoring millions of pairs allocates nothing).
    public func score(_ demand: ScoringItem, _ supply: ScoringItem) -> Double {
        score(demand, supply, text: TextVector.score(demand.text, supply.text))
    }

    /// A text score above any `TextVector.score` (a cosine may exceed 1 by a few units in the last
    /// place).
    static let textCeiling = 1.000_001

    /// The score with `text` as the text value, summed in the same order as `score`: with
    /// `textCeiling` it bounds the score from above whatever the texts (weights are not negative and
    /// rounding is monotone), without building the supply's text vector.
    func score(_ demand: ScoringItem, _ supply: ScoringItem, text: Double) -> Double {
        let d = demand.posting, s = supply.posting
        var total = 0.0
        total += weights[0] * Closeness.industry(demand.industry, supply.industry)
        total += weights[1] * Closeness.region(demand.region, supply.region)
        total += weights[2] * text
        total += weights[3] * Self.sizeFit(d, s)
        total += weights[4] * Self.amountFit(d, s)
        total += weights[5] * Self.deadlineFit(d, s)
        return total
    }

    /// Whether the pair passes the hard filters (`ineligibility` is empty), without allocating.
    public static func isEligible(_ demand: ScoringItem, _ supply: ScoringItem) -> Bool {
        let d = demand.posting, s = supply.posting
        if s.state == .closed || d.orgID == s.orgID { return false }
        if !s.eligibleSizes.isEmpty, d.orgSize.map(s.eligibleSizes.contains) != true { return false }
        if !s.excludedIndustries.isEmpty, s.excludedIndustries.contains(where: demand.industryChain.contains)
        {
            return false
        }
        return true
    }

    /// The score with every feature's contribution and the hard-filter failures.
    public func explain(_ demand: ScoringItem, _ supply: ScoringItem) -> MatchExplanation {
        let v = Self.values(demand, supply)
        var parts: [MatchExplanation.Part] = []
        var total = 0.0
        for (i, feature) in MatchFeature.allCases.enumerated() {
            let c = weights[i] * v[i]
            parts.append(.init(feature: feature, value: v[i], weight: weights[i], contribution: c))
            total += c
        }
        return MatchExplanation(
            demandID: demand.posting.id, supplyID: supply.posting.id, parts: parts, score: total,
            ineligible: Self.ineligibility(demand, supply))
    }

    /// The `top` eligible supplies with the highest scores for `demand`, best first (ties by id).
    public func recommend(_ demand: ScoringItem, among supplies: [ScoringItem], top: Int)
        -> [MatchExplanation]
    {
        var best = TopMatches(scorer: self, demand: demand, top: top)
        for index in supplies.indices { best.consider(supplies[index]) }
        return best.explanations()
    }

    /// The size classes in order (`allCases` builds its array on every call).
    static let sizeOrder = EnterpriseSize.allCases

    /// 1 when the supply lists size classes (the hard filter already admitted the demand); else by
    /// the distance between the two organisations' classes (0.5 when either is unknown).
    static func sizeFit(_ d: Posting, _ s: Posting) -> Double {
        if !s.eligibleSizes.isEmpty { return d.orgSize.map(s.eligibleSizes.contains) == true ? 1 : 0 }
        guard let a = d.orgSize, let b = s.orgSize,
            let i = sizeOrder.firstIndex(of: a),
            let j = sizeOrder.firstIndex(of: b)
        else { return 0.5 }
        return 1 - Double(abs(i - j)) / 3
    }

    /// 1 when the demand's amount lies in the supply's range (or equals its amount); below the
    /// range amount / minimum, above it maximum / amount; 0.5 when either side gives no amount.
    static func amountFit(_ d: Posting, _ s: Posting) -> Double {
        guard let a = d.amount?.fen else { return 0.5 }
        let low = s.amountMin?.fen ?? (s.amountMax == nil ? s.amount?.fen : nil)
        let high = s.amountMax?.fen ?? (s.amountMin == nil ? s.amount?.fen : nil)
        if low == nil && high == nil { return 0.5 }
        if let low, a < low { return low == 0 ? 1 : Double(a) / Double(low) }
        if let high, a > high { return a == 0 ? 1 : Double(high) / Double(a) }
        return 1
    }

    /// 1 when the supply is open on the demand's deadline (or either has none); else falls by
    /// 1/90 per day the supply closes early, to 0.
    static func deadlineFit(_ d: Posting, _ s: Posting) -> Double {
        guard let need = d.deadline, let until = s.deadline, until < need else { return 1 }
        let gap = Double(need.dayNumber - until.dayNumber)
        return max(0, 1 - gap / 90)
    }
}

/// The `top` eligible supplies with the highest scores for one demand, best first (ties by id),
/// kept while supplies stream past: only the best few are held, so a recommendation among many
/// supplies never holds them all. `MatchScorer.recommend` is this over an array.
public struct TopMatches: Sendable {
    /// The scorer.
    public let scorer: MatchScorer
    /// The demand.
    public let demand: ScoringItem
    /// How many to keep.
    public let top: Int
    private var best: [(score: Double, item: ScoringItem)] = []
    /// The demand's text, compared with each supply's without building the supply's vector.
    private var probe: TextProbe

    /// An empty list for `demand`.
    public init(scorer: MatchScorer, demand: ScoringItem, top: Int) {
        self.scorer = scorer
        self.demand = demand
        self.top = max(0, top)
        probe = TextProbe(demand.text)
        best.reserveCapacity(self.top + 1)
    }

    /// Keeps `supply` when it is of the demand's kind, eligible and among the best so far.
    public mutating func consider(_ supply: ScoringItem) {
        guard top > 0, supply.posting.kind == demand.posting.kind,
            MatchScorer.isEligible(demand, supply)
        else { return }
        keep(supply, scorer.score(demand, supply))
    }

    /// Keeps `posting` like `consider`, but compares its text only when the bound of its score (the
    /// other features with the highest text score) could still place it among the best, and builds
    /// its text vector only when it is kept. The score is the same as `consider`'s, bit for bit.
    public mutating func consider(_ posting: Posting, with builder: inout ScoringItem.Builder) {
        consider(posting, &builder, { Self.appendText(of: posting, to: &$0) }, kept: { $0.withText() })
    }

    /// Keeps `posting` like `consider(_:with:)`, its text (title, text, then majors, each a part)
    /// appended to the probe by `text` — for a scan that reads the text as stored bytes and leaves the
    /// posting's own title and text empty. The supplies kept this way have no text vector: explain
    /// them from their full postings.
    public mutating func consider(
        _ posting: Posting, with builder: inout ScoringItem.Builder, text: (inout TextProbe) -> Void
    ) {
        consider(posting, &builder, text, kept: { $0 })
    }

    private mutating func consider(
        _ posting: Posting, _ builder: inout ScoringItem.Builder, _ text: (inout TextProbe) -> Void,
        kept: (ScoringItem) -> ScoringItem
    ) {
        guard top > 0, posting.kind == demand.posting.kind else { return }
        let bare = builder.item(posting, text: false)
        guard MatchScorer.isEligible(demand, bare) else { return }
        if best.count == top, let last = best.last {
            let bound = scorer.score(demand, bare, text: MatchScorer.textCeiling)
            if bound < last.score || (bound == last.score && posting.id > last.item.posting.id) { return }
        }
        probe.reset()
        text(&probe)
        let value = scorer.score(demand, bare, text: probe.score())
        guard beats(posting.id, value) else { return }
        keep(kept(bare), value)
    }

    /// Appends the text the scorer compares (title, text, majors) to `probe`, part by part.
    public static func appendText(of posting: Posting, to probe: inout TextProbe) {
        probe.append(posting.title)
        probe.append(posting.text)
        for major in posting.majors { probe.append(major) }
    }

    /// Whether a supply scoring `value` would enter the list.
    private func beats(_ id: Int64, _ value: Double) -> Bool {
        guard best.count == top, let last = best.last else { return true }
        return !(value < last.score || (value == last.score && id > last.item.posting.id))
    }

    private mutating func keep(_ supply: ScoringItem, _ value: Double) {
        let id = supply.posting.id
        if !beats(id, value) { return }
        let at =
            best.firstIndex { value > $0.score || (value == $0.score && id < $0.item.posting.id) }
            ?? best.count
        best.insert((value, supply), at: at)
        if best.count > top { best.removeLast() }
    }

    /// Keeps what `other` (the same demand, scored over other supplies) kept, as if this list had
    /// considered those supplies itself: the best `top` under the same order (score, then id).
    public mutating func merge(_ other: TopMatches) {
        for (score, item) in other.best { keep(item, score) }
    }

    /// The supplies kept, best first.
    public var supplies: [ScoringItem] { best.map(\.item) }

    /// The explanations of the supplies kept, best first.
    public func explanations() -> [MatchExplanation] { best.map { scorer.explain(demand, $0.item) } }
}
