/// What the stability check found: rule violations (over capacity, unacceptable pairs) and
/// blocking pairs.
public struct StabilityReport: Sendable, Equatable {
    /// Ways in which the matching is not even a valid matching.
    public let violations: [String]
    /// Pairs that block the matching.
    public let blockingPairs: [BlockingPair]

    /// True when the matching is valid and has no blocking pair.
    public var isStable: Bool { violations.isEmpty && blockingPairs.isEmpty }
}
