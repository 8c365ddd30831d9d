import Foundation
import GRDB
import GSLCore
import GSLPairing
import GSLStore

/// Solving, storing, explaining and applying pairing plans.
public struct PairingPlanRepository: Sendable {
    /// The store.
    public let store: Store
    /// The cost model.
    public let model: PairingCostModel

    /// A repository over `store`.
    public init(store: Store, model: PairingCostModel = .standard) {
        self.store = store
        self.model = model
    }

    /// Solves a plan for the campaign over the selection; stores it (creating the campaign) unless
    /// `dryRun`. An infeasible plan writes nothing.
    public func plan(
        campaign: String, selection: PairingProfileRepository.Selection, bounds: PairingBounds,
        keepNetwork: Bool, dryRun: Bool, context: MutationContext,
        timings: (@Sendable (String, Duration) -> Void)? = nil
    ) throws(GSLError) -> PlanResult {
        var last = ContinuousClock.now
        func lap(_ phase: String) {
            guard let timings else { return }
            let now = ContinuousClock.now
            timings(phase, now - last)
            last = now
        }
        let campaign = try PairingReferences.nonBlank(campaign, Message("活动名称", en: "campaign name"))
        try bounds.validate()
        let (firms, villages) = try store.read { db in
            try PairingProfileRepository(store: store).load(db, selection)
        }
        lap("query")
        let outcome = try PairingPlanner(model: model, bounds: bounds).plan(firms: firms, villages: villages)
        lap("solve")
        let places = try store.read { db in try Self.places(db, villages.map(\.code)) }
        switch outcome {
        case .infeasible(let why):
            return .infeasible(Self.infeasibleView(why, villages: villages, places: places))
        case .plan(let plan):
            let pairs = plan.pairs.map { p -> PlanPairView in
                let f = firms[p.firm], v = villages[p.village]
                let place = places[v.code] ?? ("", "")
                return PlanPairView(
                    firmID: f.id, firmName: f.name, villageCode: v.code, villageName: v.name,
                    county: place.county,
                    town: place.town, weak: v.weak, parts: p.parts)
            }
            var byLevel: [DistanceLevel: Int] = [:]
            for p in plan.pairs { byLevel[p.parts.level, default: 0] += 1 }
            let totals = PlanTotals(
                firms: firms.count, villages: villages.count, firmsUsed: Set(plan.pairs.map(\.firm)).count,
                pairs: plan.pairs.count, objective: plan.objective, byLevel: byLevel,
                weakVillages: Set(plan.pairs.filter { villages[$0.village].weak }.map(\.village)).count,
                fitting: plan.pairs.filter(\.parts.fits).count)
            var id: Int64?
            if !dryRun {
                id = try store.write(context) { m in
                    try Self.store(
                        m, campaign: campaign, bounds: bounds, plan: plan, firms: firms, villages: villages)
                }
            }
            lap("store")
            return .planned(
                PlanView(
                    id: id, campaign: campaign, bounds: bounds, pairs: pairs, totals: totals,
                    network: keepNetwork ? plan.network : nil, candidates: plan.candidates,
                    solves: plan.solves))
        }
    }

    /// County and town names of villages.
    static func places(_ db: Database, _ codes: [String]) throws -> [String: (county: String, town: String)] {
        let names = Dictionary(
            try Row.fetchAll(db, sql: "SELECT code, name FROM regions WHERE length(code) IN (6, 9)").map {
                ($0["code"] as String, $0["name"] as String)
            }, uniquingKeysWith: { a, _ in a })
        var out: [String: (String, String)] = [:]
        for code in codes {
            out[code] = (
                names[String(code.prefix(6))] ?? String(code.prefix(6)),
                names[String(code.prefix(9))] ?? String(code.prefix(9))
            )
        }
        return out
    }

