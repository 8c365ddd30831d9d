/// Why an instance document was refused: the JSON path of the offending value and a cause callers
/// can match. The app turns it into a one-line message.
public struct InstanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of JSON value was expected.
    public enum ValueKind: Sendable, Equatable {
        /// An integer.
        case integer
        /// Any number.
        case number
        /// A string.
        case string
        /// `true` or `false`.
        case boolean
        /// An array.
        case array
        /// An object.
        case object
        /// An integer position or an `id` string.
        case reference
    }

    /// What is wrong at `path`.
    public enum Cause: Sendable, Equatable {
        /// The text is not JSON; `detail` is the parser's explanation.
        case syntax(detail: String)
        /// A value of the wrong type.
        case wrongType(expected: ValueKind)
        /// `null` where a value is required.
        case missingValue(expected: ValueKind)
        /// A required field is absent (the path names it).
        case missingField
        /// A value the decoder could not read (for example a number too large for its type).
        case unreadable(detail: String)
        /// A matrix row of another length than row 0.
        case rowLength(row: Int, count: Int, expected: Int)
        /// A label list of the wrong length.
        case labelCount(count: Int, expected: Int)
        /// A cost that is infinite or not a number.
        case notFinite
        /// An `id` used twice.
        case duplicateID(String)
        /// A reference to no entity (the path says which list it should be in).
        case unknownReference(InstanceRef)
        /// A negative lower bound of an arc.
        case negativeLowerBound(Int64)
        /// A capacity below the arc's lower bound.
        case capacityBelowLower(capacity: Int64, lower: Int64)
        /// A negative capacity of a hospital.
        case negativeCapacity(Int)
        /// `optimalFor` is neither residents nor hospitals.
        case unknownSide(String)
        /// A member the instance does not know (the path names it); `known` lists the members
        /// allowed there, for a suggestion.
        case unknownField(String, known: [String])
        /// The solver refused the instance as a whole.
        case rejected(OptimiseError)
    }

    /// The JSON path, e.g. `$.arcs[3].to` (`$` for the whole document).
    public var path: String
    /// The 1-based line and column of a syntax error, when known.
    public var line: Int?
    /// The 1-based column of a syntax error, when known.
    public var column: Int?
    /// What is wrong.
    public var cause: Cause

    /// An error at `path`.
    public init(at path: String, _ cause: Cause, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.cause = cause
        self.line = line
        self.column = column
    }

    /// English one-line text (the app renders its own, in the user's language).
    public var description: String {
        let place = line.map { "\($0):\(column ?? 0)" } ?? path
        return "\(place): \(cause)"
    }

    /// `$.arcs[3].capacity` for a coding path.
    public static func jsonPath(_ path: [any CodingKey]) -> String {
        var text = "$"
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += ".\(key.stringValue)" }
        }
        return text
    }
}
