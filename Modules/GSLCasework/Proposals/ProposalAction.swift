import GSLCore

/// One action on a proposal, with what it carries.
public enum ProposalAction: Sendable, Hashable {
    /// 交办 to a lead department (主办) and assisting ones (协办).
    case assign(lead: String, assisting: [String])
    /// 答复 with a grade.
    case answer(AnswerGrade)
    /// 委员评价: the proposer's satisfaction.
    case evaluate(Satisfaction)
    /// 办结.
    case close
    /// 采用 by a body at a level.
    case adopt(level: InfoLevel, body: String)

    /// The kind of action.
    public var kind: ProposalActionKind {
        switch self {
        case .assign: .assign
        case .answer: .answer
        case .evaluate: .evaluate
        case .close: .close
        case .adopt: .adopt
        }
    }

    /// What the action carries, for the timeline.
    public var detail: String? {
        switch self {
        case .assign(let lead, let assisting):
            assisting.isEmpty ? lead : lead + "；协办：" + assisting.joined(separator: "、")
        case .answer(let grade): grade.rawValue
        case .evaluate(let s): s.rawValue
        case .close: nil
        case .adopt(let level, let body): "\(level.rawValue)：\(body)"
        }
    }
}
