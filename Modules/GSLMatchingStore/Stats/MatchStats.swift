import GSLCore
import GSLMatching

/// What matching achieved in a period, for one kind or all (`kind == nil`): each figure a query
/// over proposals and their log.
public struct MatchStats: Sendable, Hashable {
    /// The kind, nil for all kinds together.
    public var kind: PostingKind?
    /// Proposals made in the period.
    public var proposals: Int
    /// Introductions (对接) logged in the period.
    public var introductions: Int
    /// Deals closed in the period.
    public var deals: Int
    /// Failures logged in the period.
    public var failures: Int
    /// Sum of the deals' amounts.
    public var amount: Money
    /// Talents hired in the deals.
    public var hires: Int
    /// Deals ÷ proposals of the period (nil without proposals).
    public var conversion: Double?
    /// Distinct organisations on either side of the period's deals.
    public var firmsHelped: Int
}
