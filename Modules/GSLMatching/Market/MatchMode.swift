import GSLCore

/// How a whole-market run pairs demands with supplies.
public enum MatchMode: String, Sendable, Hashable, Codable, CaseIterable, MatchingLabelled {
    /// One-to-one assignment with the largest total score (LinearAssignment).
    case assignment
    /// Demand-optimal stable matching with the supplies' capacities (deferred acceptance).
    case stable
    /// Largest total score with the supplies' capacities (min-cost flow).
    case capacity

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .assignment: Message("最优指派", en: "assignment")
        case .stable: Message("稳定匹配", en: "stable")
        case .capacity: Message("容量流", en: "capacity")
        }
    }
}
