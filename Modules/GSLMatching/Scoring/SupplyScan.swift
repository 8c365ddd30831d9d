import GSLCore

/// One supply as a scan of the store hands it over: its stored fields, text as UTF-8 bytes (empty
/// for NULL), valid only during the call it is passed to.
public struct StoredSupply {
    /// Posting id.
    public var id: Int64
    /// The posting's organisation.
    public var orgID: Int64
    /// The organisation's size class (`EnterpriseSize` raw value).
    public var orgSize: UnsafeBufferPointer<UInt8>
    /// Industry code.
    public var industry: UnsafeBufferPointer<UInt8>
    /// Division code.
    public var region: UnsafeBufferPointer<UInt8>
    /// Amount, least and largest amount, in fen.
    public var amount: Int64?, amountMin: Int64?, amountMax: Int64?
    /// Size classes accepted, comma-separated.
    public var sizes: UnsafeBufferPointer<UInt8>
    /// Industries excluded, comma-separated.
    public var excluded: UnsafeBufferPointer<UInt8>
    /// Deadline, ISO date.
    public var deadline: UnsafeBufferPointer<UInt8>
    /// Title, text and majors (、-separated): the text the scorer compares.
    public var title: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>
    public var majors: UnsafeBufferPointer<UInt8>

    /// The fields, all given.
    public init(
        id: Int64, orgID: Int64, orgSize: UnsafeBufferPointer<UInt8>, industry: UnsafeBufferPointer<UInt8>,
        region: UnsafeBufferPointer<UInt8>, amount: Int64?, amountMin: Int64?, amountMax: Int64?,
        sizes: UnsafeBufferPointer<UInt8>, excluded: UnsafeBufferPointer<UInt8>,
        deadline: UnsafeBufferPointer<UInt8>, title: UnsafeBufferPointer<UInt8>,
        text: UnsafeBufferPointer<UInt8>,
        majors: UnsafeBufferPointer<UInt8>
    ) {
        self.id = id
        self.orgID = orgID
        self.orgSize = orgSize
        self.industry = industry
        self.region = region
        self.amount = amount
        self.amountMin = amountMin
        self.amountMax = amountMax
        self.sizes = sizes
        self.excluded = excluded
        self.deadline = deadline
        self.title = title
        self.text = text
        self.majors = majors
    }
}

/// The `top` eligible supplies with the highest scores for one demand, best first (ties by id),
/// kept while a scan of the store streams supplies past as stored fields: no posting is made of a
/// supply. Each code, size list, exclusion list and date is looked up once per scan and its
/// feature value (against the demand) remembered; a supply's text is compared only when the bound
/// of its score (the other features with the highest text score) could still place it among the
/// best. The scores are `MatchScorer.score`'s, bit for bit (the same values, the same sum); only
/// ids and scores are kept — show and explain the kept supplies from their postings.
public struct SupplyScan: Sendable {
    /// The scorer.
    public let scorer: MatchScorer
    /// The demand.
    public let demand: ScoringItem
    /// How many to keep.
    public let top: Int
    /// How many supplies were considered.
    public private(set) var considered = 0
    private var best: [(score: Double, index: Int)] = []
    private var probe: TextProbe
    private var industries = ByteMemo<Double>()
    private var regions = ByteMemo<Double>()
    private var sizeClasses = ByteMemo<EnterpriseSize?>()
    private var sizeLists = ByteMemo<Listed>()
    private var exclusions = ByteMemo<Bool>()
    private var deadlines = ByteMemo<Int?>()

    /// What a supply's list of size classes says of the demand's organisation.
    enum Listed { case none, accepted, refused }

    /// An empty list for `demand`.
    public init(scorer: MatchScorer, demand: ScoringItem, top: Int) {
        self.scorer = scorer
        self.demand = demand
        self.top = max(0, top)
        probe = TextProbe(demand.text)
        best.reserveCapacity(self.top + 1)
    }

