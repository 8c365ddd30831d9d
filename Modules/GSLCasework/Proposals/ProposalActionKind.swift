import GSLCore

/// The actions on a filed proposal.
public enum ProposalActionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 交办.
    case assign
    /// 答复.
    case answer
    /// 委员评价.
    case evaluate
    /// 办结.
    case close
    /// 采用 (recorded in any state; does not move it).
    case adopt

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .assign: Message("交办", en: "assign")
        case .answer: Message("答复", en: "answer")
        case .evaluate: Message("委员评价", en: "evaluate")
        case .close: Message("办结", en: "close")
        case .adopt: Message("采用", en: "adopt")
        }
    }
}
