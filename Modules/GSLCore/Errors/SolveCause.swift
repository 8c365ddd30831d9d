/// Causes of refused solver instances (`gsl solve …`), for callers and tests to match. The instance
/// formats live in GSLOptimise, which does not depend on GSLCore; the app maps their typed errors
/// onto these causes.
extension GSLError.Cause {
    /// An instance document of the wrong shape: a wrong type, a missing value, ragged rows, a
    /// label count that does not match, a number that is not finite.
    public static let solveInstanceMalformed = Self("solve.instance-malformed")
    /// A preference or an arc that names a node, resident or hospital the instance does not have.
    public static let solveUnknownReference = Self("solve.unknown-reference")
    /// Two nodes, residents or hospitals with the same id.
    public static let solveDuplicateID = Self("solve.duplicate-id")
    /// A negative capacity or lower bound, or a capacity below its lower bound.
    public static let solveInvalidCapacity = Self("solve.invalid-capacity")
    /// Numbers so large that the solver's exact arithmetic would overflow.
    public static let solveNumbersTooLarge = Self("solve.numbers-too-large")
    /// A well-formed instance without a feasible solution (supply ≠ demand, an unmatchable row).
    public static let solveInfeasible = Self("solve.infeasible")
}
