import Foundation
import GRDB
import GSLCore
import GSLPolicy
import GSLStore

extension PolicyPanelRepository {
    /// What to build a panel from.
    public struct Selection: Sendable {
        /// The policy (nil: the only one recorded).
        public var policy: String?
        /// The outcome.
        public var outcome: PanelVariable
        /// Covariates, taken from each firm's first panel year (before any adoption).
        public var covariates: [PanelVariable]

        /// A selection.
        public init(policy: String?, outcome: PanelVariable, covariates: [PanelVariable] = []) {
            self.policy = policy
            self.outcome = outcome
            self.covariates = covariates
        }
    }

    /// A panel drawn from the store, with the firms' names and a hash of everything it holds.
    public struct Loaded: Sendable {
        /// The panel (firms keyed by USCC, or `#id` without one).
        public let panel: Panel
        /// The policy.
        public let policy: String
        /// Firm names by key.
        public let names: [String: String]
        /// SHA-256 over the observations, cohorts and covariates.
        public let inputHash: String
    }

    /// The policy named, or the only one recorded.
    static func policy(_ db: Database, _ name: String?) throws -> String {
        let all = try String.fetchAll(
            db, sql: "SELECT DISTINCT policy FROM policy_treatments ORDER BY policy")
        if let name {
            guard all.contains(name) else {
                throw GSLError.notFound(
                    "没有政策「\(name)」的受惠企业记录（已有：\(all.joined(separator: "、"))）",
                    en:
                        "no recipients recorded for policy '\(name)' (recorded: \(all.joined(separator: ", ")))"
                ).because(.policyNotFound)
            }
            return name
        }
        guard all.count == 1 else {
            throw GSLError(
                all.isEmpty ? .notFound : .usage,
                all.isEmpty
                    ? Message("库中没有政策受惠记录", en: "no policy recipients are recorded")
                    : Message(
                        "库中有多项政策（\(all.joined(separator: "、"))），请指定一项",
                        en: "several policies are recorded (\(all.joined(separator: ", "))); name one")
            ).because(.policyNotFound)
        }
        return all[0]
    }

    /// Builds the panel of `selection`.
    public func panel(_ selection: Selection) throws(GSLError) -> Loaded {
        try store.read { db in
            let policy = try Self.policy(db, selection.policy)
            var cohortByOrg: [Int64: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT org_id, first_year FROM policy_treatments WHERE policy = ?",
                arguments: [policy])
            {
                cohortByOrg[row[0]] = row[1]
            }
            var firms: [String] = [], orgIndex: [Int64: Int] = [:], names: [String: String] = [:]
            var cohort: [Int?] = []
            var observations: [(firm: Int, year: Int, value: Double)] = []
            var hasher = GSLCore.SHA256()
            hasher.update("policy=\(policy);outcome=\(selection.outcome.rawValue)\n")
            var buffer: [UInt8] = []
            buffer.reserveCapacity(65_600)
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT o.org_id, g.uscc, g.name, o.year, o.value FROM policy_observations o
                    JOIN organisations g ON g.id = o.org_id
                    WHERE o.variable = ? ORDER BY o.org_id, o.year
                    """, arguments: [selection.outcome.rawValue])
            while let row = try cursor.next() {
                let org: Int64 = row[0]
                let f: Int
                if let known = orgIndex[org] {
                    f = known
                } else {
                    f = firms.count
                    orgIndex[org] = f
                    let key = (row[1] as String?) ?? "#\(org)"
                    firms.append(key)
                    names[key] = row[2]
                    cohort.append(cohortByOrg[org])
                    hasher.update("\(key):\(cohortByOrg[org].map(String.init) ?? "-")\n")
                }
                let year: Int = row[3], value: Double = row[4]
                observations.append((f, year, value))
                // Firm number, year and the value's bits, little-endian, hashed in 64 KiB pieces.
                for word in [UInt64(f), UInt64(year), value.bitPattern] {
                    withUnsafeBytes(of: word.littleEndian) { buffer.append(contentsOf: $0) }
                }
                if buffer.count >= 65_536 {
                    hasher.update(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            hasher.update(buffer)
            guard !observations.isEmpty else {
                throw GSLError.notFound(
                    "库中没有\(selection.outcome.chinese)的面板数据",
                    en: "no panel data for \(selection.outcome.rawValue)"
                ).because(.policyNoObservations)
            }
            var covariates: [[Double]] = []
            if !selection.covariates.isEmpty {
                let first = observations.map(\.year).min()!
                covariates = [[Double]](
                    repeating: [Double](repeating: .nan, count: selection.covariates.count),
                    count: firms.count)
                for (j, v) in selection.covariates.enumerated() {
                    for row in try Row.fetchAll(
                        db,
                        sql: "SELECT org_id, value FROM policy_observations WHERE variable = ? AND year = ?",
                        arguments: [v.rawValue, first])
                    {
                        if let f = orgIndex[row[0]] { covariates[f][j] = row[1] }
                    }
                }
                let missing = (0..<firms.count).filter { covariates[$0].contains { $0.isNaN } }
                if !missing.isEmpty {
                    let list = missing.prefix(10).map { firms[$0] }
                    throw GSLError.data(
                        "协变量取面板首年（\(first)）的值，以下企业缺值：\(list.joined(separator: "、"))\(missing.count > 10 ? " 等 \(missing.count) 家" : "")",
                        en:
                            "covariates are taken from the panel's first year (\(first)); firms without a value: \(list.joined(separator: ", "))\(missing.count > 10 ? " and \(missing.count - 10) more" : "")"
                    ).because(.policyUnbalancedPanel)
                }
                for f in 0..<firms.count {
                    hasher.update("x\(f):\(covariates[f].map { String($0) }.joined(separator: ","))\n")
                }
            }
            let panel = try Panel(
                firms: firms, observations: observations, cohort: cohort,
                covariateNames: selection.covariates.map(\.rawValue), covariates: covariates)
            return Loaded(
                panel: panel, policy: policy, names: names,
                inputHash: GSLCore.SHA256.hexString(hasher.finalize()))
        }
    }
}
