import GSLCore

/// One entry of a proposal's timeline.
public struct ProposalEvent: Sendable, Hashable {
    /// `file` for the filing, else a `ProposalActionKind` raw value.
    public var action: String
    /// State before.
    public var from: ProposalState?
    /// State after.
    public var to: ProposalState
    /// What the action carried (departments, grade, evaluation, adopting body).
    public var detail: String?
    /// The day.
    public var date: String
    /// Who acted.
    public var actor: String
    /// Note.
    public var note: String?

    /// One line for a timeline.
    public var summary: Message {
        let kind = ProposalActionKind(rawValue: action)
        let zh = kind?.label.zh ?? "立案"
        let en = kind?.label.en ?? "filed"
        let shown = localisedDetail(kind)
        let zhExtra = shown.map { "：\($0.zh)" } ?? ""
        let enExtra = shown.map { ": \($0.en)" } ?? ""
        return Message("\(date) \(zh)\(zhExtra)（\(actor)）", en: "\(date) \(en)\(enExtra) (\(actor))")
    }

    /// The detail with stored codes (satisfaction, level) shown as names.
    func localisedDetail(_ kind: ProposalActionKind?) -> Message? {
        guard let detail else { return nil }
        switch kind {
        case .evaluate:
            return Satisfaction(rawValue: detail)?.label ?? Message(detail, en: detail)
        case .assign:
            // Stored as 主办；协办：甲、乙 (see ProposalAction.detail).
            let parts = detail.components(separatedBy: "；协办：")
            if parts.count == 2 {
                return Message(
                    detail,
                    en: "\(parts[0]); assisting: "
                        + parts[1].components(separatedBy: "、").joined(separator: ", "))
            }
            return Message(detail, en: detail)
        case .adopt:
            let parts = detail.split(separator: "：", maxSplits: 1).map(String.init)
            if parts.count == 2, let level = InfoLevel(rawValue: parts[0]) {
                return Message("\(level.label.zh)·\(parts[1])", en: "\(level.label.en), \(parts[1])")
            }
            return Message(detail, en: detail)
        default:
            return Message(detail, en: detail)
        }
    }

    /// Makes one from its parts.
    public init(
        action: String,
        from: ProposalState? = nil,
        to: ProposalState,
        detail: String? = nil,
        date: String,
        actor: String,
        note: String? = nil
    ) {
        self.action = action
        self.from = from
        self.to = to
        self.detail = detail
        self.date = date
        self.actor = actor
        self.note = note
    }
}
