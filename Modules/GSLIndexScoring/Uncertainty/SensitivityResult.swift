/// Sobol sensitivity indices of one output per uncertain input.
public struct SensitivityResult: Sendable, Equatable, Codable {
    /// Input names: `weights`, `normalisation`, `aggregation`, `imputation` (those that vary).
    public var inputs: [String]
    /// First-order indices Sᵢ (Saltelli 2010 estimator).
    public var firstOrder: [Double]
    /// Total-effect indices Sₜᵢ (Jansen estimator).
    public var total: [Double]
    /// Variance of the output over the A and B samples.
    public var variance: Double
    /// Model evaluations performed: N·(k + 2).
    public var evaluations: Int
    /// What the output is.
    public var output: String
}
