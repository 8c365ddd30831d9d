import GSLCore

/// Whether a posting still takes part in recommendations and market runs.
public enum PostingState: String, Sendable, Hashable, Codable, CaseIterable, MatchingLabelled {
    /// 有效: open.
    case open
    /// 已关闭: closed (filled, withdrawn or expired).
    case closed

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .open: Message("有效", en: "open")
        case .closed: Message("已关闭", en: "closed")
        }
    }
}
