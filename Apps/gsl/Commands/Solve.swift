import ArgumentParser

/// `gsl solve`: runs one of the optimisation solvers on a JSON instance file.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "求解器 solvers: 指派 assignment, 最小费用流 flow, 稳定匹配 stable",
        discussion: """
            读取 JSON 实例（指派也可用 --costs 给出 CSV/.npy 矩阵），输出 JSON 结果（键排序）。格式见 Docs/solvers.md。
            Reads a JSON instance (assignment: or a CSV/.npy matrix with --costs), prints JSON (sorted keys).
            退出码 exit codes: 0 解 solved; 65 实例错误或无可行解 malformed or infeasible;
            66 文件不存在 file not found.
            例 examples:
              gsl solve assignment costs.json --maximise
              gsl solve assignment --costs costs.npy
              gsl solve flow pairing.json
              gsl solve stable match.json --optimal-for hospitals
            """,
        subcommands: [SolveAssignment.self, SolveFlow.self, SolveStable.self]
    )
}
