import GSLCore

/// Which organisations a list or export shows.
public struct OrganisationFilter: Sendable, Equatable {
    /// Only this kind.
    public var kind: OrganisationKind?
    /// Only organisations in this division or beneath it.
    public var regionCode: String?
    /// Only this industry: a section letter or a code prefix (division, group or class).
    public var industry: String?
    /// Only this size class.
    public var size: EnterpriseSize?
    /// Only current members of this chamber (id).
    public var chamberID: Int64?
    /// Name contains this text.
    public var nameContains: String?

    /// A filter; nil parts do not filter.
    public init(
        kind: OrganisationKind? = nil, regionCode: String? = nil, industry: String? = nil,
        size: EnterpriseSize? = nil, chamberID: Int64? = nil, nameContains: String? = nil
    ) {
        self.kind = kind
        self.regionCode = regionCode
        self.industry = industry
        self.size = size
        self.chamberID = chamberID
        self.nameContains = nameContains
    }
}
