import ArgumentParser
import GSLCore
import GSLOptimise

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

    func run() throws {
        let reader = InstanceReader(path: options.file)
        let instance = try reader.decode(FlowInstance.self)
        let result: FlowResult
        do { result = try instance.solve(maximise: maximise) } catch { throw reader.error(error) }
        try SolveOutput.print(result)
        guard result.status == .infeasible else { return }
        let supply = result.totalSupply ?? 0, demand = result.totalDemand ?? 0
        if supply != demand {
            throw GSLError.data(
                "无可行流：总供给 \(supply) ≠ 总需求 \(demand)",
                en: "infeasible: total supply \(supply) ≠ total demand \(demand)",
                at: SourceLocation(file: options.file)
            ).because(.solveInfeasible)
        }
        let unmet = result.unmet ?? []
        let names = unmet.prefix(5).map(\.node.text).joined(separator: ", ") + (unmet.count > 5 ? ", …" : "")
        let net = result.netDemand ?? 0, inflow = result.maximumInflow ?? 0
        throw GSLError.data(
            "无可行流：节点 \(names) 的需求无法满足（割内净需求 \(net) > 可流入 \(inflow)）",
            en:
                "infeasible: demand of \(names) cannot be met (net demand \(net) of the cut > inflow \(inflow))",
            at: SourceLocation(file: options.file)
        ).because(.solveInfeasible)
    }
}
