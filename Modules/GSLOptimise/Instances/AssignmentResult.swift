/// The result of an assignment instance as `gsl solve assignment` prints it: the optimal pairs with
/// the dual certificate, or (status `infeasible`) how many rows the allowed pairs can cover.
public struct AssignmentResult: Codable, Sendable, Equatable {
    /// Whether an optimum was found.
    public enum Status: String, Codable, Sendable {
        /// An optimal assignment.
        case optimal
        /// The forbidden pairs leave no complete assignment.
        case infeasible
    }

    /// One assigned pair.
    public struct Pair: Codable, Sendable, Equatable {
        /// The row's label or position.
        public var row: InstanceRef
        /// The column's label or position.
        public var column: InstanceRef
        /// The pair's cost.
        public var cost: Double

        /// A pair.
        public init(row: InstanceRef, column: InstanceRef, cost: Double) {
            self.row = row
            self.column = column
            self.cost = cost
        }
    }

    /// Optimal or infeasible.
    public var status: Status
    /// Minimised or maximised (optimal only).
    public var sense: ObjectiveSense?
    /// The total of the assigned costs (optimal only).
    public var objective: Double?
    /// The assigned pairs in row order (optimal only).
    public var pairs: [Pair]?
    /// Column of each row, -1 when unassigned (optimal only).
    public var rowToColumn: [Int]?
    /// Row duals (optimal only).
    public var rowPotentials: [Double]?
    /// Column duals (optimal only).
    public var columnPotentials: [Double]?
    /// Size of a largest matching of allowed pairs (infeasible only).
    public var matchable: Int?
    /// Rows (or columns) that had to be covered (infeasible only).
    public var required: Int?

    init(
        status: Status, sense: ObjectiveSense, objective: Double, pairs: [Pair], rowToColumn: [Int],
        rowPotentials: [Double], columnPotentials: [Double]
    ) {
        self.status = status
        self.sense = sense
        self.objective = objective
        self.pairs = pairs
        self.rowToColumn = rowToColumn
        self.rowPotentials = rowPotentials
        self.columnPotentials = columnPotentials
    }

    init(infeasible matchable: Int, required: Int) {
        status = .infeasible
        self.matchable = matchable
        self.required = required
    }
}
