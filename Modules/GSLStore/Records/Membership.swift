import GRDB
import GSLCore

/// A person's or an enterprise's membership of a chamber, with role and dates.
public struct Membership: Sendable, Equatable, FetchableRecord {
    /// Row id.
    public var id: Int64
    /// The chamber.
    public var chamberID: Int64
    /// The chamber's name (joined).
    public var chamberName: String
    /// The member organisation, when an organisation is the member.
    public var memberOrgID: Int64?
    /// The member person, when a person is the member.
    public var memberPersonID: Int64?
    /// The member's name (joined).
    public var memberName: String
    /// 会长, 副会长, 理事, 会员 …
    public var role: String
    /// Start date (ISO).
    public var startDate: String?
    /// End date (ISO), nil while current.
    public var endDate: String?
    /// 备注.
    public var note: String?
    /// Optimistic-lock version.
    public var version: Int64

    /// Decodes a joined membership row.
    public init(row: Row) {
        id = row["id"]
        chamberID = row["chamber_id"]
        chamberName = row["chamber_name"]
        memberOrgID = row["member_org_id"]
        memberPersonID = row["member_person_id"]
        memberName = row["member_name"]
        role = row["role"]
        startDate = row["start_date"]
        endDate = row["end_date"]
        note = row["note"]
        version = row["version"]
    }
}
