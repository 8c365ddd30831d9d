/// Why a solver refused an instance; the CLI turns each case into a one-line message.
public enum OptimiseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The instance is malformed: the text says what and where (an index or a field).
    case invalidInput(String)
    /// An assignment problem has no complete assignment: at most `matchable` of `required` items can be paired.
    case assignmentInfeasible(matchable: Int, required: Int)
    /// Numbers too large for exact arithmetic (costs times flows or node count overflow).
    case overflow(String)

    /// English one-line text.
    public var description: String {
        switch self {
        case .invalidInput(let text): "invalid instance: \(text)"
        case .assignmentInfeasible(let matchable, let required):
            "no feasible assignment: at most \(matchable) of \(required) rows can be assigned to allowed columns"
        case .overflow(let text): "numbers too large: \(text)"
        }
    }
}
