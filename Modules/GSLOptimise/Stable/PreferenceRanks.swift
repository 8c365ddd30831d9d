/// Rank lookup for one side's preference lists: `rank(owner, other)` is the position of `other`
/// in `owner`'s list, or `Int32.max` when not listed. Dense when the table is small enough,
/// otherwise sorted per-owner lists searched by bisection. Building it validates the lists.
struct PreferenceRanks: Sendable {
    /// Why a list was refused: its owner, the position in the list, the entry, and whether it repeats.
    struct Failure: Error {
        let owner: Int, position: Int, entry: Int, repeated: Bool
    }

    private let others: Int
    private let dense: [Int32]
    private let start: [Int]
    private let sortedOthers: [Int32]
    private let sortedRanks: [Int32]

    init(_ lists: [[Int]], others: Int) throws(Failure) {
        self.others = others
        let owners = lists.count
        var failure: Failure? = nil
        if owners * others <= 64 << 20 {
            var table = [Int32](repeating: .max, count: owners * others)
            table.withUnsafeMutableBufferPointer { t in
                for o in 0..<owners where failure == nil {
                    let row = t.baseAddress! + o * others
                    lists[o].withUnsafeBufferPointer { list in
                        for k in 0..<list.count {
                            let x = list[k]
                            guard x >= 0 && x < others else {
                                failure = Failure(owner: o, position: k, entry: x, repeated: false); return
                            }
                            guard row[x] == .max else {
                                failure = Failure(owner: o, position: k, entry: x, repeated: true); return
                            }
                            row[x] = Int32(k)
                        }
                    }
                }
            }
            if let failure { throw failure }
            dense = table; start = []; sortedOthers = []; sortedRanks = []
        } else {
            var begin = [0]
            var keys: [Int32] = [], ranks: [Int32] = []
            for (o, list) in lists.enumerated() {
                if let k = list.firstIndex(where: { $0 < 0 || $0 >= others }) {
                    throw Failure(owner: o, position: k, entry: list[k], repeated: false)
                }
                let pairs = list.enumerated().map { (Int32($0.element), Int32($0.offset)) }.sorted {
                    $0.0 < $1.0
                }
                for i in pairs.indices.dropFirst() where pairs[i].0 == pairs[i - 1].0 {
                    throw Failure(owner: o, position: Int(pairs[i].1), entry: Int(pairs[i].0), repeated: true)
                }
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
