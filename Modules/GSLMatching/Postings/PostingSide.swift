import GSLCore

/// Which side of the market a posting is on.
public enum PostingSide: String, Sendable, Hashable, Codable, CaseIterable, MatchingLabelled {
    /// 需求: a firm looking for a product, service, project partner, credit, talent or training.
    case demand
    /// 供给: a firm, bank or school offering it.
    case supply

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .demand: Message("需求", en: "demand")
        case .supply: Message("供给", en: "supply")
        }
    }
}
