import GSLCore

/// The causes of casework errors, for callers and tests to match (`error.cause == .caseActionNotAllowed`).
extension GSLError.Cause {
    /// The request's state does not allow the action (the message lists what is allowed).
    public static let caseActionNotAllowed = Self("casework.action-not-allowed")
    /// An action dated before the request's latest event.
    public static let caseBackdated = Self("casework.backdated")
    /// An action's details are missing or wrong (no lead department, no reason, merge into itself,
    /// merge into a closed request).
    public static let caseActionInvalid = Self("casework.action-invalid")
    /// A reopen without an unsatisfied callback, or outside the reopen window.
    public static let caseReopenRefused = Self("casework.reopen-refused")
    /// A category, source, priority, state, satisfaction, level or answer grade that casework does not know.
    public static let caseUnknownValue = Self("casework.unknown-value")
    /// A settings value out of range (SLA deadlines, weights, taxonomy).
    public static let caseSettingsInvalid = Self("casework.settings-invalid")
    /// An information-report or proposal action its state does not allow.
    public static let infoActionNotAllowed = Self("casework.info-action-not-allowed")
}

extension GSLError.Cause {
    /// An adoption or instruction without its level.
    public static let infoLevelRequired = Self("casework.info-level-required")
    /// An adoption without the adopting body.
    public static let infoBodyRequired = Self("casework.info-body-required")
    /// An instruction without the instructing leader.
    public static let infoLeaderRequired = Self("casework.info-leader-required")
    /// A proposal assignment without the lead department.
    public static let proposalLeadRequired = Self("casework.proposal-lead-required")
}

extension GSLError.Cause {
    /// A points table that cannot be used: an unknown or missing key, an unknown or repeated level, a
    /// value that is not a finite non-negative number, text that is not JSON or the YAML shape.
    public static let infoPointsInvalid = Self("casework.info-points-invalid")
    /// No request with that number.
    public static let requestNotFound = Self("casework.request-not-found")
    /// No information report with that number.
    public static let infoNotFound = Self("casework.info-not-found")
    /// No proposal with that number.
    public static let proposalNotFound = Self("casework.proposal-not-found")
    /// No visit campaign by that name or number.
    public static let campaignNotFound = Self("casework.campaign-not-found")
    /// A visit (or visit target) that is not an enterprise: chambers and other organisations are not visited.
    public static let visitNotEnterprise = Self("casework.visit-not-enterprise")
    /// A visit dated outside its campaign's dates.
    public static let visitOutsideCampaign = Self("casework.visit-outside-campaign")
}
