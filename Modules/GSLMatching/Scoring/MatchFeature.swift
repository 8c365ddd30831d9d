import GSLCore

/// One weighted feature of the match score; each takes a value in 0…1.
public enum MatchFeature: String, Sendable, Hashable, Codable, CaseIterable, MatchingLabelled {
    /// Closeness in the GB/T 4754 tree: same class 1, group 0.75, division 0.5, section 0.25.
    case industry
    /// Closeness in the division tree: same code 1, town 0.9, county 0.75, city 0.5, province 0.25.
    case region
    /// Character-bigram and unigram cosine of title and text (two-character words count).
    case text
    /// Size fit: 1 inside a supply's size classes, else by the distance between size classes.
    case size
    /// Amount fit: 1 inside the supply's range, else the ratio of the smaller to the larger.
    case amount
    /// Deadline fit: 1 when the supply is still open on the demand's deadline, decaying over 90 days.
    case deadline

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .industry: Message("行业相近", en: "industry")
        case .region: Message("地域相近", en: "region")
        case .text: Message("文本相似", en: "text")
        case .size: Message("规模匹配", en: "size")
        case .amount: Message("金额匹配", en: "amount")
        case .deadline: Message("期限匹配", en: "deadline")
        }
    }
}
