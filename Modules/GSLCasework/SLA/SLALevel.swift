import GSLCore

/// How urgent a running SLA clock is, in rising order (see `SLAClock` for the exact rules).
public enum SLALevel: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Within the first share of the time (below 75 % by default).
    case none = 0
    /// 预警: at least the warning share of the time used, due date not yet reached.
    case warning = 1
    /// L1 提醒: the due day (all working days used, not yet overdue).
    case l1 = 2
    /// L2 催办: overdue by at least one working day.
    case l2 = 3
    /// L3 通报: overdue by at least five working days (configurable).
    case l3 = 4

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .none: Message("正常", en: "on track")
        case .warning: Message("预警", en: "warning")
        case .l1: Message("L1 提醒", en: "L1 warn")
        case .l2: Message("L2 催办", en: "L2 urge")
        case .l3: Message("L3 通报", en: "L3 notify")
        }
    }

    /// Lower levels sort first.
    public static func < (lhs: SLALevel, rhs: SLALevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether this level is recorded as an escalation (L1, L2, L3).
    public var isEscalation: Bool { self >= .l1 }
}

extension SLALevel {
    /// A stable text name for storage: `none`, `warning`, `l1`, `l2`, `l3`.
    public var name: String {
        switch self {
        case .none: "none"
        case .warning: "warning"
        case .l1: "l1"
        case .l2: "l2"
        case .l3: "l3"
        }
    }

    /// The level with a stored name.
    public static func named(_ text: String) -> SLALevel? {
        [SLALevel.none, .warning, .l1, .l2, .l3].first { $0.name == text }
    }
}
