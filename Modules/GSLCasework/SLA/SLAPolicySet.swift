import GSLCore

/// The configured SLA policies; one is chosen per request by category and priority.
public struct SLAPolicySet: Sendable, Hashable, Codable {
    /// The policies, in any order.
    public var policies: [SLAPolicy]

    /// A set of policies.
    public init(policies: [SLAPolicy]) {
        self.policies = policies
    }

    /// Used when no policy matches: 2 working days to respond, 10 to answer.
    public static let fallback = SLAPolicy(nil, nil, 2, 10)

    /// The default policies (working days, first response / resolution):
    /// any category — 特急 1/3, 紧急 1/5, 一般 2/10, 较缓 3/15;
    /// 审批服务 一般 1/5; 政策兑现 一般 2/15; 拖欠账款 一般 2/15.
    public static let standard = SLAPolicySet(policies: [
        SLAPolicy(nil, .urgent, 1, 3),
        SLAPolicy(nil, .high, 1, 5),
        SLAPolicy(nil, .normal, 2, 10),
        SLAPolicy(nil, .low, 3, 15),
        SLAPolicy("approval", .normal, 1, 5),
        SLAPolicy("policy", .normal, 2, 15),
        SLAPolicy("arrears", .normal, 2, 15),
    ])

    /// The policy for a request: category and priority both matching beats category only, which
    /// beats priority only, which beats a catch-all; the first listed wins a tie; `fallback` when
    /// nothing matches.
    public func policy(category: String, priority: CasePriority) -> SLAPolicy {
        var best: SLAPolicy?
        for policy in policies {
            if let wanted = policy.category, wanted != category { continue }
            if let wanted = policy.priority, wanted != priority { continue }
            if best == nil || policy.specificity > best!.specificity { best = policy }
        }
        return best ?? Self.fallback
    }
}
