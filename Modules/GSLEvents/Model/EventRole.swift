import GSLCore

/// A person's part in running an event (who may not be in two places at once).
public enum EventRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// 主讲: a speaker.
    case speaker
    /// 领导: a leader attending officially.
    case leader
    /// 工作人员: staff.
    case staff

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .speaker: Message("主讲", en: "speaker")
        case .leader: Message("领导", en: "leader")
        case .staff: Message("工作人员", en: "staff")
        }
    }
}
