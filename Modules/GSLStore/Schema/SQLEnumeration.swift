/// SQL for enumerations, generated from the Swift enums so that a CHECK constraint or a state list
/// in a query cannot drift from the type, and is always written as comparisons: SQLite builds a
/// temporary lookup table per row for `IN ('a', 'b')` in a CHECK (measured: 3× slower imports).
public enum SQLEnumeration {
    /// `(column = 'a' OR column = 'b' …)` over `values` (quotes doubled).
    public static func oneOf(_ column: String, _ values: [String]) -> String {
        precondition(!values.isEmpty, "an enumeration needs at least one value")
        return "(" + values.map { "\(column) = \(literal($0))" }.joined(separator: " OR ") + ")"
    }

    /// `(column = 'a' OR …)` over the raw values of `cases`.
    public static func oneOf<E: RawRepresentable>(_ column: String, _ cases: [E]) -> String
    where E.RawValue == String {
        oneOf(column, cases.map(\.rawValue))
    }

    /// `(column = 'a' OR …)` over every case of `type`.
    public static func oneOf<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) -> String
    where E.RawValue == String {
        oneOf(column, E.allCases.map(\.rawValue))
    }

    /// `NOT (column = 'a' OR …)`.
    public static func noneOf<E: RawRepresentable>(_ column: String, _ cases: [E]) -> String
    where E.RawValue == String {
        "NOT " + oneOf(column, cases)
    }

    /// A SQL string literal.
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension SQLEnumeration {
    /// `(column = 0 OR column = 1)`: a boolean stored as an integer.
    public static func boolean(_ column: String) -> String {
        "(\(column) = 0 OR \(column) = 1)"
    }
}