    static func infeasibleView(
        _ why: PairingInfeasibility, villages: [PairingVillage],
        places: [String: (county: String, town: String)]
    ) -> InfeasibleView {
        let uncovered = why.uncovered.map { u -> UncoveredView in
            let v = villages[u.village]
            return UncoveredView(
                code: v.code, name: v.name, county: places[v.code]?.county ?? "", shortfall: u.shortfall,
                reachableFirms: u.reachableFirms, reason: u.reason)
        }
        let listed = uncovered.prefix(5).map { "\($0.name)（\($0.code)）" }.joined(separator: "、")
        let listedEn = uncovered.prefix(5).map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        let more = uncovered.count > 5 ? "等 \(uncovered.count) 个村" : ""
        let moreEn = uncovered.count > 5 ? " and \(uncovered.count - 5) more" : ""
        let error: GSLError
        if uncovered.isEmpty {
            error = GSLError.data(
                "无可行结对方案：村的上限不足以让每家企业达到最少结对数（缺 \(why.firmsShort) 个结对）",
                en:
                    "no feasible pairing plan: the villages' maximums leave \(why.firmsShort) firm pairings short of the firms' minimum"
            ).because(.pairingInfeasible)
        } else {
            error = GSLError.data(
                "无可行结对方案：\(listed)\(more)无法达到最少结对数——能与其结对的企业（\(why.cutFirms.count) 家）最多可结对 \(why.cutCapacity) 个，所涉 \(why.cutVillages.count) 个村至少需要 \(why.cutDemand) 个",
                en:
                    "no feasible pairing plan: \(listedEn)\(moreEn) cannot get their minimum partners — the \(why.cutFirms.count) firms that may pair with them can take \(why.cutCapacity), the \(why.cutVillages.count) villages involved need at least \(why.cutDemand)"
            ).because(.pairingInfeasible)
        }
        return InfeasibleView(uncovered: uncovered, detail: why, error: error)
    }

    static func store(
        _ m: Mutation, campaign: String, bounds: PairingBounds, plan: PairingPlan, firms: [PairingFirm],
        villages: [PairingVillage]
    ) throws -> Int64 {
        var campaignID = try PairingReferences.campaignID(m.db, campaign)
        if campaignID == nil {
            campaignID = try m.insert(
                into: "pair_campaigns", entity: "pair_campaign",
                values: [("name", campaign.databaseValue), ("created_at", m.context.at.databaseValue)])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let boundsJSON = String(decoding: try encoder.encode(bounds), as: UTF8.self)
        let id = try m.insert(
            into: "pair_plans", entity: "pair_plan",
            values: [
                ("campaign_id", campaignID!.databaseValue), ("state", PlanState.draft.rawValue.databaseValue),
                ("bounds", boundsJSON.databaseValue), ("objective", plan.objective.databaseValue),
                ("firms", firms.count.databaseValue), ("villages", villages.count.databaseValue),
                ("pairs", plan.pairs.count.databaseValue), ("candidates", plan.candidates.databaseValue),
                ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
            ])
        func row(_ j: Int, _ i: Int, _ parts: PairingCostParts, chosen: Bool, extra: Int64?)
            -> [DatabaseValue]
        {
            [
                id.databaseValue, villages[j].code.databaseValue, firms[i].id.databaseValue,
                (chosen ? 1 : 0).databaseValue,
                parts.level.rawValue.databaseValue, parts.base.databaseValue, parts.distance.databaseValue,
                (parts.fits ? 1 : 0).databaseValue, parts.fit.databaseValue, parts.priority.databaseValue,
                parts.total.databaseValue, extra.databaseValue,
            ]
        }
        var rows = plan.pairs.map { row($0.village, $0.firm, $0.parts, chosen: true, extra: nil) }
        for (j, next) in plan.nextBest.enumerated() {
            if let next { rows.append(row(j, next.firm, next.parts, chosen: false, extra: next.extraCost)) }
        }
        try m.writeRows(
            into: "pair_plan_rows", entity: "pair_plan_rows", entityID: "plan-\(id)",
            columns: [
                "plan_id", "village_code", "org_id", "chosen", "level", "base", "distance", "fits", "fit",
                "priority",
                "cost", "extra_cost",
            ], rows: rows)
        return id
    }

    static func planRow(_ db: Database, _ id: Int64) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM pair_plans WHERE id = ?", arguments: [id])
        else {
            throw GSLError.notFound("未找到结对方案 #\(id)", en: "no pairing plan #\(id)").because(
                .pairingPlanNotFound)
        }
        return row
    }

