/// An optimal flow with its cost and node potentials.
///
/// Optimality certificate: with `reduced = cost[a] + potential[from] - potential[to]`, every arc
/// with flow below its capacity has `reduced >= 0` and every arc with flow above its lower bound
/// has `reduced <= 0`.
public struct FlowSolution: Sendable, Equatable {
    /// Flow on each arc, in arc order.
    public let flows: [Int64]
    /// Potential of each node.
    public let potentials: [Int64]
    /// Total cost: the sum of flow × cost.
    public let cost: Int64
}

/// Why a min-cost flow instance has no feasible flow: a set of nodes whose net demand exceeds what
/// the arcs entering it can bring (Gale's condition), found from a largest feasible flow.
public struct FlowInfeasibility: Sendable, Equatable {
    /// Demand left unmet at one node in a largest feasible flow.
    public struct UnmetDemand: Sendable, Equatable {
        /// The node.
        public let node: Int
        /// Units of its demand that cannot be delivered.
        public let amount: Int64
    }

    /// Total of the positive supplies.
    public let totalSupply: Int64
    /// Total of the demands (as a positive number).
    public let totalDemand: Int64
    /// The cut: nodes whose demands cannot all be met (empty when supplies and demands do not balance).
    public let nodes: [Int]
    /// Net demand of `nodes`: their demands minus their supplies.
    public let netDemand: Int64
    /// The most that can flow into `nodes`: capacities of arcs entering minus lower bounds of arcs leaving.
    public let maximumInflow: Int64
    /// Demand nodes left short in a largest feasible flow, with the shortfall.
    public let unmet: [UnmetDemand]
}

/// The result of a min-cost flow solve.
public enum FlowOutcome: Sendable, Equatable {
    /// A minimum-cost feasible flow.
    case optimal(FlowSolution)
    /// No feasible flow exists; the certificate says which demands cannot be met.
    case infeasible(FlowInfeasibility)
}
