/// How missing indicator values are filled.
public enum ImputeMethod: String, Sendable, Codable, CaseIterable {
    /// Indicator mean over units.
    case mean
    /// Indicator median over units.
    case median
    /// Mean within the unit's group.
    case groupMean
    /// Median within the unit's group.
    case groupMedian
    /// Mean of the unit's other indicators in the same parent, on a min-max scale, mapped back.
    case rowMean
    /// The unit's latest earlier value of the same indicator.
    case panelLatest
    /// Linear interpolation between the unit's nearest periods (latest value beyond the ends).
    case panelLinear
}
