import GSLCore

/// The causes of pairing errors, for callers and tests to match (`error.cause == .pairingFirmNoCapacity`).
extension GSLError.Cause {
    /// A firm chosen for a plan has no capacity (0 villages).
    public static let pairingFirmNoCapacity = Self("pairing.firm-no-capacity")
    /// Plan bounds out of order or negative (minimum above maximum, negative counts).
    public static let pairingBoundsInvalid = Self("pairing.bounds-invalid")
    /// A plan without firms or without villages.
    public static let pairingEmptySelection = Self("pairing.empty-selection")
    /// A division that is not a 村委会 where a village is required (a 居委会, a town, a county).
    public static let pairingNotVillage = Self("pairing.not-village")
    /// No plan can give every village its minimum number of partners within the firms' capacities.
    public static let pairingInfeasible = Self("pairing.infeasible")
    /// No stored plan with that number.
    public static let pairingPlanNotFound = Self("pairing.plan-not-found")
    /// A plan that was already applied.
    public static let pairingPlanApplied = Self("pairing.plan-applied")
    /// A village that has no profile (income, weak flag …) in the pairing tables.
    public static let pairingVillageNotProfiled = Self("pairing.village-not-profiled")
    /// A village that is not part of the plan being explained.
    public static let pairingVillageNotInPlan = Self("pairing.village-not-in-plan")
    /// No pairing campaign by that name or number.
    public static let pairingCampaignNotFound = Self("pairing.campaign-not-found")
    /// An amount, count or date that cannot be right (negative, zero investment, end before start).
    public static let pairingValueInvalid = Self("pairing.value-invalid")
    /// The firm and village are already paired (an active pairing exists).
    public static let pairingExists = Self("pairing.exists")
    /// No active pairing of that firm and village (or with that number).
    public static let pairingNotFound = Self("pairing.not-found")
}