    /// Keeps `supply` (of the demand's kind, open) when it is eligible and among the best so far.
    public mutating func consider(_ supply: StoredSupply) {
        considered += 1
        guard top > 0, supply.orgID != demand.posting.orgID else { return }
        let d = demand
        let listed =
            supply.sizes.isEmpty
            ? Listed.none
            : sizeLists.value(supply.sizes) { text in
                let sizes = text.split(separator: ",").compactMap { EnterpriseSize(rawValue: String($0)) }
                if sizes.isEmpty { return .none }
                return d.posting.orgSize.map(sizes.contains) == true ? .accepted : .refused
            }
        if listed == .refused { return }
        if !supply.excluded.isEmpty {
            let excluded = exclusions.value(supply.excluded) { text in
                text.split(separator: ",").contains { d.industryChain.contains(String($0)) }
            }
            if excluded { return }
        }
        let industry = industries.value(supply.industry) {
            Closeness.industry(d.industry, Closeness.IndustryKey($0.isEmpty ? nil : $0))
        }
        let region = regions.value(supply.region) { Closeness.region(d.region, Closeness.regionKey($0)) }
        let size: Double
        if listed == .accepted {
            size = 1
        } else {
            let own =
                supply.orgSize.isEmpty
                ? nil : sizeClasses.value(supply.orgSize) { EnterpriseSize(rawValue: $0) }
            size = MatchScorer.sizeFit(d.posting.orgSize, own)
        }
        let amount = MatchScorer.amountFit(
            d.posting.amount?.fen, amount: supply.amount, min: supply.amountMin, max: supply.amountMax)
        let until =
            supply.deadline.isEmpty
            ? nil : deadlines.value(supply.deadline) { try? LocalDate.parse($0).dayNumber }
        let deadline = MatchScorer.deadlineFit(d.posting.deadline?.dayNumber, until)
        let id = Int(supply.id)
        let ceiling = scorer.total(industry, region, MatchScorer.textCeiling, size, amount, deadline)
        guard BestList.admits(ceiling, id, best, k: top) else { return }
        probe.reset()
        probe.append(utf8: supply.title)
        probe.append(utf8: supply.text)
        // Majors are 、-separated; 、 breaks a run as the gap between parts does.
        probe.append(utf8: supply.majors)
        // Most texts share little with the demand's: a bound found without sorting their keys is
        // enough to pass them over.
        let bound = scorer.total(industry, region, probe.bound(), size, amount, deadline)
        guard BestList.admits(bound, id, best, k: top) else { return }
        BestList.keep(
            scorer.total(industry, region, probe.score(), size, amount, deadline), id, in: &best, k: top)
    }

    /// Keeps `posting` as `consider` keeps its stored fields (for tests and callers holding postings).
    public mutating func consider(_ posting: Posting) {
        // The text fields' bytes one after another in one buffer, each field a slice of it.
        let fields = [
            posting.orgSize?.rawValue, posting.industryCode, posting.regionCode,
            posting.eligibleSizes.map(\.rawValue).joined(separator: ","),
            posting.excludedIndustries.joined(separator: ","), posting.deadline?.iso, posting.title,
            posting.text,
            posting.majors.joined(separator: "、"),
        ].map { Array(($0 ?? "").utf8) }
        let bytes = fields.flatMap { $0 }
        bytes.withUnsafeBufferPointer { all in
            var parts: [UnsafeBufferPointer<UInt8>] = []
            var start = 0
            for field in fields {
                parts.append(UnsafeBufferPointer(rebasing: all[start..<(start + field.count)]))
                start += field.count
            }
            consider(
                StoredSupply(
                    id: posting.id, orgID: posting.orgID, orgSize: parts[0], industry: parts[1],
                    region: parts[2],
                    amount: posting.amount?.fen, amountMin: posting.amountMin?.fen,
                    amountMax: posting.amountMax?.fen, sizes: parts[3], excluded: parts[4],
                    deadline: parts[5],
                    title: parts[6], text: parts[7], majors: parts[8]))
        }
    }

    /// Keeps what `other` (the same demand, scanned over other supplies) kept, as if this scan had
    /// considered those supplies itself: the best `top` under the same order (score, then id).
    public mutating func merge(_ other: SupplyScan) {
        for (score, index) in other.best { BestList.keep(score, index, in: &best, k: top) }
        considered += other.considered
    }

    /// The ids and scores kept, best first.
    public var kept: [(score: Double, id: Int64)] { best.map { ($0.score, Int64($0.index)) } }
}

/// Values remembered by the bytes they were made from: a scan meets the same few codes, lists and
/// dates again and again. Up to 15 bytes are the key themselves (no string is made once a value is
/// known); longer ones are keyed by their string.
struct ByteMemo<Value>: Sendable where Value: Sendable {
    private var short: [ShortBytes: Value] = [:]
    private var long: [String: Value] = [:]

    /// Up to 15 bytes and their count, packed into two words.
    struct ShortBytes: Hashable {
        var a: UInt64 = 0, b: UInt64 = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= 15 else { return nil }
            for (i, byte) in bytes.enumerated() {
                if i < 8 {
                    a |= UInt64(byte) << (8 * UInt64(i))
                } else {
                    b |= UInt64(byte) << (8 * UInt64(i - 8))
                }
            }
            b |= UInt64(bytes.count) << 56
        }
    }

    /// The value of `bytes`, made from their string by `make` the first time.
    @inline(__always)
    mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, _ make: (String) -> Value) -> Value {
        if let key = ShortBytes(bytes) {
            if let known = short[key] { return known }
            let made = make(String(decoding: bytes, as: UTF8.self))
            short[key] = made
            return made
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let known = long[text] { return known }
        let made = make(text)
        long[text] = made
        return made
    }
}
