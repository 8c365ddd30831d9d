/// Rank lookup for one side's preference lists: `rank(owner, other)` is the position of `other`
/// in `owner`'s list, or `Int32.max` when not listed. Dense when the table is small enough,
/// otherwise sorted per-owner lists searched by bisection.
struct PreferenceRanks {
    private let others: Int
    private let dense: [Int32]
    private let start: [Int]
    private let sortedOthers: [Int32]
    private let sortedRanks: [Int32]

    init(_ lists: [[Int]], others: Int) {
        self.others = others
        let owners = lists.count
        if owners * others <= 64 << 20 {
            var table = [Int32](repeating: .max, count: owners * others)
            for (o, list) in lists.enumerated() {
                for (k, x) in list.enumerated() { table[o * others + x] = Int32(k) }
            }
            dense = table; start = []; sortedOthers = []; sortedRanks = []
        } else {
            var begin = [0]
            var keys: [Int32] = [], ranks: [Int32] = []
            for list in lists {
                let pairs = list.enumerated().map { (Int32($0.element), Int32($0.offset)) }.sorted { $0.0 < $1.0 }
                keys += pairs.map(\.0); ranks += pairs.map(\.1)
                begin.append(keys.count)
            }
            dense = []; start = begin; sortedOthers = keys; sortedRanks = ranks
        }
    }

    @inline(__always)
    func rank(_ owner: Int, _ other: Int) -> Int32 {
        if !dense.isEmpty { return dense[owner * others + other] }
        var lo = start[owner], hi = start[owner + 1]
        while lo < hi {
            let mid = (lo + hi) >> 1
            let key = Int(sortedOthers[mid])
            if key == other { return sortedRanks[mid] }
            if key < other { lo = mid + 1 } else { hi = mid }
        }
        return .max
    }
}
