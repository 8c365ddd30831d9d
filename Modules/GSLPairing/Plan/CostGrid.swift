/// The pair costs of a planning problem without a dense matrix: each side's keys (town, county,
/// city, industry, needs, priority) interned to small integers, so that a pair's cost is a few
/// comparisons. Nil marks a pair beyond the allowed distance.
struct CostGrid: Sendable {
    let rows: Int, columns: Int
    let firms: [PairingFirm], villages: [PairingVillage]
    let capacity: [Int]
    let model: PairingCostModel
    let within: DistanceLevel
    private let firmTown: [Int32], firmCounty: [Int32], firmCity: [Int32]
    private let firmSection: [Int], firmDivision: [Int]
    private let villageTown: [Int32], villageCounty: [Int32], villageCity: [Int32]
    private let villageTags: [IndustryTags]
    /// Per village: its priority points, and the same plus the misfit points.
    private let villageBase: [Int64], villageMisfit: [Int64]
    /// Whether firm i fits village j, as one bit per (i, j) block: computed once per firm class.
    private let firmClass: [Int32]
    private let fitsByClass: [[Bool]]
    /// Distance points by level rank (town, county, city, elsewhere); -1 beyond `within`.
    private let distanceByRank: (Int64, Int64, Int64, Int64)
    /// The largest cost any pair can have.
    let maxCost: Int64
    /// How many region keys (towns, counties, cities) were interned.
    private let keyCount: Int

    init(model: PairingCostModel, firms: [PairingFirm], villages: [PairingVillage], within: DistanceLevel) {
        self.model = model
        self.within = within
        self.firms = firms
        self.villages = villages
        rows = firms.count
        columns = villages.count
        capacity = firms.map(\.capacity)
        var keys: [String: Int32] = [:]
        func key(_ text: String?) -> Int32 {
            guard let text else { return -1 }
            if let k = keys[text] { return k }
            let k = Int32(keys.count)
            keys[text] = k
            return k
        }
        func prefix(_ code: String?, _ n: Int) -> String? {
            guard let code, code.count >= n else { return nil }
            return String(code.prefix(n))
        }
        firmTown = firms.map { key(prefix($0.regionCode, 9)) }
        firmCounty = firms.map { key(prefix($0.regionCode, 6)) }
        firmCity = firms.map { key(prefix($0.regionCode, 4)) }
        firmSection = firms.map { IndustryTags.sectionIndex($0.industrySection) }
        firmDivision = firms.map { IndustryTags.division($0.industryCode) }
        villageTown = villages.map { key(prefix($0.code, 9)) }
        villageCounty = villages.map { key(prefix($0.code, 6)) }
        villageCity = villages.map { key(prefix($0.code, 4)) }
        let tags = villages.map { IndustryTags($0.needs) }
        villageTags = tags
        let priority = villages.map { model.priority($0) }
        villageBase = priority.map { model.base + $0 }
        villageMisfit = priority.map { model.base + $0 + model.misfit }
        // Firms with the same section and division fit the same villages: one row of answers per class.
        var classes: [Int: Int32] = [:]
        var fits: [[Bool]] = []
        var firmClass: [Int32] = []
        firmClass.reserveCapacity(firms.count)
        for i in 0..<firms.count {
            let signature = (firmSection[i] + 1) * 128 + (firmDivision[i] + 1)
            if let c = classes[signature] {
                firmClass.append(c)
                continue
            }
            let c = Int32(fits.count)
            classes[signature] = c
            let section = firmSection[i], division = firmDivision[i]
            fits.append(tags.map { $0.isEmpty || $0.matches(sectionIndex: section, division: division) })
            firmClass.append(c)
        }
        self.firmClass = firmClass
        fitsByClass = fits
        let rank = DistanceLevel.allCases.firstIndex(of: within)!
        func allowed(_ r: Int, _ points: Int64) -> Int64 { r <= rank ? points : -1 }
        distanceByRank = (
            allowed(0, model.sameTown), allowed(1, model.sameCounty), allowed(2, model.sameCity),
            allowed(3, model.elsewhere)
        )
        keyCount = keys.count
        maxCost =
            model.base + max(model.sameTown, model.sameCounty, model.sameCity, model.elsewhere) + model.misfit
            + (priority.max() ?? 0)
    }

