import GSLIndexScoring

/// A stored run's grades, flagged uncertain where its stored uncertainty analysis allows.
public struct RunAssessment: Sendable {
    /// The run.
    public let run: StoredRun
    /// The grades.
    public let assessment: Assessment
    /// Unit names by code, from the run's dataset.
    public let unitNames: [String: String]
}
