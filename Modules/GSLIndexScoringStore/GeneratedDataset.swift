/// What generating and storing a synthetic dataset did.
public struct GeneratedDataset: Sendable {
    /// The dataset's name.
    public let dataset: String
    /// Values generated.
    public let values: Int
    /// Units generated.
    public let units: Int
    /// Periods generated, sorted.
    public let periods: [String]
    /// The dataset's hash after storing.
    public let hash: String
}
