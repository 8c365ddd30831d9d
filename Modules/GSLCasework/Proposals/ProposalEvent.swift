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
        let extra = detail.map { "：\($0)" } ?? ""
        return Message("\(date) \(zh)\(extra)（\(actor)）", en: "\(date) \(en)\(extra) (\(actor))")
    }
}
