/// What a village-level unit is, told by the last three digits of its NBS code.
public enum VillageKind: String, Sendable, Codable {
    /// 村民委员会: last three digits 200–399.
    case villagersCommittee
    /// 居民委员会 (社区): last three digits 001–199.
    case residentsCommittee
    /// Anything else (4xx/5xx units in development zones, farms and the like).
    case other

    /// The Chinese name: 村委会, 居委会 or 其他.
    public var chinese: String {
        switch self {
        case .villagersCommittee: "村委会"
        case .residentsCommittee: "居委会"
        case .other: "其他"
        }
    }

    /// The kind for the last three digits of a village code (a number 0–999).
    public init(lastThreeDigits number: Int) {
        switch number {
        case 1...199: self = .residentsCommittee
        case 200...399: self = .villagersCommittee
        default: self = .other
        }
    }
}
