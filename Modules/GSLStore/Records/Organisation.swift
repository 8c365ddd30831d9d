import GRDB
import GSLCore

/// An organisation as stored: an enterprise, a chamber, a federation, a village, a department, a
/// bank or a school.
public struct Organisation: Sendable, Equatable, FetchableRecord {
    /// Row id.
    public var id: Int64
    /// What kind of organisation.
    public var kind: OrganisationKind
    /// Registered name.
    public var name: String
    /// Unified Social Credit Code (enterprises; optional for others).
    public var uscc: String?
    /// Division code where it is registered (county, town or village).
    public var regionCode: String?
    /// GB/T 4754-2017 code (any level).
    public var industryCode: String?
    /// GB/T 4754-2017 section letter, derived from `industryCode`.
    public var industrySection: String?
    /// 大/中/小/微.
    public var size: EnterpriseSize?
    /// 从业人员.
    public var employees: Int?
    /// 营业收入.
    public var revenue: Money?
    /// 资产总额.
    public var assets: Money?
    /// Chamber type (chambers only).
    public var chamberType: ChamberType?
    /// Parent organisation (a chamber's supervising federation or chamber).
    public var parentID: Int64?
    /// 成立日期.
    public var established: String?
    /// 地址.
    public var address: String?
    /// 电话 (personal data: masked in lists unless asked).
    public var phone: String?
    /// 法定代表人.
    public var legalRep: String?
    /// 备注.
    public var note: String?
    /// Optimistic-lock version, +1 on every edit.
    public var version: Int64
    /// Created instant.
    public var createdAt: String
    /// Last change instant.
    public var updatedAt: String

    /// Decodes a row of `organisations`.
    public init(row: Row) {
        id = row["id"]
        kind = OrganisationKind(rawValue: row["kind"]) ?? .enterprise
        name = row["name"]
        uscc = row["uscc"]
        regionCode = row["region_code"]
        industryCode = row["industry_code"]
        industrySection = row["industry_section"]
        size = (row["size"] as String?).flatMap(EnterpriseSize.init(rawValue:))
        employees = row["employees"]
        revenue = (row["revenue_fen"] as Int64?).map(Money.init(fen:))
        assets = (row["assets_fen"] as Int64?).map(Money.init(fen:))
        chamberType = (row["chamber_type"] as String?).flatMap(ChamberType.init(rawValue:))
        parentID = row["parent_id"]
        established = row["established"]
        address = row["address"]
        phone = row["phone"]
        legalRep = row["legal_rep"]
        note = row["note"]
        version = row["version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }
}
