/// Everything one pipeline run produced: each stage's table, logs, weights, scores and ranks.
public struct PipelineResult: Sendable, Equatable, Codable {
    /// Framework `id@version`.
    public var frameworkReference: String
    /// Framework content hash.
    public var frameworkHash: String
    /// Hash of the data set used.
    public var dataHash: String
    /// The spec, as run.
    public var spec: PipelineSpec
    /// The period computed.
    public var period: String
    /// Indicator values as given.
    public var raw: Table
    /// After division by denominators (nil when skipped).
    public var denominated: Table?
    /// After imputation (nil when skipped).
    public var imputed: Table?
    /// After screening: only the included units (nil when skipped).
    public var screened: Table?
    /// After outlier treatment (nil when skipped).
    public var treated: Table?
    /// Normalised indicators (nil when skipped).
    public var normalised: Table?
    /// Normalised indicators plus every aggregate column, in framework order (COINr's `Aggregated`).
    public var aggregated: Table
    /// Rank of every unit on every column of `aggregated` (1 = best, ties = min; NaN when missing).
    public var ranks: Table
    /// Screening records (empty when skipped).
    public var screening: [ScreenRecord]
    /// Treatment log (empty when skipped).
    public var treatment: [TreatmentRecord]
    /// Weight of each node within its parent, after the weighting method (sums to 1 per parent).
    public var weights: [String: Double]
    /// Effective weight of each node in the root: product of weights along its path.
    public var effectiveWeights: [String: Double]
    /// Aggregation method used per aggregate node.
    public var methods: [String: AggregationMethod]

    /// The score of `unit` on `node` (an indicator's normalised value or an aggregate), or nil.
    public func score(unit: String, node: String) -> Double? { aggregated.value(unit: unit, column: node) }

    /// The rank of `unit` on `node`, or nil.
    public func rank(unit: String, node: String) -> Int? {
        ranks.value(unit: unit, column: node).map { Int($0) }
    }

    /// The indicator table fed to normalisation: the last stage before it that ran.
    public var finalIndicators: Table {
        if let treated { return treated }
        if spec.screen?.afterImpute == true, let screened { return screened }
        return imputed ?? screened ?? denominated ?? raw
    }
}
