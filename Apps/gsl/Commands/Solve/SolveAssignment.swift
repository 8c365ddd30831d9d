import ArgumentParser
import Foundation
import GSLCore
import GSLOptimise
import GSLTabular

/// `gsl solve assignment FILE [--maximise]` or `--costs MATRIX`: dense linear assignment.
struct SolveAssignment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assignment",
        abstract: "最优指派 optimal assignment (cost matrix; null = forbidden)",
        discussion: """
            {"costs": [[4, 1, null], [2, 0, 5]], "rows": ["a", "b"], "columns": ["x", "y", "z"]}
            或只给矩阵 or a bare matrix: --costs m.csv | m.npy | m.json
            """)

    /// The instance file (JSON).
    @Argument(help: "实例文件 instance file (JSON)")
    var file: String?

    /// A bare cost matrix instead of an instance file.
    @Option(name: .customLong("costs"), help: "成本矩阵 cost matrix: .csv | .npy (float64/int64) | .json")
    var costs: String?

    /// Output language of messages (also read from the raw command line by `GSL.main`).
    @Option(help: "语言 language: zh | en")
    var lang: String?

    /// Maximise the total instead of minimising it.
    @Flag(name: [.customLong("maximise"), .customLong("maximize")], help: "求最大 maximise the total")
    var maximise = false

    func run() throws {
        if (file == nil) == (costs == nil) {
            throw GSLError.usage(
                "请给出实例文件或 --costs 矩阵文件（二者之一）", en: "give an instance file or --costs MATRIX (one of them)")
        }
        let reader = InstanceReader(path: file ?? costs ?? "")
        let instance = try AssignmentReading(reader: reader).instance()
        let result: AssignmentResult
        do { result = try instance.solve(maximise: maximise) } catch { throw reader.error(error) }
        try SolveOutput.print(result)
        if result.status == .infeasible {
            throw reader.infeasibleAssignment(
                matchable: result.matchable ?? 0, required: result.required ?? 0)
        }
    }
}
