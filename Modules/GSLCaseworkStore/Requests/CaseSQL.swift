import GSLCasework
import GSLStore

/// SQL fragments over request states, generated from `CaseState` so that a new state cannot be
/// forgotten in a query.
enum CaseSQL {
    /// `c.state` is one of the open states (received, assigned, in progress, pending).
    static let openStates = SQLEnumeration.oneOf("c.state", CaseState.allCases.filter(\.isOpen))
    /// `state` (no table alias) is an open state.
    static let openStatesBare = SQLEnumeration.oneOf("state", CaseState.allCases.filter(\.isOpen))
    /// Requests that count in the service rates: neither drafts nor merged into another.
    static let counted = SQLEnumeration.noneOf("c.state", [CaseState.draft, .merged])
}
