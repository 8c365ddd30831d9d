/// Configurable workflow limits.
public struct WorkflowRules: Sendable, Hashable, Codable {
    /// How many calendar days after an unsatisfied callback a closed request may be reopened
    /// (default 30; the callback day is day 0, so day 30 is the last allowed day).
    public var reopenWindowDays: Int

    /// Rules with the given reopen window.
    public init(reopenWindowDays: Int = 30) {
        self.reopenWindowDays = reopenWindowDays
    }

    /// The default rules.
    public static let standard = WorkflowRules()
}
