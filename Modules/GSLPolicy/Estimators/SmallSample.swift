/// The small-sample factor of a firm-clustered (CR1) variance, `G/(G−1) · (N−1)/(N−K)`: the
/// conventions differ only in K, the parameters counted.
public enum SmallSample: String, CaseIterable, Sendable {
    /// K counts every parameter, the absorbed firm and year effects included (Stata `areg …,
    /// vce(cluster firm)`; statsmodels OLS with firm and year dummies, cluster-robust).
    case stata
    /// K leaves out the firm effects, which are nested in the firm clusters (fixest / pyfixest
    /// defaults `ssc(adj = TRUE, fixef.K = "nested", cluster.adj = TRUE)`; Stata `reghdfe`).
    case fixest

    /// The Chinese name.
    public var chinese: String {
        switch self {
        case .stata: "Stata 口径（计入吸收的企业固定效应）"
        case .fixest: "fixest 口径（不计入嵌套于聚类的企业固定效应）"
        }
    }
}
