/// Where a stored plan stands.
public enum PlanState: String, Sendable, CaseIterable, Codable {
    /// Solved and stored; no pairings made from it yet.
    case draft
    /// Turned into pairings.
    case applied
}
