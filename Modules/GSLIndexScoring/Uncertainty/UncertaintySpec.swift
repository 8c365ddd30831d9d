import GSLCore

/// What varies in a Monte Carlo uncertainty or sensitivity analysis.
public struct UncertaintySpec: Sendable, Equatable, Codable {
    /// Number of Monte Carlo runs (for sensitivity: base sample size N; cost N·(k + 2)).
    public var runs: Int
    /// Random seed.
    public var seed: UInt64
    /// Relative weight noise: each weight is multiplied by 1 + noise·U(−1, 1); 0 = fixed weights.
    public var weightNoise: Double
    /// Alternative normalisations (the nominal spec's is used when empty).
    public var normalisations: [NormaliseMethod]
    /// Alternative aggregation methods, applied to every aggregate node (nominal when empty).
    public var aggregations: [AggregationMethod]
    /// Alternative imputation methods (nominal when empty).
    public var imputations: [ImputeMethod]
    /// Node whose ranks are studied (nil = root).
    public var node: String?

    /// An uncertainty specification.
    public init(
        runs: Int = 1000, seed: UInt64 = 1, weightNoise: Double = 0.25,
        normalisations: [NormaliseMethod] = [],
        aggregations: [AggregationMethod] = [], imputations: [ImputeMethod] = [], node: String? = nil
    ) {
        self.runs = runs
        self.seed = seed
        self.weightNoise = weightNoise
        self.normalisations = normalisations
        self.aggregations = aggregations
        self.imputations = imputations
        self.node = node
    }

    /// Refuses a weight noise that is not a finite share in [0, 1) (1 or more can make weights
    /// zero or negative; NaN would make every score missing) and a non-positive number of runs.
    public func validate() throws(GSLError) {
        guard weightNoise.isFinite, weightNoise >= 0, weightNoise < 1 else {
            throw GSLError.usage(
                "权重扰动幅度须为 [0, 1) 内的有限数，实际为 \(weightNoise)",
                en: "the weight noise must be a finite number in [0, 1), found \(weightNoise)"
            ).because(.weightNoiseOutOfRange)
        }
        guard runs > 0 else { throw .usage("运行次数须为正", en: "runs must be positive") }
    }
}
