import GSLCore

/// How a scale question's answers become one satisfaction figure on 0–100 (服务对象满意度), e.g. for a
/// policy's performance scorecard. Codes are taken to rise with satisfaction (很不满意 = 1 …
/// 很满意 = 5, or a 1–10 rating), as 问卷星 numbers them and the codebook keeps them.
public enum SatisfactionMeasure: String, Sendable, CaseIterable, Codable {
    /// The (weighted) mean code placed on the scale's span: (mean − lowest code) / (highest − lowest)
    /// × 100; 很满意 for everyone is 100, 很不满意 for everyone 0.
    case scaled
    /// 满意率: the (weighted) share choosing one of the two highest options × 100.
    case top2

    /// 均值折算 or 满意率（前两档）.
    public var zh: String {
        switch self {
        case .scaled: "均值折算"
        case .top2: "满意率（前两档）"
        }
    }

    /// The figure from `codes` (one per answering respondent) with their `weights` (nil: 1 each),
    /// on a scale from `low` to `high`; also the mean code.
    public func score(codes: [Int], weights: [Double]?, low: Int, high: Int) -> (value: Double, mean: Double)
    {
        precondition(high > low && !codes.isEmpty)
        var total = 0.0
        var sum = 0.0
        var top = 0.0
        for (i, c) in codes.enumerated() {
            let w = weights?[i] ?? 1
            total += w
            sum += w * Double(c)
            if c >= high - 1 { top += w }
        }
        let mean = sum / total
        switch self {
        case .scaled: return ((mean - Double(low)) / Double(high - low) * 100, mean)
        case .top2: return (top / total * 100, mean)
        }
    }
}
