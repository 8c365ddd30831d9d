/// Descriptive statistics of one column with COINr's flags.
public struct IndicatorStats: Sendable, Equatable, Codable {
    /// Column code.
    public var code: String
    /// Minimum.
    public var min: Double
    /// Maximum.
    public var max: Double
    /// Mean.
    public var mean: Double
    /// Median.
    public var median: Double
    /// Sample standard deviation.
    public var sd: Double
    /// Skewness (type 2).
    public var skew: Double
    /// Excess kurtosis (type 2).
    public var kurt: Double
    /// Values present.
    public var available: Int
    /// Values present and non-zero.
    public var nonZero: Int
    /// Distinct values.
    public var unique: Int
    /// Count of the most frequent value.
    public var same: Int
    /// Fraction present (of all units).
    public var fractionAvailable: Double
    /// Fraction non-zero (of values present).
    public var fractionNonZero: Double
    /// Fraction unique (of values present).
    public var fractionUnique: Double
    /// Fraction taken by the most frequent value.
    public var fractionSame: Double
    /// `LOW` when availability < 0.65, else `ok`.
    public var flagAvailability: String
    /// `LOW` when non-zero fraction < 0.5, else `ok`.
    public var flagNonZero: String
    /// `LOW` when unique fraction < 0.5, else `ok`.
    public var flagUnique: String
    /// `OUT` when |skew| > 2 and kurtosis > 3.5, else `ok`.
    public var flagSkewKurt: String

    /// Statistics of `x` (NaN = missing).
    public init(code: String, values x: [Double]) {
        let p = Stat.present(x)
        let n = Double(x.count)
        self.code = code
        min = p.min() ?? .nan
        max = p.max() ?? .nan
        mean = Stat.mean(x)
        median = Stat.median(x)
        sd = Stat.sd(x)
        skew = Stat.skew(x)
        kurt = Stat.kurt(x)
        available = p.count
        nonZero = p.filter { $0 != 0 }.count
        var counts: [Double: Int] = [:]
        for v in p { counts[v, default: 0] += 1 }
        unique = counts.count
        same = counts.values.max() ?? 0
        fractionAvailable = Double(available) / n
        let a = Double(Swift.max(available, 1))
        fractionNonZero = Double(nonZero) / a
        fractionUnique = Double(unique) / a
        fractionSame = Double(same) / a
        flagAvailability = fractionAvailable < 0.65 ? "LOW" : "ok"
        flagNonZero = fractionNonZero < 0.5 ? "LOW" : "ok"
        flagUnique = fractionUnique < 0.5 ? "LOW" : "ok"
        flagSkewKurt = abs(skew) > 2 && kurt > 3.5 ? "OUT" : "ok"
    }

    /// The flags raised (set and not `ok`): availability, non-zero, unique, then skew/kurtosis.
    public var raisedFlags: [String] {
        [flagAvailability, flagNonZero, flagUnique, flagSkewKurt].filter {
            !$0.isEmpty && $0.lowercased() != "ok"
        }
    }

    /// Statistics of every column of `table`.
    public static func of(_ table: Table) -> [IndicatorStats] {
        zip(table.columns, table.values).map { IndicatorStats(code: $0, values: $1) }
    }
}
