import GSLCore

/// The causes of policy-evaluation errors, for callers and tests to match
/// (`error.cause == .policySingularDesign`).
extension GSLError.Cause {
    /// A firm × year panel with gaps where the method needs every firm in every year (the message
    /// names the firms).
    public static let policyUnbalancedPanel = Self("policy.unbalanced-panel")
    /// A design whose cross-product matrix cannot be inverted: a regressor that is constant within
    /// firms or years, no untreated comparison group, too few clusters.
    public static let policySingularDesign = Self("policy.singular-design")
    /// A treatment year outside the panel's years (or in its first year, leaving no pre-period).
    public static let policyTreatmentOutsidePanel = Self("policy.treatment-outside-panel")
    /// The propensity-score model (logit) did not converge or separates the groups perfectly.
    public static let policyLogitNotConverged = Self("policy.logit-not-converged")
    /// Alternating projections did not reach the tolerance within the iteration limit.
    public static let policyDemeaningNotConverged = Self("policy.demeaning-not-converged")
    /// Not enough data for the method: no treated firms, no controls, no pre- or post-period, no
    /// matched pair inside the caliper.
    public static let policyInsufficientData = Self("policy.insufficient-data")
    /// A method option out of range (caliper, bootstrap draws, reference year).
    public static let policyOptionInvalid = Self("policy.option-invalid")
    /// No policy estimate (run) or scorecard with that number.
    public static let policyRunNotFound = Self("policy.run-not-found")
    /// No panel variable by that name.
    public static let policyVariableNotFound = Self("policy.variable-not-found")
}

extension GSLError.Cause {
    /// No policy by that name among the recipients, no recipients at all, or several policies
    /// when none was named.
    public static let policyNotFound = Self("policy.policy-not-found")
    /// No outcomes stored for the variable asked for.
    public static let policyNoObservations = Self("policy.no-observations")
}

extension GSLError.Cause {
    /// A scorecard indicator without a value, or a value for no indicator of the framework.
    public static let policyScorecardInput = Self("policy.scorecard-input")
}
