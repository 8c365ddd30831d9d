import Foundation
import GSLCore

/// The cost of pairing one firm with one village, in whole points: distance in the division tree,
/// fit between the firm's industry and the village's needs, and the village's priority (weak and
/// poor villages cost less, so extra partners go to them first). Lower is better.
public struct PairingCostModel: Sendable, Equatable {
    /// Every pair costs at least this, so that no plan pairs more than its bounds require for nothing.
    public var base: Int64 = 1
    /// Distance points by level.
    public var sameTown: Int64 = 0
    /// Same county, another town.
    public var sameCounty: Int64 = 30
    /// Same city, another county.
    public var sameCity: Int64 = 80
    /// Outside the city or unknown location.
    public var elsewhere: Int64 = 150
    /// Points when the firm's industry is not among the village's needs (0 when it is, or the
    /// village names no needs).
    public var misfit: Int64 = 40
    /// Points for a village that is not weak (weak villages get 0).
    public var notWeak: Int64 = 20
    /// One point per this much collective income (fen) …
    public var incomeStepFen: Int64 = 10_000_000
    /// … up to this many points.
    public var incomeCap: Int64 = 10

    /// The standard weights (documented in Docs/pairing.md).
    public static let standard = PairingCostModel()

    /// The standard model.
    public init() {}

    /// Distance points of a level.
    public func distance(_ level: DistanceLevel) -> Int64 {
        switch level {
        case .town: sameTown
        case .county: sameCounty
        case .city: sameCity
        case .elsewhere: elsewhere
        }
    }

    /// Priority points of a village: 0 for a weak village with no income, more for richer ones.
    public func priority(_ village: PairingVillage) -> Int64 {
        let income = incomeStepFen > 0 ? min(incomeCap, max(0, village.incomeFen) / incomeStepFen) : 0
        return (village.weak ? 0 : notWeak) + income
    }

    /// Whether the firm's industry is among the village's needs (true when it names none).
    public func fits(_ firm: PairingFirm, _ village: PairingVillage) -> Bool {
        let tags = IndustryTags(village.needs)
        return tags.isEmpty || tags.matches(section: firm.industrySection, code: firm.industryCode)
    }

    /// The cost of a pair, by part.
    public func parts(_ firm: PairingFirm, _ village: PairingVillage) -> PairingCostParts {
        let level = DistanceLevel.between(firmRegion: firm.regionCode, village: village.code)
        let fit = fits(firm, village)
        return PairingCostParts(
            base: base, level: level, distance: distance(level), fits: fit, fit: fit ? 0 : misfit,
            priority: priority(village))
    }

    /// Refuses negative weights (a negative part could make a cheaper plan out of more pairs).
    public func validated() throws(GSLError) -> PairingCostModel {
        for (name, value) in [
            ("base", base), ("sameTown", sameTown), ("sameCounty", sameCounty), ("sameCity", sameCity),
            ("elsewhere", elsewhere), ("misfit", misfit), ("notWeak", notWeak), ("incomeCap", incomeCap),
            ("incomeStepFen", incomeStepFen / 1_000_000),
        ] where value < 0 || value > 1_000_000 {
            throw GSLError.data(
                "结对成本权重 \(name) 应在 0–1000000 之间：\(value)",
                en: "pairing cost weight \(name) must be within 0–1000000: \(value)"
            ).because(.pairingBoundsInvalid)
        }
        return self
    }
}

/// The parts of one pair's cost.
public struct PairingCostParts: Sendable, Equatable, Codable {
    /// The floor every pair pays.
    public let base: Int64
    /// How far apart the two are.
    public let level: DistanceLevel
    /// Distance points.
    public let distance: Int64
    /// Whether the firm's industry is among the village's needs.
    public let fits: Bool
    /// Fit points (0 when it fits).
    public let fit: Int64
    /// The village's priority points (weak and poor villages lower).
    public let priority: Int64

    /// The total.
    public var total: Int64 { base + distance + fit + priority }

    /// Parts as stored.
    public init(base: Int64, level: DistanceLevel, distance: Int64, fits: Bool, fit: Int64, priority: Int64) {
        self.base = base
        self.level = level
        self.distance = distance
        self.fits = fits
        self.fit = fit
        self.priority = priority
    }
}

/// A village's needs as sets: section letters and two-digit industry divisions.
struct IndustryTags: Sendable {
    /// Bit i set for section letter `A` + i.
    var sections: UInt32 = 0
    /// Bits for divisions 00–63 and 64–99.
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(_ tags: [String]) {
        for raw in tags {
            let tag = TextNormaliser.halfWidth(raw).trimmingCharacters(in: .whitespaces).uppercased()
            if tag.count == 1, let letter = tag.unicodeScalars.first, letter.value >= 65,
                letter.value < 65 + 26
            {
                sections |= 1 << (letter.value - 65)
            } else if tag.count >= 2, let division = Int(tag.prefix(2)) {
                if division < 64 { low |= 1 << UInt64(division) } else { high |= 1 << UInt64(division - 64) }
            }
        }
    }

    var isEmpty: Bool { sections == 0 && low == 0 && high == 0 }

    /// Whether a firm of this section / code is needed.
    func matches(section: String?, code: String?) -> Bool {
        matches(sectionIndex: Self.sectionIndex(section), division: Self.division(code))
    }

    func matches(sectionIndex: Int, division: Int) -> Bool {
        if sectionIndex >= 0, sections & (1 << UInt32(sectionIndex)) != 0 { return true }
        if division >= 0 {
            return division < 64
                ? low & (1 << UInt64(division)) != 0 : high & (1 << UInt64(division - 64)) != 0
        }
        return false
    }

    static func sectionIndex(_ section: String?) -> Int {
        guard let s = section?.uppercased().unicodeScalars.first, s.value >= 65, s.value < 65 + 26 else {
            return -1
        }
        return Int(s.value - 65)
    }

    static func division(_ code: String?) -> Int {
        guard let code, code.count >= 2, let d = Int(code.prefix(2)), d >= 0, d < 100 else { return -1 }
        return d
    }
}
