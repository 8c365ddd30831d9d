import ArgumentParser
import GSLCore
import GSLOptimize

/// `gsl solve assignment FILE [--maximise]`: dense linear assignment.
struct SolveAssignment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assignment",
        abstract: "最优指派 optimal assignment (cost matrix; null = forbidden)",
        discussion: """
            {"costs": [[4, 1, null], [2, 0, 5]], "rows": ["a", "b"], "columns": ["x", "y", "z"]}
            """)

    @OptionGroup var options: SolveOptions

    /// Maximise the total instead of minimising it.
    @Flag(name: [.customLong("maximise"), .customLong("maximize")], help: "求最大 maximise the total")
    var maximise = false

    /// The instance format.
    struct Instance: Decodable {
        var costs: [[Double?]]
        var maximise: Bool?
        var rows: [String]?
        var columns: [String]?
    }

    /// One assigned pair in the output.
    struct Pair: Encodable {
        var row: InstanceRef
        var column: InstanceRef
        var cost: Double
    }

    /// The output document.
    struct Output: Encodable {
        var status: String
        var sense: String
        var objective: Double
        var pairs: [Pair]
        var rowToColumn: [Int]
        var rowPotentials: [Double]
        var columnPotentials: [Double]
    }

    /// An infeasible result.
    struct Infeasible: Encodable {
        var status = "infeasible"
        var matchable: Int
        var required: Int
    }

    func run() throws {
        let reader = InstanceReader(path: options.file)
        let instance = try reader.decode(Instance.self)
        let columns = instance.costs.first?.count ?? 0
        for (i, row) in instance.costs.enumerated() where row.count != columns {
            throw reader.error(
                at: "$.costs[\(i)]", "第 \(i) 行有 \(row.count) 项，第 0 行有 \(columns) 项",
                en: "row \(i) has \(row.count) entries, row 0 has \(columns)")
        }
        if let rows = instance.rows, rows.count != instance.costs.count {
            throw reader.error(
                at: "$.rows", "应有 \(instance.costs.count) 个行名",
                en: "expected \(instance.costs.count) row labels")
        }
        if let labels = instance.columns, labels.count != columns {
            throw reader.error(at: "$.columns", "应有 \(columns) 个列名", en: "expected \(columns) column labels")
        }
        let matrix: CostMatrix
        do { matrix = try CostMatrix(instance.costs) } catch { throw reader.error(error) }
        let maximise = self.maximise || (instance.maximise ?? false)
        let solution: AssignmentSolution
        do {
            solution = try LinearAssignment.solve(matrix, maximise: maximise)
        } catch {
            if case .assignmentInfeasible(let matchable, let required) = error {
                try SolveOutput.print(Infeasible(matchable: matchable, required: required))
            }
            throw reader.error(error)
        }
        func rowRef(_ i: Int) -> InstanceRef { instance.rows.map { .name($0[i]) } ?? .index(i) }
        func columnRef(_ j: Int) -> InstanceRef { instance.columns.map { .name($0[j]) } ?? .index(j) }
        try SolveOutput.print(
            Output(
                status: "optimal", sense: maximise ? "maximise" : "minimise", objective: solution.total,
                pairs: solution.pairs.map {
                    Pair(row: rowRef($0.row), column: columnRef($0.column), cost: matrix[$0.row, $0.column])
                },
                rowToColumn: solution.rowToColumn, rowPotentials: solution.rowPotentials,
                columnPotentials: solution.columnPotentials))
    }
}
