import GSLCore

/// Deadlines for one kind of request, in working days on the Chinese work calendar.
///
/// `category` and `priority` say which requests the policy covers; nil matches any. The most
/// specific match wins (see `SLAPolicySet.policy(category:priority:)`).
public struct SLAPolicy: Sendable, Hashable, Codable {
    /// The category code it covers, or nil for any category.
    public var category: String?
    /// The priority it covers, or nil for any priority.
    public var priority: CasePriority?
    /// Working days after receipt within which the first response must happen.
    public var firstResponseWorkdays: Int
    /// Working days after receipt (or reopening) within which the answer must be given.
    public var resolutionWorkdays: Int

    /// A policy; both deadlines must be at least one working day.
    public init(
        category: String? = nil, priority: CasePriority? = nil, firstResponseWorkdays: Int,
        resolutionWorkdays: Int
    ) throws(GSLError) {
        guard firstResponseWorkdays >= 1, resolutionWorkdays >= 1 else {
            throw GSLError.data("时限须至少为 1 个工作日", en: "SLA deadlines must be at least 1 working day")
        }
        guard firstResponseWorkdays <= resolutionWorkdays else {
            throw GSLError.data(
                "首次响应时限不能长于办结时限", en: "the first-response deadline cannot exceed the resolution deadline")
        }
        self.category = category
        self.priority = priority
        self.firstResponseWorkdays = firstResponseWorkdays
        self.resolutionWorkdays = resolutionWorkdays
    }

    /// Decodes a policy and checks it like `init(category:priority:firstResponseWorkdays:resolutionWorkdays:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            category: container.decodeIfPresent(String.self, forKey: .category),
            priority: container.decodeIfPresent(CasePriority.self, forKey: .priority),
            firstResponseWorkdays: container.decode(Int.self, forKey: .firstResponseWorkdays),
            resolutionWorkdays: container.decode(Int.self, forKey: .resolutionWorkdays))
    }

    /// A policy from trusted constants.
    init(_ category: String?, _ priority: CasePriority?, _ firstResponse: Int, _ resolution: Int) {
        self.category = category
        self.priority = priority
        self.firstResponseWorkdays = firstResponse
        self.resolutionWorkdays = resolution
    }

    /// How specific the policy is: 3 both set, 2 category only, 1 priority only, 0 catch-all.
    var specificity: Int { (category == nil ? 0 : 2) + (priority == nil ? 0 : 1) }
}
