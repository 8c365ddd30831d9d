/// The result of a min-cost flow solve.
public enum FlowOutcome: Sendable, Equatable {
    /// A minimum-cost feasible flow.
    case optimal(FlowSolution)
    /// No feasible flow exists; the certificate says which demands cannot be met.
    case infeasible(FlowInfeasibility)
}
