import GSLCore

/// How many partners each side may have, how far apart they may be, and how many candidate
/// partners per firm and per village the sparse network starts from.
public struct PairingBounds: Sendable, Equatable, Codable {
    /// Least partners per village (every selected village gets at least this many).
    public var minPerVillage: Int
    /// Most partners per village.
    public var maxPerVillage: Int
    /// Least villages per firm (capped by its capacity).
    public var minPerFirm: Int
    /// Most villages per firm (its capacity caps it further).
    public var maxPerFirm: Int
    /// The farthest pair allowed (`.elsewhere`: any).
    public var within: DistanceLevel
    /// Candidate partners per firm and per village to start from; 0 for the full network.
    public var candidates: Int

    /// Bounds.
    public init(
        minPerVillage: Int = 1, maxPerVillage: Int = 3, minPerFirm: Int = 1, maxPerFirm: Int = 3,
        within: DistanceLevel = .elsewhere, candidates: Int = 20
    ) {
        self.minPerVillage = minPerVillage
        self.maxPerVillage = maxPerVillage
        self.minPerFirm = minPerFirm
        self.maxPerFirm = maxPerFirm
        self.within = within
        self.candidates = candidates
    }

    /// Refuses negative counts and minimums above maximums (exit 65, `pairing.bounds-invalid`).
    public func validate() throws(GSLError) {
        func refuse(_ zh: String, _ en: String) -> GSLError {
            GSLError.data(zh, en: en).because(.pairingBoundsInvalid)
        }
        guard minPerVillage >= 0, maxPerVillage >= 1, minPerFirm >= 0, maxPerFirm >= 1, candidates >= 0 else {
            throw refuse(
                "结对数量不能为负，每村、每企业上限至少为 1",
                "pairing counts must not be negative and each maximum must be at least 1")
        }
        guard minPerVillage <= maxPerVillage else {
            throw refuse(
                "每村最少结对数 \(minPerVillage) 大于最多 \(maxPerVillage)",
                "minimum partners per village \(minPerVillage) exceeds the maximum \(maxPerVillage)")
        }
        guard minPerFirm <= maxPerFirm else {
            throw refuse(
                "每企业最少结对村数 \(minPerFirm) 大于最多 \(maxPerFirm)",
                "minimum villages per firm \(minPerFirm) exceeds the maximum \(maxPerFirm)")
        }
        guard maxPerVillage <= 1_000, maxPerFirm <= 1_000 else {
            throw refuse("结对数量上限不能超过 1000", "pairing maximums must not exceed 1000")
        }
    }
}
