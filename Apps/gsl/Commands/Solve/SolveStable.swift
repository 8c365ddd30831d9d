import ArgumentParser
import GSLCore
import GSLOptimise

/// `gsl solve stable FILE [--optimal-for residents|hospitals]`: hospital–resident stable matching.
struct SolveStable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stable",
        abstract: "稳定匹配 stable matching (hospital–resident with capacities)",
        discussion: """
            {"residents": [{"id": "r1", "preferences": ["h1"]}],
             "hospitals": [{"id": "h1", "capacity": 2, "preferences": ["r1"]}]}
            """)

    @OptionGroup var options: SolveOptions

    /// Which side's optimal stable matching to return.
    @Option(name: .customLong("optimal-for"), help: "哪一方最优 optimal for: residents | hospitals")
    var optimalFor: String?

    func run() throws {
        var side: DeferredAcceptance.Side? = nil
        if let optimalFor {
            guard let named = DeferredAcceptance.Side(rawValue: optimalFor) else {
                throw GSLError.usage(
                    "--optimal-for 应为 residents 或 hospitals",
                    en: "--optimal-for must be residents or hospitals")
            }
            side = named
        }
        let instance = try InstanceReader(path: options.file).decode(StableInstance.self)
        try SolveOutput.print(instance.solve(optimalFor: side))
    }
}
