import GSLCore

/// The causes of matching errors, for callers and tests to match (`error.cause == .matchingAmountRange`).
extension GSLError.Cause {
    /// A side, kind, mode, state or feature name that matching does not know.
    public static let matchingUnknownValue = Self("matching.unknown-value")
    /// An amount range whose minimum exceeds its maximum.
    public static let matchingAmountRange = Self("matching.amount-range")
    /// A posting field that is missing or out of range (empty title, capacity below 1, bad size class).
    public static let matchingPostingInvalid = Self("matching.posting-invalid")
    /// No posting with that id or reference.
    public static let matchingPostingNotFound = Self("matching.posting-not-found")
    /// The two postings cannot be paired (same side, different kinds, a closed posting).
    public static let matchingPairInvalid = Self("matching.pair-invalid")
    /// No match proposal with that id.
    public static let matchingProposalNotFound = Self("matching.proposal-not-found")
    /// The pair has a proposal already.
    public static let matchingProposalExists = Self("matching.proposal-exists")
    /// A follow-through step its state does not allow (the message lists what is allowed).
    public static let matchingTransitionRefused = Self("matching.transition-refused")
    /// A deal without an amount or hires, a failure without a reason, a step dated before the previous one.
    public static let matchingStepInvalid = Self("matching.step-invalid")
    /// A weights profile value out of range.
    public static let matchingProfileInvalid = Self("matching.profile-invalid")
}
