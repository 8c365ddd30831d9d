import GSLCore

/// The request state machine: which actions each state allows and what they lead to.
public enum CaseWorkflow {
    /// The actions the state table allows in `state` (a reopen is further limited by its window).
    public static func allowedActions(in state: CaseState) -> [CaseAction.Kind] {
        switch state {
        case .draft: [.receive]
        case .received: [.assign, .reject, .merge]
        case .assigned: [.start, .reject, .merge]
        case .inProgress: [.pause, .answer, .merge]
        case .pending: [.resume, .merge]
        case .answered: [.evaluate]
        case .evaluated: [.close]
        case .closed: [.reopen]
        case .rejected, .merged: []
        }
    }

    /// The actions that `apply` would accept for `snapshot` on `date` (a reopen only inside its
    /// window after an unsatisfied callback; merge, assign and reject need valid details).
    public static func availableActions(
        for snapshot: CaseSnapshot, on date: LocalDate, rules: WorkflowRules = .standard
    ) -> [CaseAction.Kind] {
        allowedActions(in: snapshot.state).filter { kind in
            guard kind == .reopen else { return true }
            do {
                try check(.reopen, snapshot: snapshot, on: date, rules: rules)
                return true
            } catch {
                return false
            }
        }
    }

    /// The state `kind` leads to from `state`, or nil when the table does not allow it. A note is
    /// outside the table: it keeps any state but the draft.
    public static func target(of kind: CaseAction.Kind, from state: CaseState) -> CaseState? {
        if kind == .note { return state == .draft ? nil : state }
        guard allowedActions(in: state).contains(kind) else { return nil }
        switch kind {
        case .receive: return .received
        case .assign: return .assigned
        case .start, .resume, .reopen: return .inProgress
        case .pause: return .pending
        case .answer: return .answered
        case .evaluate: return .evaluated
        case .close: return .closed
        case .reject: return .rejected
        case .merge: return .merged
        case .note: return state
        }
    }

    /// Applies `action` to `snapshot` on `date`: the new state and the event to record, or a data
    /// error (exit 65) naming the allowed actions when the action does not fit, or when `date` is
    /// before the snapshot's latest event.
    public static func apply(
        _ action: CaseAction, to snapshot: CaseSnapshot, on date: LocalDate, actor: String,
        note: String? = nil, rules: WorkflowRules = .standard
    ) throws(GSLError) -> (state: CaseState, event: CaseEvent) {
        let state = snapshot.state
        guard let next = target(of: action.kind, from: state) else {
            throw notAllowed(action.kind, in: state, caseID: snapshot.id)
        }
        if let last = snapshot.lastEventDate, date < last {
            throw GSLError.data(
                "诉求 \(snapshot.id) 的操作日期 \(date) 早于上一条记录（\(last)）",
                en: "request \(snapshot.id): the action date \(date) is before the latest event (\(last))"
            ).because(.caseBackdated)
        }
        try check(action, snapshot: snapshot, on: date, rules: rules)
        if action == .note, (note ?? "").allSatisfy(\.isWhitespace) {
            throw GSLError.data("备注不能为空", en: "a note needs its text").because(.caseActionInvalid)
        }
        let event = CaseEvent(
            caseID: snapshot.id, action: action, from: state, to: next, date: date,
            actor: actor, note: note)
        return (next, event)
    }

    /// The refusal for `kind` in `state`, listing what is allowed.
    static func notAllowed(_ kind: CaseAction.Kind, in state: CaseState, caseID: String) -> GSLError {
        let allowed = allowedActions(in: state)
        let zhList =
            allowed.isEmpty
            ? "无（已终结）" : allowed.map { "\($0.label.zh)（\($0.rawValue)）" }.joined(separator: "、")
        let enList = allowed.isEmpty ? "none (final state)" : allowed.map(\.rawValue).joined(separator: ", ")
        return GSLError.data(
            "诉求 \(caseID) 当前状态为“\(state.label.zh)”，不能执行“\(kind.label.zh)”；可执行：\(zhList)",
            en:
                "request \(caseID) is \(state.label.en); '\(kind.rawValue)' is not allowed; allowed: \(enList)"
        ).because(.caseActionNotAllowed)
    }

    /// The checks on an action's details once the state table allows it.
    static func check(
        _ action: CaseAction, snapshot: CaseSnapshot, on date: LocalDate,
        rules: WorkflowRules
    ) throws(GSLError) {
        switch action {
        case .assign(let lead, _):
            if lead.allSatisfy(\.isWhitespace) {
                throw GSLError.data("交办须指定牵头部门", en: "assign needs a lead department").because(
                    .caseActionInvalid)
            }
        case .reject(let reason):
            if reason.allSatisfy(\.isWhitespace) {
                throw GSLError.data("不予受理须说明理由", en: "reject needs a reason").because(.caseActionInvalid)
            }
        case .merge(let target, let targetState):
            if target == snapshot.id {
                throw GSLError.data(
                    "诉求 \(target) 不能并入自身", en: "request \(target) cannot be merged into itself"
                ).because(.caseActionInvalid)
            }
            if !targetState.isOpen {
                throw GSLError.data(
                    "并案目标 \(target) 状态为“\(targetState.label.zh)”，只能并入在办诉求",
                    en:
                        "merge target \(target) is \(targetState.label.en); only an open request can absorb another"
                ).because(.caseActionInvalid)
            }
        case .reopen:
            guard let callback = snapshot.lastCallback, let callbackDate = snapshot.lastCallbackDate,
                callback.valid, callback.satisfaction == .unsatisfied
            else {
                throw GSLError.data(
                    "诉求 \(snapshot.id) 没有不满意的回访，不能重新办理",
                    en: "request \(snapshot.id) has no unsatisfied callback; it cannot be reopened"
                ).because(.caseReopenRefused)
            }
            let days = date.dayNumber - callbackDate.dayNumber
            if days < 0 || days > rules.reopenWindowDays {
                throw GSLError.data(
                    "不满意回访（\(callbackDate)）后 \(rules.reopenWindowDays) 天内才能重新办理，\(date) 已超出",
                    en:
                        "a reopen is allowed within \(rules.reopenWindowDays) days of the unsatisfied callback on \(callbackDate); \(date) is outside"
                ).because(.caseReopenRefused)
            }
        case .receive, .start, .pause, .resume, .answer, .evaluate, .close, .note:
            break
        }
    }
}
