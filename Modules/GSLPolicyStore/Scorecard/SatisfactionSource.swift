/// Where the scorecard's 服务对象满意度 (satisfaction of the firms served, 0–100) comes from: typed
/// in, or a survey's figure with a line saying how it was made. The app resolves a survey through
/// the surveys service (`SurveyService.satisfaction`), so policy evaluation needs no survey tables.
public enum SatisfactionSource: Sendable, Equatable {
    /// A value typed in (e.g. from a survey run elsewhere), 0–100.
    case given(Double)
    /// A survey's figure, 0–100, and its provenance (`新生代2023 Q16（加权，…）均值 7.90（1–10）→ 76.7`).
    case survey(Double, provenance: String)
    /// No satisfaction figure: the scorecard refuses to score without one when its framework
    /// has the `satisfaction` indicator.
    case none

    /// The value, if any.
    var value: Double? {
        switch self {
        case .given(let v), .survey(let v, _): v
        case .none: nil
        }
    }

    /// The provenance of a survey's figure.
    var provenance: String? {
        if case .survey(_, let p) = self { return p }
        return nil
    }
}
