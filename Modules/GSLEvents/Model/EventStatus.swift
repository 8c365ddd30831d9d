import GSLCore

/// Whether an event (or one of its sessions) takes place.
public enum EventStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// 已安排: it takes place.
    case scheduled
    /// 已取消.
    case cancelled

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .scheduled: Message("已安排", en: "scheduled")
        case .cancelled: Message("已取消", en: "cancelled")
        }
    }
}
