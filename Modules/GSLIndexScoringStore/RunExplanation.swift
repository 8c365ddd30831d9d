import GSLIndexScoring

/// One unit's score in a stored run explained.
public struct RunExplanation: Sendable {
    /// The run.
    public let run: StoredRun
    /// Its framework, parsed (for the indicators' names).
    public let framework: Framework
    /// Contributions, strengths, weaknesses and missing indicators.
    public let explanation: Explanation
}
