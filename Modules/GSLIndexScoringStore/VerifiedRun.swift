/// A stored run and what recomputing it found.
public struct VerifiedRun: Sendable {
    /// The run.
    public let run: StoredRun
    /// Whether its inputs changed and whether it recomputes to the stored result.
    public let verification: IndexRepository.Verification
}
