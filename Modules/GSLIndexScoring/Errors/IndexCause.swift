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

extension GSLError.Cause {
    /// An indicator code (a data row, a data column, a what-if value) that the framework does not have.
    public static let unknownIndicator = Self("index.unknown-indicator")
    /// A unit that is not among the known ones (the loaded divisions, or the run's units).
    public static let unknownUnit = Self("index.unknown-unit")
    /// A framework id@version already stored with other content; stored versions never change.
    public static let frameworkVersionChanged = Self("index.framework-version-changed")
    /// A run without the data of a stage that was not computed (imputed data of a run without imputation).
    public static let stageMissing = Self("index.stage-missing")
    /// A run that no longer recomputes from its stored inputs (data, spec or framework changed).
    public static let runNotReproducible = Self("index.run-not-reproducible")
}
