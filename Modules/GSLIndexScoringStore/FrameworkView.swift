import GSLIndexScoring

/// A stored framework version with its parsed indicator tree.
public struct FrameworkView: Sendable {
    /// The stored version (reference, hash, whether illustrative).
    public let stored: StoredFramework
    /// The parsed framework.
    public let framework: Framework
}
