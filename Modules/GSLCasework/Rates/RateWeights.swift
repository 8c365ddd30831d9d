/// The weights of the composite service score and the credit a 基本满意 answer earns.
public struct RateWeights: Sendable, Hashable, Codable {
    /// Weight of the response rate (default 0.1).
    public var response: Double
    /// Weight of the resolution rate (default 0.5).
    public var resolution: Double
    /// Weight of the satisfaction rate (default 0.4).
    public var satisfaction: Double
    /// How much one 基本满意 counts in the satisfaction rate (default 0.9; 满意 counts 1, 不满意 0).
    public var basicallySatisfiedCredit: Double

    /// Weights; the three rate weights are used as given (they need not sum to 1).
    public init(
        response: Double = 0.1, resolution: Double = 0.5, satisfaction: Double = 0.4,
        basicallySatisfiedCredit: Double = 0.9
    ) {
        self.response = response
        self.resolution = resolution
        self.satisfaction = satisfaction
        self.basicallySatisfiedCredit = basicallySatisfiedCredit
    }

    /// 0.1 / 0.5 / 0.4 with 基本满意 counted 0.9.
    public static let standard = RateWeights()
}
