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
    /// A framework that cannot be used: a cycle, a missing parent, an empty or repeated node code, a
    /// negative or invalid weight, children whose weights are all zero, not exactly one root, an
    /// indicator with children or an aggregate without, an indicator defined inconsistently.
    public static let frameworkInvalid = Self("index.framework-invalid")
    /// A geometric, harmonic or low-power mean over a value that is zero or negative.
    public static let aggregationNeedsPositive = Self("index.aggregation-needs-positive")
}

extension GSLError.Cause {
    /// An AHP comparison matrix that cannot be used: missing, not square, of the wrong order, with an
    /// entry that is not positive, or not reciprocal.
    public static let ahpMatrixInvalid = Self("index.ahp-matrix-invalid")
    /// An indicator without a single value in the period (or after screening).
    public static let indicatorHasNoValues = Self("index.indicator-no-values")
    /// An indicator whose values are all equal, which min-max and z-score cannot normalise.
    public static let zeroVariance = Self("index.zero-variance")
    /// Data naming an indicator that the framework does not have.
    public static let unknownIndicator = Self("index.unknown-indicator")
    /// Data naming a unit outside the units allowed.
    public static let unknownUnit = Self("index.unknown-unit")
    /// A trend without a run to copy and without a framework named.
    public static let trendNeedsFramework = Self("index.trend-needs-framework")
    /// A data set with no values stored.
    public static let datasetEmpty = Self("index.dataset-empty")
    /// A framework id@version already stored with other content; stored versions never change.
    public static let frameworkVersionChanged = Self("index.framework-version-changed")
    /// A run without the data of a stage that was not computed (imputed data of a run without imputation).
    public static let stageMissing = Self("index.stage-missing")
    /// A run that no longer recomputes from its stored inputs (data, spec or framework changed).
    public static let runNotReproducible = Self("index.run-not-reproducible")
}

/// Causes of refused frameworks and runs, beside `IndexCause.swift`.
extension GSLError.Cause {
    /// A framework reference that matches no stored framework.
    public static let frameworkNotFound = Self("index.framework-not-found")
    /// A period asked for that the data set does not have.
    public static let periodWithoutData = Self("index.period-without-data")
}
