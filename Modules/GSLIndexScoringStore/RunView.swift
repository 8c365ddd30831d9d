import GSLIndexScoring

/// A stored run with the names of its dataset's units: what a ranking shows.
public struct RunView: Sendable {
    /// The run.
    public let run: StoredRun
    /// Unit names by code, from the run's dataset as stored now.
    public let unitNames: [String: String]
}
