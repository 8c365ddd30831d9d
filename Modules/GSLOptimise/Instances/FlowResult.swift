/// The result of a flow instance as `gsl solve flow` prints it: the optimal flows and potentials,
/// or (status `infeasible`) a cut whose net demand exceeds what can flow into it.
public struct FlowResult: Codable, Sendable, Equatable {
    /// Whether an optimum was found.
    public enum Status: String, Codable, Sendable {
        /// An optimal flow.
        case optimal
        /// No flow meets every demand.
        case infeasible
    }

    /// A demand left short in a largest feasible flow.
    public struct Unmet: Codable, Sendable, Equatable {
        /// The node.
        public var node: InstanceRef
        /// How much of its demand is not met.
        public var amount: Int64

        /// An unmet demand.
        public init(node: InstanceRef, amount: Int64) {
            self.node = node
            self.amount = amount
        }
    }

    /// Optimal or infeasible.
    public var status: Status
    /// Minimised or maximised (optimal only).
    public var sense: ObjectiveSense?
    /// Total cost, or profit when maximising (optimal only).
    public var objective: Int64?
    /// Flow on each arc (optimal only).
    public var flows: [Int64]?
    /// Node potentials, the dual certificate (optimal only).
    public var potentials: [Int64]?
    /// Sum of the positive supplies (infeasible only).
    public var totalSupply: Int64?
    /// Sum of the demands (infeasible only).
    public var totalDemand: Int64?
    /// Nodes of the certificate cut (infeasible only).
    public var cut: [InstanceRef]?
    /// Net demand inside the cut (infeasible only).
    public var netDemand: Int64?
    /// Most that can flow into the cut (infeasible only).
    public var maximumInflow: Int64?
    /// Demands left short (infeasible only).
    public var unmet: [Unmet]?

    init(sense: ObjectiveSense, objective: Int64, flows: [Int64], potentials: [Int64]) {
        status = .optimal
        self.sense = sense
        self.objective = objective
        self.flows = flows
        self.potentials = potentials
    }

    init(
        totalSupply: Int64, totalDemand: Int64, cut: [InstanceRef], netDemand: Int64, maximumInflow: Int64,
        unmet: [Unmet]
    ) {
        status = .infeasible
        self.totalSupply = totalSupply
        self.totalDemand = totalDemand
        self.cut = cut
        self.netDemand = netDemand
        self.maximumInflow = maximumInflow
        self.unmet = unmet
    }
}
