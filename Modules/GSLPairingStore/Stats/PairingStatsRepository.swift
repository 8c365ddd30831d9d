import GRDB
import GSLCore
import GSLStore

/// Pairing figures over a period: firms and villages paired, money, workshops, jobs and weak
/// villages covered, in total or by the village's county or town.
public struct PairingStatsRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// How figures are grouped.
    public enum Grouping: String, Sendable, CaseIterable {
        /// One line.
        case total
        /// By the village's county.
        case county
        /// By the village's town.
        case town
    }

    /// One line of figures.
    public struct StatsRow: Sendable, Equatable {
        /// Group code (nil for the total) and name.
        public var code: String?, name: String
        /// Firms and villages in a pairing active during the period.
        public var firms = 0, villages = 0
        /// Investment in the period, fen: projects and charity.
        public var projectFen: Int64 = 0, charityFen: Int64 = 0
        /// Workshops opened in the period, their jobs and wages paid (fen).
        public var workshops = 0, jobs = 0, wagesFen: Int64 = 0
        /// Weak villages profiled, and those with a pairing active during the period.
        public var weakVillages = 0, weakPaired = 0

        /// An empty line for a group.
        public init(code: String?, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// Figures for `period`, grouped.
    public func stats(period: Period, by grouping: Grouping) throws(GSLError) -> [StatsRow] {
        try store.read { db in
            let length = grouping == .county ? 6 : grouping == .town ? 9 : 0
            let key = length == 0 ? "''" : "substr(village_code, 1, \(length))"
            let args: StatementArguments = [period.start.iso, period.end.iso]
            var rows: [String: StatsRow] = [:]
            func touch(_ k: String, _ f: (inout StatsRow) -> Void) {
                var r = rows[k] ?? StatsRow(code: k.isEmpty ? nil : k, name: "")
                f(&r)
                rows[k] = r
            }
            let active = "start_date <= ?2 AND (end_date IS NULL OR end_date >= ?1)"
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT \(key) AS k, count(DISTINCT org_id) AS firms, count(DISTINCT village_code) AS villages
                    FROM pairings WHERE \(active) GROUP BY k
                    """, arguments: args)
            {
                touch(r["k"]) {
                    $0.firms = r["firms"]; $0.villages = r["villages"]
                }
            }
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT \(key) AS k, coalesce(sum(CASE WHEN kind = 'project' THEN amount_fen END), 0) AS p,
                           coalesce(sum(CASE WHEN kind = 'charity' THEN amount_fen END), 0) AS c
                    FROM pair_investments WHERE on_date BETWEEN ?1 AND ?2 GROUP BY k
                    """, arguments: args)
            {
                touch(r["k"]) {
                    $0.projectFen = r["p"]; $0.charityFen = r["c"]
                }
            }
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT \(key) AS k, count(*) AS n, sum(jobs) AS jobs, sum(wages_fen) AS wages
                    FROM pair_workshops WHERE opened_on BETWEEN ?1 AND ?2 GROUP BY k
                    """, arguments: args)
            {
                touch(r["k"]) {
                    $0.workshops = r["n"]; $0.jobs = r["jobs"]; $0.wagesFen = r["wages"]
                }
            }
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT \(key) AS k, count(*) AS weak,
                           sum(EXISTS (SELECT 1 FROM pairings p WHERE p.village_code = v.village_code
                               AND p.start_date <= ?2 AND (p.end_date IS NULL OR p.end_date >= ?1))) AS paired
                    FROM pair_villages v WHERE weak = 1 GROUP BY k
                    """, arguments: args)
            {
                touch(r["k"]) {
                    $0.weakVillages = r["weak"]; $0.weakPaired = r["paired"]
                }
            }
            if length == 0 {
                var total = rows[""] ?? StatsRow(code: nil, name: "")
                total.name = "合计"
                return [total]
            }
            let names = Dictionary(
                try Row.fetchAll(
                    db, sql: "SELECT code, name FROM regions WHERE length(code) = ?", arguments: [length]
                ).map {
                    ($0["code"] as String, $0["name"] as String)
                }, uniquingKeysWith: { a, _ in a })
            return rows.values.map { r in
                var r = r
                r.name = names[r.code ?? ""] ?? (r.code ?? "")
                return r
            }.sorted { ($0.code ?? "") < ($1.code ?? "") }
        }
    }
    /// One villagers' committee of a town: its profile (nil when not profiled) and its figures.
    public struct VillageRow: Sendable, Equatable {
        /// Code (12 digits) and name.
        public var code: String, name: String
        /// Profiled as weak (薄弱村); nil when the village has no profile.
        public var weak: Bool?
        /// Collective income (fen) and population, from the profile.
        public var incomeFen: Int64?, population: Int?
        /// Firms in a pairing active during the period.
        public var partners = 0
        /// Workshops opened by the period's end, and their jobs.
        public var workshops = 0, jobs = 0
    }

    /// The villagers' committees (村委会) of the town `town` (9-digit code), by code, with their
    /// profile and the figures of `period`.
    public func villages(town: String, period: Period, limit: Int) throws(GSLError) -> [VillageRow] {
        let code = try DivisionCode(town)
        guard code.level == .town else {
            throw GSLError.data(
                "区划 \(code.rawValue) 不是乡镇（街道）代码", en: "division \(code.rawValue) is not a town code"
            ).because(.invalidDivisionCode)
        }
        return try store.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.code, r.name, v.weak, v.income_fen, v.population,
                           (SELECT count(DISTINCT p.org_id) FROM pairings p WHERE p.village_code = r.code
                               AND p.start_date <= ?3 AND (p.end_date IS NULL OR p.end_date >= ?2)) AS partners,
                           (SELECT count(*) FROM pair_workshops w WHERE w.village_code = r.code AND w.opened_on <= ?3) AS n,
                           (SELECT coalesce(sum(jobs), 0) FROM pair_workshops w WHERE w.village_code = r.code
                               AND w.opened_on <= ?3) AS jobs
                    FROM regions r LEFT JOIN pair_villages v ON v.village_code = r.code
                    WHERE r.parent_code = ?1 ORDER BY r.code
                    """, arguments: [code.rawValue, period.start.iso, period.end.iso])
            var out: [VillageRow] = []
            for r in rows {
                // Only villagers' committees take part (the division code tells them from communities).
                guard out.count < limit, (try? DivisionCode(r["code"]))?.villageKind == .villagersCommittee
                else { continue }
                var row = VillageRow(code: r["code"], name: r["name"])
                row.weak = (r["weak"] as Int64?).map { $0 != 0 }
                row.incomeFen = r["income_fen"]
                row.population = r["population"]
                row.partners = r["partners"]
                row.workshops = r["n"]
                row.jobs = r["jobs"]
                out.append(row)
            }
            return out
        }
    }
}