    /// The level of a pair.
    @inline(__always) func level(_ i: Int, _ j: Int) -> DistanceLevel {
        DistanceLevel.allCases[rank(i, j)]
    }

    /// The level's rank: 0 town, 1 county, 2 city, 3 elsewhere.
    @inline(__always) func rank(_ i: Int, _ j: Int) -> Int {
        let t = firmTown[i]
        if t >= 0, t == villageTown[j] { return 0 }
        let c = firmCounty[i]
        if c >= 0, c == villageCounty[j] { return 1 }
        let y = firmCity[i]
        if y >= 0, y == villageCity[j] { return 2 }
        return 3
    }

    /// The cost of pairing firm `i` with village `j`; nil beyond the allowed distance.
    @inline(__always) func cost(_ i: Int, _ j: Int) -> Int64? {
        let c = rawCost(i, j)
        return c < 0 ? nil : c
    }

    /// The cost of pairing firm `i` with village `j`; -1 beyond the allowed distance.
    @inline(__always) func rawCost(_ i: Int, _ j: Int) -> Int64 {
        let d: Int64
        switch rank(i, j) {
        case 0: d = distanceByRank.0
        case 1: d = distanceByRank.1
        case 2: d = distanceByRank.2
        default: d = distanceByRank.3
        }
        if d < 0 { return -1 }
        return d + (fitsByClass[Int(firmClass[i])][j] ? villageBase[j] : villageMisfit[j])
    }

    /// Adds each firm's `k` cheapest villages and each village's `k` cheapest firms (ties by index).
    func addNearest(k: Int, to grid: inout BitGrid) {
        if k >= max(rows, columns) {
            for i in 0..<rows { for j in 0..<columns where cost(i, j) != nil { grid.set(i, j) } }
            return
        }
        let buckets = Int(maxCost) + 1
        let useCounting = buckets <= 1 << 16
        var values = [Int64](repeating: -1, count: max(rows, columns))
        var histogram = [Int](repeating: 0, count: useCounting ? buckets : 0)
        // Row side, then column side: the same selection over a line of costs.
        for side in 0..<2 {
            let lines = side == 0 ? rows : columns, length = side == 0 ? columns : rows
            for line in 0..<lines {
                for x in 0..<length {
                    values[x] = side == 0 ? rawCost(line, x) : rawCost(x, line)
                }
                let chosen = Self.smallest(
                    k, values, length, histogram: &histogram, counting: useCounting)
                for x in chosen {
                    if side == 0 { grid.set(line, x) } else { grid.set(x, line) }
                }
            }
        }
    }

    /// Indices of the `k` smallest non-negative values among the first `length` (ties by index).
    static func smallest(_ k: Int, _ values: [Int64], _ length: Int, histogram: inout [Int], counting: Bool)
        -> [Int]
    {
        if counting {
            for b in 0..<histogram.count { histogram[b] = 0 }
            var allowed = 0
            for x in 0..<length where values[x] >= 0 {
                histogram[Int(values[x])] += 1
                allowed += 1
            }
            if allowed <= k { return (0..<length).filter { values[$0] >= 0 } }
            var threshold = 0, below = 0
            while below + histogram[threshold] < k {
                below += histogram[threshold]
                threshold += 1
            }
            var atThreshold = k - below
            var out: [Int] = []
            out.reserveCapacity(k)
            for x in 0..<length where values[x] >= 0 {
                if values[x] < threshold {
                    out.append(x)
                } else if values[x] == Int64(threshold), atThreshold > 0 {
                    out.append(x)
                    atThreshold -= 1
                }
            }
            return out
        }
        let allowed = (0..<length).filter { values[$0] >= 0 }
        return Array(allowed.sorted { (values[$0], $0) < (values[$1], $1) }.prefix(k))
    }

