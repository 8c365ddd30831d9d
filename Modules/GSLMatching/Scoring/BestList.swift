/// The `k` best of a stream of scored entries, best first, ties by the lower index: what a
/// recommendation keeps of its supplies (`SupplyScan`, indices being posting ids) and what the
/// market's candidate graph keeps of each demand's and each supply's partners.
enum BestList {
    /// Adds (`score`, `index`) to `best` when it is among the `k` best.
    @inline(__always)
    static func keep(_ score: Double, _ index: Int, in best: inout [(score: Double, index: Int)], k: Int) {
        if best.count == k, let last = best.last,
            score < last.score || (score == last.score && index > last.index)
        {
            return
        }
        let at =
            best.firstIndex { score > $0.score || (score == $0.score && index < $0.index) } ?? best.count
        best.insert((score, index), at: at)
        if best.count > k { best.removeLast() }
    }
}
