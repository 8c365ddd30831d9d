/// The lower bounds of one indicator for one industry group (persons, or 万元 for money).
public struct SizeThreshold: Sendable, Equatable {
    /// The indicator these bounds apply to.
    public let indicator: SizeIndicator
    /// The least value of a large enterprise.
    public let largeMin: Int64
    /// The least value of a medium enterprise.
    public let mediumMin: Int64
    /// The least value of a small enterprise; anything below is micro.
    public let smallMin: Int64

    /// Bounds for one indicator.
    public init(_ indicator: SizeIndicator, large: Int64, medium: Int64, small: Int64) {
        self.indicator = indicator
        largeMin = large
        mediumMin = medium
        smallMin = small
    }

    /// The lower bound for `size` (0 for micro).
    public func lowerBound(for size: EnterpriseSize) -> Int64 {
        switch size {
        case .large: largeMin
        case .medium: mediumMin
        case .small: smallMin
        case .micro: 0
        }
    }
}
