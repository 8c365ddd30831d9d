import GSLCore

/// Where a request stands in its one state machine (see Docs/casework.md for the table).
public enum CaseState: String, Sendable, Hashable, Codable, CaseIterable {
    /// 草稿: recorded but not yet accepted.
    case draft
    /// 受理: accepted by the federation.
    case received
    /// 交办: handed to a lead department.
    case assigned
    /// 办理中: the department is working on it.
    case inProgress = "in_progress"
    /// 待反馈: waiting for the enterprise or a third party; the SLA clock is paused.
    case pending
    /// 已答复: the department has answered.
    case answered
    /// 已回访: the enterprise was called back.
    case evaluated
    /// 已办结.
    case closed
    /// 不予受理 (with a reason).
    case rejected
    /// 已并案: merged into another request.
    case merged

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .draft: Message("草稿", en: "draft")
        case .received: Message("受理", en: "received")
        case .assigned: Message("交办", en: "assigned")
        case .inProgress: Message("办理中", en: "in progress")
        case .pending: Message("待反馈", en: "pending")
        case .answered: Message("已答复", en: "answered")
        case .evaluated: Message("已回访", en: "evaluated")
        case .closed: Message("已办结", en: "closed")
        case .rejected: Message("不予受理", en: "rejected")
        case .merged: Message("已并案", en: "merged")
        }
    }

    /// Whether the request is still being handled (received, assigned, in progress or pending):
    /// only such requests can be merged, be a merge target, or run an SLA clock.
    public var isOpen: Bool {
        switch self {
        case .received, .assigned, .inProgress, .pending: true
        case .draft, .answered, .evaluated, .closed, .rejected, .merged: false
        }
    }

    /// Whether no action applies any more (rejected, merged).
    public var isFinal: Bool { self == .rejected || self == .merged }

    /// The state whose raw value, Chinese name or English name is `text`.
    public static func parse(_ text: String) throws(GSLError) -> CaseState {
        let key = text.lowercased()
        if let found = allCases.first(where: {
            $0.rawValue == key || $0.label.zh == text || $0.label.en == key
        }) {
            return found
        }
        throw GSLError.data(
            "未知的状态“\(text)”；可用：\(allCases.map(\.label.zh).joined(separator: "、"))",
            en: "unknown state '\(text)'; known: \(allCases.map(\.rawValue).joined(separator: ", "))"
        ).because(.caseUnknownValue)
    }
}
