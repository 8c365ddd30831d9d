import GSLOptimise

/// An optimal pairing plan: who pairs with whom, each pair's cost parts, and per village the
/// best partner it did not get.
public struct PairingPlan: Sendable {
    /// One pair of the plan.
    public struct Pair: Sendable, Equatable {
        /// Index into the firms given to the planner.
        public let firm: Int
        /// Index into the villages given to the planner.
        public let village: Int
        /// Its cost by part.
        public let parts: PairingCostParts
    }

    /// The partner a village came closest to getting.
    public struct NextBest: Sendable, Equatable {
        /// Index of the firm.
        public let firm: Int
        /// The pair's own cost by part.
        public let parts: PairingCostParts
        /// How much the plan's total would rise at least if this pair were forced in (its reduced
        /// cost against the optimum's potentials; 0 means an equally good plan has it).
        public let extraCost: Int64
    }

    /// The pairs, by village then firm.
    public let pairs: [Pair]
    /// The total cost.
    public let objective: Int64
    /// Per village (planner order): the next-best partner, nil when no other firm may pair with it.
    public let nextBest: [NextBest?]
    /// The network solved last (the candidate network), with node labels, for export.
    public let network: PairingNetwork
    /// Candidates per side the last network was built from (0: the full network).
    public let candidates: Int
    /// How many times the network was solved (widening and pricing rounds included).
    public let solves: Int
}

/// The flow network of a plan, with a label per node (`source`, `sink`, `firm:ID`,
/// `village:CODE`) so that it can be solved elsewhere.
public struct PairingNetwork: Sendable {
    /// The network.
    public let flow: FlowNetwork
    /// One label per node.
    public let labels: [String]
    /// Arc flows of the optimum (empty when infeasible).
    public let flows: [Int64]
}

/// Why no plan exists: the villages left short in a largest feasible pairing, with the reason.
public struct PairingInfeasibility: Sendable, Equatable {
    /// Why a village cannot be covered.
    public enum Reason: String, Sendable, Equatable, Codable {
        /// No selected firm may pair with it (none within the allowed distance).
        case noFirmWithinReach = "no-firm-within-reach"
        /// Fewer firms may pair with it than its minimum (each pair counts once).
        case tooFewFirms = "too-few-firms"
        /// The firms that may pair with it are needed in full by it and its neighbours.
        case firmsFull = "firms-full"
    }

    /// A village that cannot get its minimum.
    public struct Uncovered: Sendable, Equatable {
        /// Index into the villages.
        public let village: Int
        /// Partners missing.
        public let shortfall: Int64
        /// Firms allowed to pair with it.
        public let reachableFirms: Int
        /// Why.
        public let reason: Reason
    }

    /// The villages left short.
    public let uncovered: [Uncovered]
    /// Firms whose minimum number of villages cannot be met (when villages are too few).
    public let firmsShort: Int64
    /// Villages in the certificate cut: together they need more partners than can reach them.
    public let cutVillages: [Int]
    /// Firms allowed to pair with a village of the cut.
    public let cutFirms: [Int]
    /// The partners the cut needs at least (lower bounds of the arcs leaving it).
    public let cutDemand: Int64
    /// The most that can reach the cut (capacities of the arcs entering it: each allowed pair once,
    /// each firm within its capacity).
    public let cutCapacity: Int64
    /// Minimum partners of all villages together.
    public let totalMinimum: Int64
    /// Capacity of all firms together (capped by the maximum per firm).
    public let totalCapacity: Int64
}

/// A plan, or why there is none.
public enum PairingOutcome: Sendable {
    /// An optimal plan.
    case plan(PairingPlan)
    /// No feasible plan.
    case infeasible(PairingInfeasibility)
}
