/// A sparse directed network for min-cost flow: arcs with lower bounds, capacities and integer
/// costs, and node supplies (positive) or demands (negative).
public struct FlowNetwork: Sendable, Equatable {
    /// The capacity value that means "no upper bound".
    public static let unbounded: Int64 = Int64.max

    /// Number of nodes, numbered 0..<nodeCount.
    public private(set) var nodeCount: Int
    /// Tail of each arc.
    public private(set) var from: [Int32] = []
    /// Head of each arc.
    public private(set) var to: [Int32] = []
    /// Least flow on each arc.
    public private(set) var lowerBound: [Int64] = []
    /// Greatest flow on each arc (`FlowNetwork.unbounded` for none).
    public private(set) var capacity: [Int64] = []
    /// Cost of one unit of flow on each arc.
    public private(set) var cost: [Int64] = []
    /// Supply of each node: positive supplies, negative demands; they must add up to zero.
    public var supply: [Int64]

    /// A network of `nodeCount` nodes, no arcs and zero supplies.
    public init(nodeCount: Int) {
        self.nodeCount = max(nodeCount, 0)
        supply = Array(repeating: 0, count: self.nodeCount)
    }

    /// Number of arcs.
    public var arcCount: Int { from.count }

    /// Adds an arc and returns its index.
    @discardableResult
    public mutating func addArc(
        from tail: Int, to head: Int, capacity: Int64 = FlowNetwork.unbounded,
        cost: Int64, lowerBound: Int64 = 0
    ) throws(OptimiseError) -> Int {
        let index = from.count
        guard (0..<nodeCount).contains(tail), (0..<nodeCount).contains(head) else {
            throw .invalidInput("arc \(index): node out of range 0..<\(nodeCount) (\(tail) → \(head))")
        }
        guard lowerBound >= 0 else { throw .invalidInput("arc \(index): negative lower bound \(lowerBound)") }
        guard capacity >= lowerBound else {
            throw .invalidInput("arc \(index): capacity \(capacity) below lower bound \(lowerBound)")
        }
        guard capacity == FlowNetwork.unbounded || capacity < MinCostFlow.infinity,
            cost.magnitude < UInt64(MinCostFlow.infinity)
        else {
            throw .overflow("arc \(index): capacity or cost beyond ±2^61")
        }
        from.append(Int32(tail))
        to.append(Int32(head))
        self.lowerBound.append(lowerBound)
        self.capacity.append(capacity)
        self.cost.append(cost)
        return index
    }

    /// Reserves storage for `count` arcs.
    public mutating func reserveArcs(_ count: Int) {
        from.reserveCapacity(count); to.reserveCapacity(count); lowerBound.reserveCapacity(count)
        capacity.reserveCapacity(count); cost.reserveCapacity(count)
    }
}
