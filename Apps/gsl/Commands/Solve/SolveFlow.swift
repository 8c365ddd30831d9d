import ArgumentParser
import GSLCore
import GSLOptimize

/// `gsl solve flow FILE [--maximise]`: min-cost flow with lower bounds.
struct SolveFlow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "最小费用流 min-cost flow (supplies, arcs with lower/capacity/cost)",
        discussion: """
            {"nodes": [{"id": "s", "supply": 2}, {"id": "t", "supply": -2}],
             "arcs": [{"from": "s", "to": "t", "lower": 0, "capacity": 3, "cost": 4}]}
            """)

    @OptionGroup var options: SolveOptions

    /// Maximise the total (costs are profits).
    @Flag(name: [.customLong("maximise"), .customLong("maximize")], help: "求最大 maximise (costs are profits)")
    var maximise = false

    /// A node of the instance.
    struct Node: Decodable {
        var id: String?
        var supply: Int64?
    }

    /// An arc of the instance.
    struct Arc: Decodable {
        var from: InstanceRef
        var to: InstanceRef
        var lower: Int64?
        var capacity: Int64?
        var cost: Int64
    }

    /// The instance format.
    struct Instance: Decodable {
        var nodes: [Node]
        var arcs: [Arc]
        var maximise: Bool?
    }

    /// The output document of an optimal flow.
    struct Output: Encodable {
        var status = "optimal"
        var sense: String
        var objective: Int64
        var flows: [Int64]
        var potentials: [Int64]
    }

    /// One unmet demand in an infeasible result.
    struct Unmet: Encodable {
        var node: InstanceRef
        var amount: Int64
    }

    /// The output document of an infeasible instance.
    struct Infeasible: Encodable {
        var status = "infeasible"
        var totalSupply: Int64
        var totalDemand: Int64
        var cut: [InstanceRef]
        var netDemand: Int64
        var maximumInflow: Int64
        var unmet: [Unmet]
    }

    func run() throws {
        let reader = InstanceReader(path: options.file)
        let instance = try reader.decode(Instance.self)
        let maximise = self.maximise || (instance.maximise ?? false)
        var ids: [String: Int] = [:]
        for (v, node) in instance.nodes.enumerated() {
            guard let id = node.id else { continue }
            if ids[id] != nil {
                throw reader.error(at: "$.nodes[\(v)].id", "重复的 id \"\(id)\"", en: "duplicate id \"\(id)\"")
            }
            ids[id] = v
        }
        var network = FlowNetwork(nodeCount: instance.nodes.count)
        network.supply = instance.nodes.map { $0.supply ?? 0 }
        network.reserveArcs(instance.arcs.count)
        for (a, arc) in instance.arcs.enumerated() {
            guard let from = arc.from.resolve(ids, count: instance.nodes.count) else {
                throw reader.error(
                    at: "$.arcs[\(a)].from", "没有节点 \(arc.from.text)", en: "no node \(arc.from.text)")
            }
            guard let to = arc.to.resolve(ids, count: instance.nodes.count) else {
                throw reader.error(at: "$.arcs[\(a)].to", "没有节点 \(arc.to.text)", en: "no node \(arc.to.text)")
            }
            let lower = arc.lower ?? 0
            if lower < 0 { throw reader.error(at: "$.arcs[\(a)].lower", "下界为负", en: "negative lower bound") }
            if let capacity = arc.capacity, capacity < lower {
                throw reader.error(
                    at: "$.arcs[\(a)].capacity", "容量 \(capacity) 小于下界 \(lower)",
                    en: "capacity \(capacity) below lower bound \(lower)")
            }
            do {
                try network.addArc(
                    from: from, to: to, capacity: arc.capacity ?? FlowNetwork.unbounded,
                    cost: maximise ? -arc.cost : arc.cost, lowerBound: lower)
            } catch {
                throw reader.error(error)
            }
        }
        let outcome: FlowOutcome
        do { outcome = try MinCostFlow.solve(network) } catch { throw reader.error(error) }
        func ref(_ v: Int) -> InstanceRef { instance.nodes[v].id.map { .name($0) } ?? .index(v) }
        switch outcome {
        case .optimal(let solution):
            try SolveOutput.print(
                Output(
                    sense: maximise ? "maximise" : "minimise",
                    objective: maximise ? -solution.cost : solution.cost,
                    flows: solution.flows,
                    potentials: maximise ? solution.potentials.map { -$0 } : solution.potentials))
        case .infeasible(let certificate):
            try SolveOutput.print(
                Infeasible(
                    totalSupply: certificate.totalSupply, totalDemand: certificate.totalDemand,
                    cut: certificate.nodes.map(ref), netDemand: certificate.netDemand,
                    maximumInflow: certificate.maximumInflow,
                    unmet: certificate.unmet.map { Unmet(node: ref($0.node), amount: $0.amount) }))
            if certificate.totalSupply != certificate.totalDemand {
                throw GSLError.data(
                    "无可行流：总供给 \(certificate.totalSupply) ≠ 总需求 \(certificate.totalDemand)",
                    en:
                        "infeasible: total supply \(certificate.totalSupply) ≠ total demand \(certificate.totalDemand)",
                    at: SourceLocation(file: options.file))
            }
            let names =
                certificate.unmet.prefix(5).map { ref($0.node).text }.joined(separator: ", ")
                + (certificate.unmet.count > 5 ? ", …" : "")
            throw GSLError.data(
                "无可行流：节点 \(names) 的需求无法满足（割内净需求 \(certificate.netDemand) > 可流入 \(certificate.maximumInflow)）",
                en:
                    "infeasible: demand of \(names) cannot be met (net demand \(certificate.netDemand) of the cut > inflow \(certificate.maximumInflow))",
                at: SourceLocation(file: options.file))
        }
    }
}
