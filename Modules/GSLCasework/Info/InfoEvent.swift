import GSLCore

/// One event of an information report: its submission, an adoption or a leader's instruction.
public struct InfoEvent: Sendable, Hashable, Codable {
    /// The report.
    public var reportID: Int64
    /// What happened.
    public var kind: InfoEventKind
    /// The level (adoption and instruction only).
    public var level: InfoLevel?
    /// The adopting body or the instructing leader.
    public var body: String?
    /// The day it happened.
    public var date: LocalDate
    /// Who recorded it.
    public var actor: String

    /// An event.
    public init(
        reportID: Int64, kind: InfoEventKind, level: InfoLevel? = nil, body: String? = nil, date: LocalDate,
        actor: String = ""
    ) {
        self.reportID = reportID
        self.kind = kind
        self.level = level
        self.body = body
        self.date = date
        self.actor = actor
    }

    /// One line for a timeline.
    public var summary: Message {
        switch kind {
        case .submit:
            return Message("\(date.iso) 报送", en: "\(date.iso) submitted")
        case .adopt, .instruct:
            let l = level?.label ?? Message("", en: "")
            let who = body ?? ""
            return kind == .adopt
                ? Message(
                    "\(date.iso) \(l.zh)采用：\(who)", en: "\(date.iso) adopted at \(l.en) level by \(who)")
                : Message(
                    "\(date.iso) \(l.zh)领导批示：\(who)", en: "\(date.iso) \(l.en) leader's instruction: \(who)")
        }
    }
}
