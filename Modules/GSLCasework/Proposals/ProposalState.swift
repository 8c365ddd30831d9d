import GSLCore

/// Where a proposal (提案) stands: 立案 → 交办 → 答复 → 委员评价 → 办结.
public enum ProposalState: String, Sendable, Hashable, Codable, CaseIterable {
    /// 已立案 (filed).
    case filed
    /// 已交办 (assigned to a lead department and assisting ones).
    case assigned
    /// 已答复 (answered, graded A/B/C).
    case answered
    /// 已评价 (evaluated by the proposer).
    case evaluated
    /// 已办结 (closed).
    case closed

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .filed: Message("已立案", en: "filed")
        case .assigned: Message("已交办", en: "assigned")
        case .answered: Message("已答复", en: "answered")
        case .evaluated: Message("已评价", en: "evaluated")
        case .closed: Message("已办结", en: "closed")
        }
    }
}
