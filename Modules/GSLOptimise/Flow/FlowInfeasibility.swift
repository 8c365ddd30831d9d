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
