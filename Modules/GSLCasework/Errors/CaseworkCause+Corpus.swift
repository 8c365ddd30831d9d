import GSLCore

/// Causes of refused visits, beside `CaseworkCause.swift`.
extension GSLError.Cause {
    /// A campaign name or id that matches no campaign.
    public static let campaignNotFound = Self("casework.campaign-not-found")
    /// A visit dated outside its campaign's start and end dates.
    public static let visitOutsideCampaign = Self("casework.visit-outside-campaign")
}
