/// How an indicator is put on a common scale (direction −1 indicators are reversed first).
public enum NormaliseMethod: String, Sendable, Codable, CaseIterable {
    /// (x − min)/(max − min)·(high − low) + low.
    case minMax
    /// (x − mean)/sd·sd' + mean'.
    case zScore
    /// (x − gmin)/(gmax − gmin)·high, truncated to [0, high] when `truncate`.
    case goalposts
    /// 功效系数: (x − 不允许值)/(满意值 − 不允许值)·40 + 60.
    case efficacy
    /// (x − min)/(target − min), capped at 1.
    case distanceToTarget
    /// (x − min)/(max − min) on 0–1.
    case distanceToMax
    /// x / max.
    case fractionOfMax
    /// Rank, smallest = 1, ties = min.
    case rank
    /// Borda score: rank − 1.
    case borda
    /// Percentile rank: (rank − 1)/(n − 1).
    case percentileRank
    /// (x − low)/(high − low)·100 with fixed bounds.
    case scaled
}
