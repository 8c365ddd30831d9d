import GSLCore

/// The proposal state machine: filed → assign → assigned → answer → answered → evaluate →
/// evaluated → close → closed. An unsatisfied evaluation allows a new answer (重新办理); adoption is
/// allowed in every state and changes none.
public enum ProposalWorkflow {
    /// The actions allowed in `state`; `unsatisfied` says whether the last evaluation was 不满意.
    public static func allowed(in state: ProposalState, unsatisfied: Bool = false) -> [ProposalActionKind] {
        switch state {
        case .filed: [.assign, .adopt]
        case .assigned: [.answer, .adopt]
        case .answered: [.evaluate, .adopt]
        case .evaluated: unsatisfied ? [.answer, .close, .adopt] : [.close, .adopt]
        case .closed: [.adopt]
        }
    }

    /// The state after `action`, or a data error naming the allowed actions.
    public static func next(_ state: ProposalState, _ action: ProposalAction, unsatisfied: Bool = false)
        throws(GSLError) -> ProposalState
    {
        let allowed = allowed(in: state, unsatisfied: unsatisfied)
        guard allowed.contains(action.kind) else {
            let zh = allowed.map { "\($0.rawValue)（\($0.label.zh)）" }.joined(separator: "、")
            let en = allowed.map(\.rawValue).joined(separator: ", ")
            throw GSLError.data(
                "「\(action.kind.label.zh)」不能用于\(state.label.zh)的提案；可执行：\(zh)",
                en: "'\(action.kind.rawValue)' is not allowed on a \(state.rawValue) proposal; allowed: \(en)"
            ).because(.infoActionNotAllowed)
        }
        switch action {
        case .assign: return .assigned
        case .answer: return .answered
        case .evaluate: return .evaluated
        case .close: return .closed
        case .adopt: return state
        }
    }
}
