import GSLCore
import GSLPairing

/// One pair of a plan as shown: firm, village and the pair's cost parts.
public struct PlanPairView: Sendable {
    /// Firm id and name.
    public let firmID: Int64, firmName: String
    /// Village code and name, county and town names.
    public let villageCode: String, villageName: String, county: String, town: String
    /// Whether the village is weak.
    public let weak: Bool
    /// Cost parts.
    public let parts: PairingCostParts
}

/// Totals of a plan.
public struct PlanTotals: Sendable {
    /// Firms and villages given to the planner, firms used, pairs, total cost.
    public let firms: Int, villages: Int, firmsUsed: Int, pairs: Int, objective: Int64
    /// Pairs by distance level, weak villages in the plan, pairs whose industry fits.
    public let byLevel: [DistanceLevel: Int], weakVillages: Int, fitting: Int
}

/// A solved plan: its number (nil for a dry run), pairs, totals, and the network for export.
public struct PlanView: Sendable {
    /// Stored plan number; nil when not stored.
    public let id: Int64?
    /// The campaign.
    public let campaign: String
    /// The bounds it was solved with.
    public let bounds: PairingBounds
    /// The pairs.
    public let pairs: [PlanPairView]
    /// Totals.
    public let totals: PlanTotals
    /// The network solved (labels, arcs, flows) and the solver's counts.
    public let network: PairingNetwork?
    /// Candidates per side of the last network (0: full); solves made.
    public let candidates: Int, solves: Int
}

/// A village that no plan can cover, with names.
public struct UncoveredView: Sendable {
    /// Code, name, county name.
    public let code: String, name: String, county: String
    /// Partners missing; firms allowed to pair with it.
    public let shortfall: Int64, reachableFirms: Int
    /// Why.
    public let reason: PairingInfeasibility.Reason
}

/// Why no plan exists, with names, and the error the command exits with.
public struct InfeasibleView: Sendable {
    /// The villages left short.
    public let uncovered: [UncoveredView]
    /// The certificate and totals.
    public let detail: PairingInfeasibility
    /// The error to exit with (`pairing.infeasible`, exit 65).
    public let error: GSLError
}

/// What `plan` produced.
public enum PlanResult: Sendable {
    /// A plan (stored unless a dry run).
    case planned(PlanView)
    /// No plan; nothing written.
    case infeasible(InfeasibleView)
}

/// Why a village got its partners in a stored plan, and its next-best partner.
public struct ExplainView: Sendable {
    /// Plan number and state.
    public let plan: Int64, state: PlanState
    /// Village code, name, weak flag, income (fen), needs.
    public let villageCode: String, villageName: String, weak: Bool, incomeFen: Int64, needs: String
    /// Its partners in the plan.
    public let partners: [ExplainRow]
    /// The next-best partner (nil when no other firm may pair with it).
    public let nextBest: ExplainRow?
}

/// One firm in an explanation.
public struct ExplainRow: Sendable {
    /// Firm id and name.
    public let firmID: Int64, firmName: String
    /// Cost parts.
    public let parts: PairingCostParts
    /// For the next-best partner: how much the plan's total would rise at least if it were forced in.
    public let extraCost: Int64?
}
