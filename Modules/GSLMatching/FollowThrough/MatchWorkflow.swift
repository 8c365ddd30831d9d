import GSLCore

/// The follow-through state machine: proposed → introduced → negotiating → deal; failed from any
/// open state.
public enum MatchWorkflow {
    /// The steps `state` allows.
    public static func allowed(in state: MatchState) -> [MatchStep] {
        switch state {
        case .proposed: [.introduce, .fail]
        case .introduced: [.negotiate, .fail]
        case .negotiating: [.deal, .fail]
        case .deal, .failed: []
        }
    }

    /// The state after `step`, or a refusal naming the allowed steps.
    public static func next(_ state: MatchState, _ step: MatchStep) throws(GSLError) -> MatchState {
        guard allowed(in: state).contains(step) else {
            let allowed = allowed(in: state)
            let zh = allowed.isEmpty ? "无（已结束）" : allowed.map(\.label.zh).joined(separator: "、")
            let en = allowed.isEmpty ? "none (final)" : allowed.map(\.rawValue).joined(separator: ", ")
            throw GSLError.data(
                "状态“\(state.label.zh)”不能\(step.label.zh)；可执行：\(zh)",
                en: "cannot \(step.rawValue) in state \(state.rawValue); allowed: \(en)"
            ).because(.matchingTransitionRefused)
        }
        switch step {
        case .propose: return .proposed
        case .introduce: return .introduced
        case .negotiate: return .negotiating
        case .deal: return .deal
        case .fail: return .failed
        }
    }
}