    static func parts(_ row: Row) -> PairingCostParts {
        PairingCostParts(
            base: row["base"], level: DistanceLevel(rawValue: row["level"]) ?? .elsewhere,
            distance: row["distance"],
            fits: row["fits"] as Int64 == 1, fit: row["fit"], priority: row["priority"])
    }

    /// Why a village got its partners in plan `id`, and the next-best partner.
    public func explain(plan id: Int64, village: String) throws(GSLError) -> ExplainView {
        try store.read { db in
            let plan = try Self.planRow(db, id)
            let (code, name) = try PairingReferences.village(db, village)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, o.name AS firm_name FROM pair_plan_rows r JOIN organisations o ON o.id = r.org_id
                    WHERE r.plan_id = ? AND r.village_code = ? ORDER BY r.chosen DESC, r.cost, r.org_id
                    """, arguments: [id, code])
            guard rows.contains(where: { $0["chosen"] as Int64 == 1 }) else {
                throw GSLError.notFound(
                    "村 \(name)（\(code)）不在方案 #\(id) 中", en: "village \(name) (\(code)) is not in plan #\(id)"
                )
                .because(.pairingVillageNotInPlan)
            }
            let profile = try Row.fetchOne(
                db, sql: "SELECT weak, income_fen, needs FROM pair_villages WHERE village_code = ?",
                arguments: [code])
            let toRow: (Row) -> ExplainRow = {
                ExplainRow(
                    firmID: $0["org_id"], firmName: $0["firm_name"], parts: Self.parts($0),
                    extraCost: $0["extra_cost"])
            }
            return ExplainView(
                plan: id, state: PlanState(rawValue: plan["state"]) ?? .draft, villageCode: code,
                villageName: name,
                weak: (profile?["weak"] as Int64?) == 1, incomeFen: profile?["income_fen"] ?? 0,
                needs: profile?["needs"] ?? "",
                partners: rows.filter { $0["chosen"] as Int64 == 1 }.map(toRow),
                nextBest: rows.first { $0["chosen"] as Int64 == 0 }.map(toRow))
        }
    }

    /// Turns a draft plan into pairings starting `day`; returns how many were made. A pair that is
    /// already active is kept as it is (counted in `kept`).
    public func apply(plan id: Int64, on day: LocalDate, context: MutationContext) throws(GSLError) -> (
        made: Int, kept: Int
    ) {
        try store.write(context) { m in
            let plan = try Self.planRow(m.db, id)
            guard plan["state"] as String == PlanState.draft.rawValue else {
                throw GSLError.conflict(
                    "结对方案 #\(id) 已于 \(plan["applied_on"] as String? ?? "") 实施",
                    en: "pairing plan #\(id) was already applied on \(plan["applied_on"] as String? ?? "")"
                )
                .because(.pairingPlanApplied)
            }
            let rows = try Row.fetchAll(
                m.db,
                sql:
                    "SELECT org_id, village_code FROM pair_plan_rows WHERE plan_id = ? AND chosen = 1 ORDER BY village_code, org_id",
                arguments: [id])
            var made = 0, kept = 0
            for r in rows {
                let org: Int64 = r["org_id"], village: String = r["village_code"]
                if try Bool.fetchOne(
                    m.db,
                    sql: "SELECT 1 FROM pairings WHERE org_id = ? AND village_code = ? AND end_date IS NULL",
                    arguments: [org, village]) == true
                {
                    kept += 1
                    continue
                }
                try m.insert(
                    into: "pairings", entity: "pairing",
                    values: [
                        ("campaign_id", (plan["campaign_id"] as Int64).databaseValue),
                        ("plan_id", id.databaseValue),
                        ("org_id", org.databaseValue), ("village_code", village.databaseValue),
                        ("start_date", day.iso.databaseValue), ("created_at", m.context.at.databaseValue),
                        ("updated_at", m.context.at.databaseValue),
                    ])
                made += 1
            }
            try m.update(
                table: "pair_plans", entity: "pair_plan", key: id.databaseValue,
                expectedVersion: plan["version"],
                changes: [
                    ("state", PlanState.applied.rawValue.databaseValue),
                    ("applied_on", day.iso.databaseValue),
                ])
            return (made, kept)
        }
    }
}
