import GSLCore
import Testing

@Suite struct ParallelTests {
    /// Slices cover `0..<count` once, in order, none empty, and there are no more of them than asked.
    @Test(arguments: [(0, 3), (1, 4), (5, 5), (7, 3), (100_000, 2), (13, 64), (10, 1)])
    func slicesCoverTheRangeOnce(count: Int, parts: Int) {
        let slices = Parallel.slices(count, parts: parts)
        #expect(slices.count == max(1, min(parts, count)))
        #expect(slices.first?.lowerBound == 0 && slices.last?.upperBound == count)
        #expect(zip(slices, slices.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(count == 0 || slices.allSatisfy { !$0.isEmpty })
        #expect(slices.map(\.count).max()! - slices.map(\.count).min()! <= 1)
    }

    @Test func mapKeepsThePartsOrder() {
        #expect(Parallel.map(9) { $0 * $0 } == (0..<9).map { $0 * $0 })
        #expect(Parallel.map(1) { "\($0)" } == ["0"])
        #expect(Parallel.cores(limit: 3) >= 1 && Parallel.cores(limit: 3) <= 3)
    }
}
