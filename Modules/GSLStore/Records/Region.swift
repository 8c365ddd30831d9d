import GRDB
import GSLCore

/// An administrative division: province, city, county, town/street or village/community.
public struct Region: Sendable, Equatable, FetchableRecord {
    /// The division code (2, 4, 6, 9 or 12 digits).
    public var code: String
    /// Its name.
    public var name: String
    /// Its level.
    public var level: DivisionLevel
    /// The parent's code.
    public var parentCode: String?
    /// The statistical kind, e.g. 街道, 镇, 村委会, 居委会.
    public var kind: String?
    /// The NBS urban–rural classification code (villages).
    public var urbanRuralCode: String?

    /// A region from its parts.
    public init(
        code: String, name: String, level: DivisionLevel, parentCode: String?, kind: String?,
        urbanRuralCode: String?
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.kind = kind
        self.urbanRuralCode = urbanRuralCode
    }

    /// Decodes a row of `regions`.
    public init(row: Row) {
        code = row["code"]
        name = row["name"]
        level = DivisionLevel(rawValue: row["level"]) ?? .village
        parentCode = row["parent_code"]
        kind = row["kind"]
        urbanRuralCode = row["urban_rural_code"]
    }
}
