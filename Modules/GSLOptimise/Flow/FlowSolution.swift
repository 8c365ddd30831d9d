/// An optimal flow with its cost and node potentials.
///
/// Optimality certificate: with `reduced = cost[a] + potential[from] - potential[to]`, every arc
/// with flow below its capacity has `reduced >= 0` and every arc with flow above its lower bound
/// has `reduced <= 0`.
public struct FlowSolution: Sendable, Equatable {
    /// Flow on each arc, in arc order.
    public let flows: [Int64]
    /// Potential of each node.
    public let potentials: [Int64]
    /// Total cost: the sum of flow × cost.
    public let cost: Int64
}
