/// How information-report scores are grouped.
public enum InfoGrouping: String, Sendable, Hashable, CaseIterable {
    /// By author.
    case author
    /// By chamber (reports without one under 「（无商会）」).
    case chamber
}
