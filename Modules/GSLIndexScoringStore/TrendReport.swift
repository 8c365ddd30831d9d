/// Where a trend takes its framework version, dataset and spec from.
public enum TrendBasis: Sendable, Equatable {
    /// The latest stored run's.
    case latestRun
    /// This stored run's.
    case run(Int64)
    /// This framework (`code@version`, `code` or row id), with the dataset and spec given.
    case framework(String)
}

/// Scores and ranks of units over every period of a dataset, each period's from a stored run with
/// the same framework version, dataset and spec (only the period differs) on unchanged data.
public struct TrendReport: Sendable {
    /// One unit in one period.
    public struct Row: Sendable {
        /// The period.
        public let period: String
        /// The unit's code.
        public let unit: String
        /// The unit's name, when the dataset has one.
        public let name: String?
        /// The run the score comes from.
        public let run: Int64
        /// The unit's index score (nil when missing).
        public let score: Double?
        /// The unit's rank on the index (nil when missing).
        public let rank: Int?
    }

    /// The framework version, `code@version`.
    public let framework: String
    /// The dataset.
    public let dataset: String
    /// The hash of the spec with its period left out (the same for every row).
    public let specHash: String
    /// Rows by period (sorted), then by unit in the order asked.
    public let rows: [Row]
    /// Runs computed and stored because no stored run fitted, by period.
    public let computed: [(period: String, run: Int64)]
}
