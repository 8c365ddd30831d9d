import GSLCore

/// The causes of solver errors. GSLOptimise stays free of GSLCore (its own `OptimiseError` and
/// `InstanceError` are typed), so the edge that turns them into `GSLError`s names their causes here.
extension GSLError.Cause {
    /// An instance document with a value of the wrong type, a missing field, an unknown reference,
    /// a bad bound or a duplicate id (the location names its JSON path).
    static let optimiseMalformedInstance = Self("optimise.malformed-instance")
    /// An instance the solver refuses as a whole (a negative cycle with unbounded capacity).
    static let optimiseInvalidInput = Self("optimise.invalid-input")
    /// Numbers too large for exact arithmetic.
    static let optimiseOverflow = Self("optimise.overflow")
    /// An assignment problem whose allowed pairs cannot cover every row.
    static let optimiseAssignmentInfeasible = Self("optimise.assignment-infeasible")
    /// A flow problem whose supplies and demands cannot be met.
    static let optimiseFlowInfeasible = Self("optimise.flow-infeasible")
}
