import GSLCore

/// Seeded choices for the generator: the same seed gives the same year.
struct Dice {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// An integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { rng.uniform() < p }

    /// One of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// `k` distinct indices of `0..<n` (all of them, shuffled, when k ≥ n).
    mutating func sample(_ k: Int, of n: Int) -> [Int] {
        var all = Array(0..<n)
        let k = min(k, n)
        for i in 0..<k {
            let j = i + Int(rng.next() % UInt64(n - i))
            all.swapAt(i, j)
        }
        return Array(all.prefix(k))
    }

    /// A weekday (Monday–Friday) between `from` and `to`.
    mutating func workday(_ from: LocalDate, _ to: LocalDate) -> LocalDate {
        var d = from.adding(days: int(0...max(0, to.dayNumber - from.dayNumber)))
        while d.weekday > 5 { d = d.adding(days: d.weekday == 6 ? -1 : 1) }
        if d < from { d = from }
        return d
    }

    /// `total` split into `n` positive parts of skewed sizes, in whole units of `unit` except the
    /// last part, which takes the remainder: the parts add up to `total` exactly.
    mutating func split(_ total: Int64, into n: Int, unit: Int64) -> [Int64] {
        guard n > 0 else { return [] }
        if n == 1 { return [total] }
        let weights = (0..<n).map { _ -> Double in
            let u = rng.uniform()
            return 0.2 + u * u * u * 4
        }
        let sum = weights.reduce(0, +)
        var parts = weights.map { w -> Int64 in
            let share = Double(total) * w / sum
            return max(unit, Int64(share / Double(unit)) * unit)
        }
        let used = parts.dropLast().reduce(0, +)
        parts[n - 1] = total - used
        if parts[n - 1] <= 0 {
            // Rounding took too much: fall back to equal parts.
            let each = total / Int64(n)
            parts = Array(repeating: each, count: n)
            parts[n - 1] = total - each * Int64(n - 1)
        }
        return parts
    }

    /// `total` split into `n` non-negative integer parts around the mean.
    mutating func spread(_ total: Int, into n: Int) -> [Int] {
        guard n > 0 else { return [] }
        let base = total / n
        let jitter = max(0, base * 3 / 10)
        var parts = (0..<(n - 1)).map { _ in base + int(-jitter...jitter) }
        parts.append(total - parts.reduce(0, +))
        if parts[n - 1] < 0 {
            parts = Array(repeating: base, count: n)
            parts[n - 1] = total - base * (n - 1)
        }
        return parts
    }
}
