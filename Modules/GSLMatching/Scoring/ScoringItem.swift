import GSLCore

/// A posting with what the scorer compares computed once: text vector, industry and region keys.
public struct ScoringItem: Sendable {
    /// The posting.
    public let posting: Posting
    /// Character n-grams of title, text and majors.
    public let text: TextVector
    /// Industry key.
    public let industry: Closeness.IndustryKey?
    /// Region key.
    public let region: [UInt8]?
    /// Codes on the path from the industry's section down to it, for exclusion checks.
    public let industryChain: Set<String>

    /// The item of `posting`.
    public init(_ posting: Posting) {
        self.init(posting, industry: Self.industry(posting.industryCode))
    }

    init(_ posting: Posting, industry: (Closeness.IndustryKey?, Set<String>)) {
        self.init(posting, industry: industry, region: Closeness.regionKey(posting.regionCode))
    }

    init(_ posting: Posting, industry: (Closeness.IndustryKey?, Set<String>), region: [UInt8]?) {
        self.posting = posting
        text = Self.textVector(posting)
        self.industry = industry.0
        industryChain = industry.1
        self.region = region
    }

    static func textVector(_ posting: Posting) -> TextVector {
        TextVector(([posting.title, posting.text] + posting.majors).joined(separator: " "))
    }

    static func industry(_ code: String?) -> (Closeness.IndustryKey?, Set<String>) {
        (
            Closeness.IndustryKey(code),
            Set(code.map { IndustryCatalog.standard.parentChain($0).map(\.code) } ?? [])
        )
    }

    /// The items of many postings, looking each industry code up once.
    public static func items(_ postings: [Posting]) -> [ScoringItem] {
        var builder = Builder()
        var out: [ScoringItem] = []
        out.reserveCapacity(postings.count)
        for p in postings { out.append(builder.item(p)) }
        return out
    }

    /// Makes the items of many postings one at a time, looking each industry code and each division
    /// code up once.
    public struct Builder: Sendable {
        private var memo: [String: (Closeness.IndustryKey?, Set<String>)] = [:]
        private var regions: [String: [UInt8]?] = [:]

        /// A builder with nothing looked up yet.
        public init() {}

        /// The item of `posting`.
        public mutating func item(_ posting: Posting) -> ScoringItem {
            let key = posting.industryCode ?? ""
            let industry: (Closeness.IndustryKey?, Set<String>)
            if let known = memo[key] {
                industry = known
            } else {
                industry = ScoringItem.industry(posting.industryCode)
                memo[key] = industry
            }
            let code = posting.regionCode ?? ""
            let region: [UInt8]?
            if let known = regions[code] {
                region = known
            } else {
                region = Closeness.regionKey(posting.regionCode)
                regions[code] = region
            }
            return ScoringItem(posting, industry: industry, region: region)
        }
    }
}
