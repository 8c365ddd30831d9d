import GRDB
import GSLCasework
import GSLCore
import GSLStore

/// 三率 (response, resolution, satisfaction) of requests, counted by SQLite from the latest
/// callback kept on each request's row.
public struct CaseRateRepository: Sendable {
    /// The store (with `CaseSchema.migrations`).
    public let store: Store
    /// The weights of the composite.
    public var weights: RateWeights

    /// A repository over `store` with `weights`.
    public init(store: Store, weights: RateWeights = .standard) {
        self.store = store
        self.weights = weights
    }

    /// How to group service rates.
    public enum RateGrouping: String, Sendable, CaseIterable {
        /// By lead department.
        case department
        /// By the enterprise's county.
        case county
        /// By category.
        case category
    }

    /// 响应率/解决率/满意率 and the composite per group, over requests opened in `period` (all when nil).
    /// The counting is done by SQLite (one pass, grouped); the rates follow `ServiceRates`' definitions.
    public func rates(by grouping: RateGrouping, period: Period?) throws(GSLError) -> [(String, ServiceRates)]
    {
        let weights = self.weights
        let key: String
        let join: String
        switch grouping {
        case .department: (key, join) = ("c.lead_department", "")
        case .county:
            (key, join) = (
                "coalesce(substr(o.region_code, 1, 6), '（未知）')", "JOIN organisations o ON o.id = c.org_id"
            )
        case .category: (key, join) = ("c.category", "")
        }
        let rows = try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(key) AS k, count(*) AS cases,
                       count(*) FILTER (WHERE c.cb_valid = 1) AS valid,
                       count(*) FILTER (WHERE c.cb_valid = 1 AND c.cb_contacted = 1) AS contacted,
                       count(*) FILTER (WHERE c.cb_valid = 1 AND c.cb_solved = 1) AS solved,
                       count(*) FILTER (WHERE c.cb_valid = 1 AND c.cb_satisfaction = 'satisfied') AS satisfied,
                       count(*) FILTER (WHERE c.cb_valid = 1 AND c.cb_satisfaction = 'basically_satisfied') AS basically,
                       count(*) FILTER (WHERE c.cb_valid = 1 AND c.cb_satisfaction = 'unsatisfied') AS unsatisfied
                    FROM cases c \(join)
                    WHERE \(CaseSQL.counted) AND (?1 IS NULL OR (c.opened_on >= ?1 AND c.opened_on <= ?2))
                    GROUP BY k ORDER BY k
                    """, arguments: [period?.start.iso, period?.end.iso])
        }
        return rows.map { row in
            (
                (row["k"] as String?) ?? "（未交办）",
                ServiceRates(
                    cases: row["cases"], validCallbacks: row["valid"], contacted: row["contacted"],
                    solved: row["solved"],
                    satisfied: row["satisfied"], basicallySatisfied: row["basically"],
                    unsatisfied: row["unsatisfied"],
                    weights: weights)
            )
        }
    }
}
