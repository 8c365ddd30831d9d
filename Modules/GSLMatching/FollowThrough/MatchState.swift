import GSLCore

/// Where a match proposal stands on its way to a deal.
public enum MatchState: String, Sendable, Hashable, Codable, CaseIterable, MatchingLabelled {
    /// 推荐: proposed by a recommendation or a market run.
    case proposed
    /// 已对接: the two sides were introduced.
    case introduced
    /// 洽谈中: negotiating.
    case negotiating
    /// 成交: a deal (amount, date; hires and salary band for talent).
    case deal
    /// 未成: failed, with a reason.
    case failed

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .proposed: Message("推荐", en: "proposed")
        case .introduced: Message("已对接", en: "introduced")
        case .negotiating: Message("洽谈中", en: "negotiating")
        case .deal: Message("成交", en: "deal")
        case .failed: Message("未成", en: "failed")
        }
    }

    /// Whether no further step is possible.
    public var isFinal: Bool { self == .deal || self == .failed }
}
