/// A min-cost flow instance as `gsl solve flow` reads it: nodes with supplies (negative for
/// demands) and arcs with lower bounds, capacities and costs. References are node `id`s or
/// positions; decoding checks them, the ids and the bounds and names the JSON path of a problem.
public struct FlowInstance: Codable, Sendable, Equatable {
    /// A node.
    public struct Node: Codable, Sendable, Equatable {
        /// Optional name used by arcs and in results.
        public var id: String?
        /// Supply (positive) or demand (negative); 0 when absent.
        public var supply: Int64?

        /// A node.
        public init(id: String? = nil, supply: Int64? = nil) {
            self.id = id
            self.supply = supply
        }

        /// Reads `{"id": …, "supply": …}`; any other member is refused.
        public init(from decoder: any Decoder) throws {
            try InstanceKeys.check(decoder, known: ["id", "supply"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIfPresent(String.self, forKey: .id)
            supply = try container.decodeIfPresent(Int64.self, forKey: .supply)
        }
    }

    /// An arc.
    public struct Arc: Codable, Sendable, Equatable {
        /// Tail node.
        public var from: InstanceRef
        /// Head node.
        public var to: InstanceRef
        /// Lower bound; 0 when absent.
        public var lower: Int64?
        /// Capacity; unbounded when absent.
        public var capacity: Int64?
        /// Cost per unit (profit when maximising).
        public var cost: Int64

        /// An arc.
        public init(
            from: InstanceRef, to: InstanceRef, lower: Int64? = nil, capacity: Int64? = nil, cost: Int64
        ) {
            self.from = from
            self.to = to
            self.lower = lower
            self.capacity = capacity
            self.cost = cost
        }

        /// Reads `{"from", "to", "lower", "capacity", "cost"}`; any other member is refused.
        public init(from decoder: any Decoder) throws {
            try InstanceKeys.check(decoder, known: ["from", "to", "lower", "capacity", "cost"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            from = try container.decode(InstanceRef.self, forKey: .from)
            to = try container.decode(InstanceRef.self, forKey: .to)
            lower = try container.decodeIfPresent(Int64.self, forKey: .lower)
            capacity = try container.decodeIfPresent(Int64.self, forKey: .capacity)
            cost = try container.decode(Int64.self, forKey: .cost)
        }
    }

    /// The nodes in order.
    public private(set) var nodes: [Node]
    /// The arcs in order.
    public private(set) var arcs: [Arc]
    /// Maximise the total (costs are profits).
    public var maximise: Bool?
    /// Each arc's tail and head positions, resolved once.
    private var ends: [(Int, Int)]

    /// An instance; ids must be unique, references must resolve and bounds must be ordered.
    public init(nodes: [Node], arcs: [Arc], maximise: Bool? = nil) throws(InstanceError) {
        try self.init(nodes: nodes, arcs: arcs, maximise: maximise, path: "$")
    }

    private init(nodes: [Node], arcs: [Arc], maximise: Bool?, path: String) throws(InstanceError) {
        var ids: [String: Int] = [:]
        for (v, node) in nodes.enumerated() {
            guard let id = node.id else { continue }
            if ids[id] != nil { throw InstanceError(at: "\(path).nodes[\(v)].id", .duplicateID(id)) }
            ids[id] = v
        }
        var ends: [(Int, Int)] = []
        ends.reserveCapacity(arcs.count)
        for (a, arc) in arcs.enumerated() {
            guard let from = arc.from.resolve(ids, count: nodes.count) else {
                throw InstanceError(at: "\(path).arcs[\(a)].from", .unknownReference(arc.from))
            }
            guard let to = arc.to.resolve(ids, count: nodes.count) else {
                throw InstanceError(at: "\(path).arcs[\(a)].to", .unknownReference(arc.to))
            }
            let lower = arc.lower ?? 0
            if lower < 0 { throw InstanceError(at: "\(path).arcs[\(a)].lower", .negativeLowerBound(lower)) }
            if let capacity = arc.capacity, capacity < lower {
                throw InstanceError(
                    at: "\(path).arcs[\(a)].capacity", .capacityBelowLower(capacity: capacity, lower: lower))
            }
            ends.append((from, to))
        }
        self.nodes = nodes
        self.arcs = arcs
        self.maximise = maximise
        self.ends = ends
    }

    private enum CodingKeys: String, CodingKey {
        case nodes, arcs, maximise
    }

    /// Reads `{"nodes": […], "arcs": […], "maximise": …}` and validates it.
    public init(from decoder: any Decoder) throws {
        try InstanceKeys.check(decoder, known: ["nodes", "arcs", "maximise"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            nodes: container.decode([Node].self, forKey: .nodes),
            arcs: container.decode([Arc].self, forKey: .arcs),
            maximise: container.decodeIfPresent(Bool.self, forKey: .maximise),
            path: InstanceError.jsonPath(decoder.codingPath))
    }

    /// Writes the instance in the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(arcs, forKey: .arcs)
        try container.encodeIfPresent(maximise, forKey: .maximise)
    }

    /// Two instances are equal when their nodes, arcs and sense are.
    public static func == (a: FlowInstance, b: FlowInstance) -> Bool {
        a.nodes == b.nodes && a.arcs == b.arcs && a.maximise == b.maximise
    }

    /// The network the solver sees; maximising negates the costs.
    public func network(maximise: Bool) throws(OptimiseError) -> FlowNetwork {
        var network = FlowNetwork(nodeCount: nodes.count)
        network.supply = nodes.map { $0.supply ?? 0 }
        network.reserveArcs(arcs.count)
        for (a, arc) in arcs.enumerated() {
            try network.addArc(
                from: ends[a].0, to: ends[a].1, capacity: arc.capacity ?? FlowNetwork.unbounded,
                cost: maximise ? -arc.cost : arc.cost, lowerBound: arc.lower ?? 0)
        }
        return network
    }

    /// Solves the instance; `maximise` (for example a command-line flag) overrides a minimising file.
    /// An infeasible instance gives a result with the certificate cut, not an error.
    public func solve(maximise override: Bool = false) throws(OptimiseError) -> FlowResult {
        let maximise = override || (self.maximise ?? false)
        let outcome = try MinCostFlow.solve(network(maximise: maximise))
        let ids = nodes.map(\.id)
        switch outcome {
        case .optimal(let solution):
            return FlowResult(
                sense: maximise ? .maximise : .minimise, objective: maximise ? -solution.cost : solution.cost,
                flows: solution.flows,
                potentials: maximise ? solution.potentials.map { -$0 } : solution.potentials)
        case .infeasible(let certificate):
            return FlowResult(
                totalSupply: certificate.totalSupply, totalDemand: certificate.totalDemand,
                cut: certificate.nodes.map { InstanceRef.of($0, ids: ids) }, netDemand: certificate.netDemand,
                maximumInflow: certificate.maximumInflow,
                unmet: certificate.unmet.map {
                    FlowResult.Unmet(node: InstanceRef.of($0.node, ids: ids), amount: $0.amount)
                })
        }
    }
}
