/// The `k` best of a stream of scored entries, best first, ties by the lower index: what a
/// recommendation keeps of its supplies (`SupplyScan`, indices being posting ids) and what the
/// market's candidate graph keeps of each demand's and each supply's partners.
enum BestList {
    /// Whether (`score`, `index`) would enter `best` — with a bound of a score in place of `score`,
    /// whether the entry could.
    @inline(__always)
    static func admits(_ score: Double, _ index: Int, _ best: [(score: Double, index: Int)], k: Int) -> Bool {
        guard best.count == k, let last = best.last else { return true }
        return !(score < last.score || (score == last.score && index > last.index))
    }

    /// Adds (`score`, `index`) to `best` when it is among the `k` best.
    @inline(__always)
    static func keep(_ score: Double, _ index: Int, in best: inout [(score: Double, index: Int)], k: Int) {
        guard admits(score, index, best, k: k) else { return }
        let at =
            best.firstIndex { score > $0.score || (score == $0.score && index < $0.index) } ?? best.count
        best.insert((score, index), at: at)
        if best.count > k { best.removeLast() }
    }
}