    /// Adds every allowed pair not yet in `grid` whose reduced cost under `potentials` is negative;
    /// returns how many were added (0 proves the candidate optimum optimal for all pairs). Also
    /// folds into `best`, per village, the pair left out of least reduced cost (then cost, then
    /// firm), for the next-best partner.
    ///
    /// A village's firms are taken level by level (its town's, its county's, its city's, all) in
    /// order of potential; every pair at a level costs at least that level's distance points plus
    /// the village's base, so each scan stops at the first firm whose lower bound on the reduced
    /// cost is non-negative (or, for the next best, above the best found): most pairs are never
    /// priced.
    func addViolating(
        potentials: [Int64], to grid: inout BitGrid, best: inout [(firm: Int, reduced: Int64, cost: Int64)?]
    ) -> Int {
        var added = 0
        let order = (0..<rows).sorted { (potentials[2 + $0], $0) < (potentials[2 + $1], $1) }
        var byTown = [[Int32]](repeating: [], count: keyCount)
        var byCounty = byTown, byCity = byTown
        for i in order {
            if firmTown[i] >= 0 { byTown[Int(firmTown[i])].append(Int32(i)) }
            if firmCounty[i] >= 0 { byCounty[Int(firmCounty[i])].append(Int32(i)) }
            if firmCity[i] >= 0 { byCity[Int(firmCity[i])].append(Int32(i)) }
        }
        let all = order.map { Int32($0) }
        let distances = [distanceByRank.0, distanceByRank.1, distanceByRank.2, distanceByRank.3]
        for j in 0..<columns {
            let pv = potentials[2 + rows + j]
            var bestHere = best[j]
            for r in 0..<4 where distances[r] >= 0 {
                let key = r == 0 ? villageTown[j] : r == 1 ? villageCounty[j] : r == 2 ? villageCity[j] : 0
                if key < 0 { continue }
                let list =
                    r == 0 ? byTown[Int(key)] : r == 1 ? byCounty[Int(key)] : r == 2 ? byCity[Int(key)] : all
                let floor = distances[r] + villageBase[j]
                for x in list {
                    let i = Int(x)
                    let pf = potentials[2 + i]
                    let bound = floor + pf - pv
                    if bound >= 0 {
                        // No violation from here on; the next best only matters while none was found.
                        guard added == 0 else { break }
                        if let b = bestHere, bound > b.reduced { break }
                    }
                    // Firms nearer than this level were priced at their own level.
                    if rank(i, j) != r || grid.contains(i, j) { continue }
                    let c = rawCost(i, j)
                    if c < 0 { continue }
                    let reduced = c + pf - pv
                    if reduced < 0 {
                        grid.set(i, j)
                        added += 1
                    } else if added == 0 {
                        if let b = bestHere, (b.reduced, b.cost, b.firm) <= (reduced, c, i) { continue }
                        bestHere = (i, reduced, c)
                    }
                }
            }
            best[j] = bestHere
        }
        return added
    }
}

/// A rows × columns set of pairs as bits.
struct BitGrid: Sendable {
    let rows: Int, columns: Int
    private var words: [UInt64]
    private let stride: Int
    /// Pairs set.
    private(set) var count = 0

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        stride = (columns + 63) / 64
        words = [UInt64](repeating: 0, count: rows * stride)
    }

    @inline(__always) func contains(_ i: Int, _ j: Int) -> Bool {
        words[i * stride + j >> 6] & (1 << UInt64(j & 63)) != 0
    }

    @inline(__always) mutating func set(_ i: Int, _ j: Int) {
        let w = i * stride + j >> 6, bit: UInt64 = 1 << UInt64(j & 63)
        if words[w] & bit == 0 {
            words[w] |= bit
            count += 1
        }
    }

    /// Calls `body` with each column set in row `i`, in order.
    func forEach(row i: Int, _ body: (Int) -> Void) {
        for w in 0..<stride {
            var word = words[i * stride + w]
            while word != 0 {
                let bit = word.trailingZeroBitCount
                body(w << 6 + bit)
                word &= word - 1
            }
        }
    }
}
