/// How far a firm is from a village in the division tree.
public enum DistanceLevel: String, Sendable, CaseIterable, Codable, Comparable {
    /// Same town or street (乡镇街道).
    case town
    /// Same county (区县市), another town.
    case county
    /// Same city, another county.
    case city
    /// Outside the city, or the firm's location is unknown.
    case elsewhere

    /// The level of a firm at `firmRegion` (any level) for a village `villageCode`.
    public static func between(firmRegion: String?, village villageCode: String) -> DistanceLevel {
        guard let region = firmRegion else { return .elsewhere }
        if region.count >= 9, region.prefix(9) == villageCode.prefix(9) { return .town }
        if region.count >= 6, region.prefix(6) == villageCode.prefix(6) { return .county }
        if region.count >= 4, region.prefix(4) == villageCode.prefix(4) { return .city }
        return .elsewhere
    }

    /// Chinese label.
    public var chinese: String {
        switch self {
        case .town: "同乡镇"
        case .county: "同区县"
        case .city: "同市"
        case .elsewhere: "市外或未知"
        }
    }

    /// Nearer levels order first.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
