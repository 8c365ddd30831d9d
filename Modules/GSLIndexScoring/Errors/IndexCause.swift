import GSLCore

/// The causes of index-scoring errors, for callers and tests to match.
extension GSLError.Cause {
    /// AHP pairwise comparisons with a consistency ratio of 0.1 or more (accepted only when forced).
    public static let ahpInconsistent = Self("index.ahp-inconsistent")
}

extension GSLError.Cause {
    /// A weight noise for uncertainty runs outside [0, 1) or not finite.
    public static let weightNoiseOutOfRange = Self("index.weight-noise-out-of-range")
}

extension GSLError.Cause {
    /// A framework that cannot be used: a cycle, a negative or invalid weight.
    public static let frameworkInvalid = Self("index.framework-invalid")
    /// A geometric, harmonic or low-power mean over a value that is zero or negative.
    public static let aggregationNeedsPositive = Self("index.aggregation-needs-positive")
}
