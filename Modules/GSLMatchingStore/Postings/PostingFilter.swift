import GSLMatching

/// Which postings a list shows.
public struct PostingFilter: Sendable, Hashable {
    /// Only this side.
    public var side: PostingSide?
    /// Only this kind.
    public var kind: PostingKind?
    /// Only this state.
    public var state: PostingState?
    /// At most this many, newest first.
    public var limit: Int

    /// A filter.
    public init(
        side: PostingSide? = nil, kind: PostingKind? = nil, state: PostingState? = nil, limit: Int = 1000
    ) {
        self.side = side
        self.kind = kind
        self.state = state
        self.limit = limit
    }
}
