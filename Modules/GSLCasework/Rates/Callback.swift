import GSLCore

/// The result of calling an enterprise back after its request was answered (回访).
public struct Callback: Sendable, Hashable, Codable {
    /// Whether the handler contacted the enterprise while handling the request (响应).
    public var contacted: Bool
    /// Whether the enterprise says its request was solved (解决).
    public var solved: Bool
    /// How satisfied the enterprise is; nil when it gave no rating.
    public var satisfaction: Satisfaction?
    /// Whether the callback counts: false when the enterprise could not be reached or the
    /// callback was ruled invalid (wrong number, not the requester …). Invalid callbacks are left
    /// out of every rate.
    public var valid: Bool

    /// A callback result.
    public init(contacted: Bool, solved: Bool, satisfaction: Satisfaction?, valid: Bool = true) {
        self.contacted = contacted
        self.solved = solved
        self.satisfaction = satisfaction
        self.valid = valid
    }
}
