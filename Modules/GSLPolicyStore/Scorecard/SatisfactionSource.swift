/// Where the scorecard's 服务对象满意度 (satisfaction of the firms served, 0–100) comes from. Today
/// it is given as a number; the seam is here so that a survey's result can be used instead once
/// the surveys module stores them (a `.survey(id)` case resolved by the surveys service).
public enum SatisfactionSource: Sendable, Equatable {
    /// A value typed in (e.g. from a survey run elsewhere), 0–100.
    case given(Double)
    /// No satisfaction figure: the scorecard refuses to score without one when its framework
    /// has the `satisfaction` indicator.
    case none

    /// The value, if any.
    var value: Double? {
        if case .given(let v) = self { return v }
        return nil
    }
}
