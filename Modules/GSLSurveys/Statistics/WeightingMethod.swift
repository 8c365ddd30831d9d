/// How a survey's weights were made.
public enum WeightingMethod: String, Sendable, CaseIterable, Codable {
    /// One margin (or a joint one): weight = population count / sample count per cell.
    case poststratification
    /// Several margins fitted by iterative proportional fitting.
    case raking

    /// The word staff use.
    public var zh: String { self == .raking ? "迭代比例加权（raking）" : "事后分层加权" }
}
