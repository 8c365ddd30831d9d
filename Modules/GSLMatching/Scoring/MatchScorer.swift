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
        return total(
            Closeness.industry(demand.industry, supply.industry),
            Closeness.region(demand.region, supply.region),
            text, Self.sizeFit(d, s), Self.amountFit(d, s), Self.deadlineFit(d, s))
    }

    /// Σ weight × value over the six feature values, in feature order (the one sum every score is:
    /// a pair scored from postings and from stored fields comes out the same, bit for bit).
    @inline(__always)
    func total(
        _ industry: Double, _ region: Double, _ text: Double, _ size: Double, _ amount: Double,
        _ deadline: Double
    ) -> Double {
        var total = 0.0
        total += weights[0] * industry
        total += weights[1] * region
        total += weights[2] * text
        total += weights[3] * size
        total += weights[4] * amount
        total += weights[5] * deadline
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
        return sizeFit(d.orgSize, s.orgSize)
    }

    /// The size fit of two organisations' classes when the supply lists none.
    static func sizeFit(_ a: EnterpriseSize?, _ b: EnterpriseSize?) -> Double {
        guard let a, let b, let i = sizeOrder.firstIndex(of: a), let j = sizeOrder.firstIndex(of: b) else {
            return 0.5
        }
        return 1 - Double(abs(i - j)) / 3
    }

    /// 1 when the demand's amount lies in the supply's range (or equals its amount); below the
    /// range amount / minimum, above it maximum / amount; 0.5 when either side gives no amount.
    static func amountFit(_ d: Posting, _ s: Posting) -> Double {
        amountFit(d.amount?.fen, amount: s.amount?.fen, min: s.amountMin?.fen, max: s.amountMax?.fen)
    }

    /// The amount fit of a demand's amount (fen) with a supply's amount, minimum and maximum.
    static func amountFit(_ demand: Int64?, amount: Int64?, min: Int64?, max: Int64?) -> Double {
        guard let a = demand else { return 0.5 }
        let low = min ?? (max == nil ? amount : nil)
        let high = max ?? (min == nil ? amount : nil)
        if low == nil && high == nil { return 0.5 }
        if let low, a < low { return low == 0 ? 1 : Double(a) / Double(low) }
        if let high, a > high { return a == 0 ? 1 : Double(high) / Double(a) }
        return 1
    }

    /// 1 when the supply is open on the demand's deadline (or either has none); else falls by
    /// 1/90 per day the supply closes early, to 0.
    static func deadlineFit(_ d: Posting, _ s: Posting) -> Double {
        deadlineFit(d.deadline?.dayNumber, s.deadline?.dayNumber)
    }

    /// The deadline fit of a demand's and a supply's deadlines as day numbers.
    static func deadlineFit(_ need: Int?, _ until: Int?) -> Double {
        guard let need, let until, until < need else { return 1 }
        let gap = Double(need - until)
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

    /// An empty list for `demand`.
    public init(scorer: MatchScorer, demand: ScoringItem, top: Int) {
        self.scorer = scorer
        self.demand = demand
        self.top = max(0, top)
        best.reserveCapacity(self.top + 1)
    }

    /// Keeps `supply` when it is of the demand's kind, eligible and among the best so far.
    public mutating func consider(_ supply: ScoringItem) {
        guard top > 0, supply.posting.kind == demand.posting.kind,
            MatchScorer.isEligible(demand, supply)
        else { return }
        keep(supply, scorer.score(demand, supply))
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

    /// The supplies kept, best first.
    public var supplies: [ScoringItem] { best.map(\.item) }

    /// The explanations of the supplies kept, best first.
    public func explanations() -> [MatchExplanation] { best.map { scorer.explain(demand, $0.item) } }
}
