/// The estimators of `gsl policy estimate --method`.
public enum EstimationMethod: String, CaseIterable, Sendable, Codable {
    /// Two-way fixed-effects difference-in-differences.
    case twfe
    /// The 2×2 difference-in-differences.
    case did2x2
    /// The event study (leads and lags, reference −1) with the pre-trend test.
    case event
    /// Callaway–Sant'Anna ATT(g,t) with aggregations.
    case cs
    /// Propensity-score matching (post-period outcome).
    case psm
    /// Propensity-score matching, then the 2×2 on the matched firms.
    case psmDid = "psm-did"

    /// The Chinese name.
    public var chinese: String {
        switch self {
        case .twfe: "双向固定效应双重差分"
        case .did2x2: "2×2 双重差分"
        case .event: "事件研究"
        case .cs: "Callaway–Sant'Anna 交错双重差分"
        case .psm: "倾向得分匹配"
        case .psmDid: "倾向得分匹配–双重差分"
        }
    }
}
