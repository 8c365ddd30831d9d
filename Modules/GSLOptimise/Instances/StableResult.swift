/// The result of a stable-matching instance as `gsl solve stable` prints it.
public struct StableResult: Codable, Sendable, Equatable {
    /// One matched pair.
    public struct Pair: Codable, Sendable, Equatable {
        /// The resident's id or position.
        public var resident: InstanceRef
        /// The hospital's id or position.
        public var hospital: InstanceRef

        /// A pair.
        public init(resident: InstanceRef, hospital: InstanceRef) {
            self.resident = resident
            self.hospital = hospital
        }
    }

    /// Always `stable`.
    public var status = "stable"
    /// Whose optimum this is: `residents` or `hospitals`.
    public var optimalFor: String
    /// Matched pairs in resident order.
    public var pairs: [Pair]
    /// Residents left without a place.
    public var unmatchedResidents: [InstanceRef]
    /// Blocking pairs found by the checker (always 0).
    public var blockingPairs: Int

    init(
        optimalFor side: DeferredAcceptance.Side, pairs: [Pair], unmatchedResidents: [InstanceRef],
        blockingPairs: Int
    ) {
        optimalFor = side.rawValue
        self.pairs = pairs
        self.unmatchedResidents = unmatchedResidents
        self.blockingPairs = blockingPairs
    }
}
