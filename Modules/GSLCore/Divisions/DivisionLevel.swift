/// The five levels of China's administrative and statistical division codes.
public enum DivisionLevel: String, Sendable, Codable, CaseIterable {
    /// 省级 (2 digits).
    case province
    /// 地级 (4 digits).
    case city
    /// 县级 (6 digits, GB/T 2260).
    case county
    /// 乡级: towns, streets and townships (9-digit NBS code).
    case town
    /// 村级: villagers' and residents' committees (12-digit NBS code).
    case village

    /// The number of digits of a code at this level in its shortest form.
    public var digitCount: Int {
        switch self {
        case .province: 2
        case .city: 4
        case .county: 6
        case .town: 9
        case .village: 12
        }
    }

    /// The level whose shortest codes have `digitCount` digits, if any.
    public init?(digitCount: Int) {
        guard let level = Self.allCases.first(where: { $0.digitCount == digitCount }) else { return nil }
        self = level
    }

    /// The Chinese name of the level.
    public var chinese: String {
        switch self {
        case .province: "省级"
        case .city: "地级"
        case .county: "县级"
        case .town: "乡级"
        case .village: "村级"
        }
    }
}
