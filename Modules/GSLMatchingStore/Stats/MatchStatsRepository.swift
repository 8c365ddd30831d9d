import GRDB
import GSLCore
import GSLMatching
import GSLStore

/// Matching outcomes by period: proposals, introductions, deals, amounts, conversion, firms helped.
public struct MatchStatsRepository: Sendable {
    /// The store (with `MatchingSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// One row per kind with any activity in `period` (only `kind` when given), then the total.
    public func stats(period: Period, kind: PostingKind?) throws(GSLError) -> [MatchStats] {
        let kinds = kind.map { [$0] } ?? PostingKind.allCases
        return try store.read { db in
            var rows: [MatchStats] = []
            for k in kinds {
                let s = try Self.stats(db, period: period, kind: k)
                if kind != nil || s.proposals + s.introductions + s.deals + s.failures > 0 { rows.append(s) }
            }
            if kind == nil { rows.append(try Self.stats(db, period: period, kind: nil)) }
            return rows
        }
    }

    static func stats(_ db: Database, period: Period, kind: PostingKind?) throws -> MatchStats {
        let args: StatementArguments = [period.start.iso, period.end.iso, kind?.rawValue]
        let inKind = "(?3 IS NULL OR mp.kind = ?3)"
        let proposals =
            try Int.fetchOne(
                db,
                sql:
                    "SELECT count(*) FROM match_proposals mp WHERE mp.proposed_on BETWEEN ?1 AND ?2 AND \(inKind)",
                arguments: args) ?? 0
        func steps(_ step: MatchStep) throws -> Int {
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM match_events e JOIN match_proposals mp ON mp.id = e.proposal_id
                    WHERE e.step = ?4 AND e.on_date BETWEEN ?1 AND ?2 AND \(inKind)
                    """, arguments: args + [step.rawValue]) ?? 0
        }
        let deals = try Row.fetchOne(
            db,
            sql: """
                SELECT count(*) AS n, coalesce(sum(deal_amount_fen), 0) AS fen, coalesce(sum(hires), 0) AS hires
                FROM match_proposals mp WHERE mp.state = ?4 AND mp.deal_on BETWEEN ?1 AND ?2 AND \(inKind)
                """, arguments: args + [MatchState.deal.rawValue])!
        let firms =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT org) FROM (
                        SELECT p.org_id AS org FROM match_proposals mp JOIN match_postings p
                            ON p.id = mp.demand_id OR p.id = mp.supply_id
                        WHERE mp.state = ?4 AND mp.deal_on BETWEEN ?1 AND ?2 AND \(inKind))
                    """, arguments: args + [MatchState.deal.rawValue]) ?? 0
        let n: Int = deals["n"]
        return MatchStats(
            kind: kind, proposals: proposals, introductions: try steps(.introduce), deals: n,
            failures: try steps(.fail), amount: Money(fen: deals["fen"]), hires: deals["hires"],
            conversion: proposals > 0 ? Double(n) / Double(proposals) : nil, firmsHelped: firms)
    }
}
