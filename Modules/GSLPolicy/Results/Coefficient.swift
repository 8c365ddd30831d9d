/// One estimated quantity: the estimate, its standard error and a 95 % normal interval.
public struct Coefficient: Sendable, Equatable {
    /// What it is: a regressor name, `att`, `e=-2`, `g=2019,t=2020`.
    public let term: String
    /// The point estimate.
    public let estimate: Double
    /// The standard error.
    public let standardError: Double
    /// The 95 % interval's half width divided by the standard error (1.96 pointwise; the bootstrap's
    /// critical value for a uniform band).
    public let critical: Double

    /// A coefficient with a pointwise 95 % normal interval unless `critical` is given.
    public init(term: String, estimate: Double, standardError: Double, critical: Double = Distributions.z975)
    {
        self.term = term
        self.estimate = estimate
        self.standardError = standardError
        self.critical = critical
    }

    /// The lower end of the interval.
    public var low: Double { estimate - critical * standardError }
    /// The upper end of the interval.
    public var high: Double { estimate + critical * standardError }
    /// The z statistic.
    public var z: Double { estimate / standardError }
    /// The two-sided p-value of the z statistic.
    public var p: Double { Distributions.twoSidedP(z) }
}
