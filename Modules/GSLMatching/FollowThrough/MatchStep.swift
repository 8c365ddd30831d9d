import GSLCore

/// The kinds of follow-through step, as logged.
public enum MatchStep: String, Sendable, Hashable, Codable, CaseIterable, MatchingLabelled {
    /// 推荐: the proposal was made (first event).
    case propose
    /// 对接: introduce the two sides.
    case introduce
    /// 洽谈: start negotiating.
    case negotiate
    /// 成交: record the deal.
    case deal
    /// 未成: record the failure and its reason.
    case fail

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .propose: Message("推荐", en: "propose")
        case .introduce: Message("对接", en: "introduce")
        case .negotiate: Message("洽谈", en: "negotiate")
        case .deal: Message("成交", en: "deal")
        case .fail: Message("未成", en: "fail")
        }
    }
}
