import GSLIndexScoring

/// Two stored framework versions and what changed between them.
public struct FrameworkComparison: Sendable {
    /// The old version.
    public let old: Framework
    /// The new version.
    public let new: Framework
    /// The changes from `old` to `new`.
    public let diff: FrameworkDiff
}
