import GSLCore

/// Something a person does to a request; each applied action becomes one `CaseEvent`.
public enum CaseAction: Sendable, Hashable, Codable {
    /// 受理: draft → received.
    case receive
    /// 交办 to a lead department (with assisting departments): received → assigned.
    case assign(lead: String, assisting: [String])
    /// 开始办理: assigned → in progress.
    case start
    /// 挂起待反馈: in progress → pending; the SLA clock stops.
    case pause
    /// 恢复办理: pending → in progress; the SLA clock runs again.
    case resume
    /// 答复: in progress → answered.
    case answer
    /// 回访 with its result: answered → evaluated.
    case evaluate(Callback)
    /// 办结: evaluated → closed.
    case close
    /// 不予受理 with a non-empty reason: received or assigned → rejected.
    case reject(reason: String)
    /// 并案 into another open request: any open state → merged.
    case merge(into: String, targetState: CaseState)
    /// 重新办理: closed → in progress, only within the reopen window after an unsatisfied callback.
    case reopen
    /// 备注: a note on the timeline (the event's note, not blank) in any state after the draft; the
    /// state stays and no clock starts or stops.
    case note

    /// The kind of an action, without its details.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 受理.
        case receive
        /// 交办.
        case assign
        /// 开始办理.
        case start
        /// 挂起.
        case pause
        /// 恢复.
        case resume
        /// 答复.
        case answer
        /// 回访.
        case evaluate
        /// 办结.
        case close
        /// 不予受理.
        case reject
        /// 并案.
        case merge
        /// 重新办理.
        case reopen
        /// 备注 (no transition).
        case note

        /// The name in both languages.
        public var label: Message {
            switch self {
            case .receive: Message("受理", en: "receive")
            case .assign: Message("交办", en: "assign")
            case .start: Message("开始办理", en: "start")
            case .pause: Message("挂起待反馈", en: "pause")
            case .resume: Message("恢复办理", en: "resume")
            case .answer: Message("答复", en: "answer")
            case .evaluate: Message("回访", en: "evaluate")
            case .close: Message("办结", en: "close")
            case .reject: Message("不予受理", en: "reject")
            case .merge: Message("并案", en: "merge")
            case .reopen: Message("重新办理", en: "reopen")
            case .note: Message("备注", en: "note")
            }
        }
    }

    /// This action's kind.
    public var kind: Kind {
        switch self {
        case .receive: .receive
        case .assign: .assign
        case .start: .start
        case .pause: .pause
        case .resume: .resume
        case .answer: .answer
        case .evaluate: .evaluate
        case .close: .close
        case .reject: .reject
        case .merge: .merge
        case .reopen: .reopen
        case .note: .note
        }
    }
}
