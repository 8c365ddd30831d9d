/// How the weights of one group of siblings are set.
public enum WeightMethod: String, Sendable, Codable, CaseIterable {
    /// The framework's (or the spec's given) weights.
    case given
    /// All siblings equal.
    case equal
    /// 熵值法: 1 − normalised Shannon entropy of each child's share.
    case entropy
    /// CRITIC: sd × Σ(1 − r) over the other siblings.
    case critic
    /// AHP: principal eigenvector of a pairwise comparison matrix.
    case ahp
    /// First principal component loadings (correlation matrix).
    case pca
}
