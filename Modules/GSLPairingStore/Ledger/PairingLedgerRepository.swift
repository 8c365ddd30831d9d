import GRDB
import GSLCore
import GSLPairing
import GSLStore

/// Pairings (结对) made by hand or from plans, their ends (history is kept), and the ledgers of
/// investments and 共富工坊 workshops.
public struct PairingLedgerRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// Pairs a firm with a village from `day` in a campaign (created when new); returns its id.
    public func add(
        organisation: String, village: String, campaign: String, on day: LocalDate, context: MutationContext
    ) throws(GSLError) -> Int64 {
        let campaign = try PairingReferences.nonBlank(campaign, Message("活动名称", en: "campaign name"))
        return try store.write(context) { m in
            let org = try PairingReferences.enterprise(m.db, organisation)
            let (code, name) = try PairingReferences.village(m.db, village)
            if let existing = try Int64.fetchOne(
                m.db,
                sql: "SELECT id FROM pairings WHERE org_id = ? AND village_code = ? AND end_date IS NULL",
                arguments: [org.id, code])
            {
                throw GSLError.conflict(
                    "「\(org.name)」已与\(name)结对（#\(existing)）",
                    en: "'\(org.name)' is already paired with \(name) (#\(existing))"
                ).because(.pairingExists)
            }
            var campaignID = try PairingReferences.campaignID(m.db, campaign)
            if campaignID == nil {
                campaignID = try m.insert(
                    into: "pair_campaigns", entity: "pair_campaign",
                    values: [("name", campaign.databaseValue), ("created_at", m.context.at.databaseValue)])
            }
            return try m.insert(
                into: "pairings", entity: "pairing",
                values: [
                    ("campaign_id", campaignID!.databaseValue), ("org_id", org.id.databaseValue),
                    ("village_code", code.databaseValue), ("start_date", day.iso.databaseValue),
                    ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
                ])
        }
    }

    /// Ends the active pairing `id` on `day` with a reason; the row stays as history.
    public func end(pairing id: Int64, on day: LocalDate, reason: String?, context: MutationContext)
        throws(GSLError)
    {
        try store.write(context) { m in
            guard
                let row = try Row.fetchOne(
                    m.db, sql: "SELECT start_date, version FROM pairings WHERE id = ? AND end_date IS NULL",
                    arguments: [id])
            else {
                throw GSLError.notFound("没有进行中的结对 #\(id)", en: "no active pairing #\(id)").because(
                    .pairingNotFound)
            }
            let start: String = row["start_date"]
            guard day.iso >= start else {
                throw GSLError.data(
                    "结束日期 \(day.iso) 早于结对开始日期 \(start)",
                    en: "end date \(day.iso) is before the pairing's start \(start)"
                ).because(.pairingValueInvalid)
            }
            try m.update(
                table: "pairings", entity: "pairing", key: id.databaseValue, expectedVersion: row["version"],
                changes: [("end_date", day.iso.databaseValue), ("end_reason", reason.databaseValue)])
        }
    }

    /// A pairing as listed.
    public struct PairingRow: Sendable {
        /// Id, campaign, plan, firm (name and id), village, dates, end reason.
        public let id: Int64, campaign: String, plan: Int64?, firm: String, firmID: Int64,
            villageCode: String,
            village: String,
            start: String, end: String?, endReason: String?
    }

    /// Pairings, active ones only unless `history`; optionally of one campaign, firm or village.
    public func list(campaign: String?, organisation: String?, village: String?, history: Bool, limit: Int)
        throws(GSLError) -> [PairingRow]
    {
        try store.read { db in
            let campaignID = try campaign.map { try PairingReferences.existingCampaign(db, $0) }
            let orgID = try organisation.map { try PairingReferences.enterprise(db, $0).id }
            let code = try village.map { try PairingReferences.village(db, $0).code }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, c.name AS campaign, p.plan_id, o.name AS firm, p.org_id, p.village_code, r.name AS village,
                           p.start_date, p.end_date, p.end_reason
                    FROM pairings p JOIN pair_campaigns c ON c.id = p.campaign_id JOIN organisations o ON o.id = p.org_id
                    JOIN regions r ON r.code = p.village_code
                    WHERE (?1 IS NULL OR p.campaign_id = ?1) AND (?2 IS NULL OR p.org_id = ?2)
                      AND (?3 IS NULL OR p.village_code = ?3) AND (?4 = 1 OR p.end_date IS NULL)
                    ORDER BY p.village_code, p.start_date, p.id LIMIT ?5
                    """, arguments: [campaignID, orgID, code, history ? 1 : 0, limit]
            ).map {
                PairingRow(
                    id: $0["id"], campaign: $0["campaign"], plan: $0["plan_id"], firm: $0["firm"],
                    firmID: $0["org_id"], villageCode: $0["village_code"], village: $0["village"],
                    start: $0["start_date"],
                    end: $0["end_date"],
                    endReason: $0["end_reason"])
            }
        }
    }

    /// Records an investment of a firm in a village (project or charity); returns its id.
    public func invest(
        organisation: String, village: String, kind: InvestmentKind, amount: String, on day: LocalDate,
        project: String?, context: MutationContext
    ) throws(GSLError) -> Int64 {
        let money = try PairingReferences.positiveAmount(amount, Message("投资金额", en: "investment amount"))
        return try store.write(context) { m in
            let org = try PairingReferences.enterprise(m.db, organisation)
            let (code, _) = try PairingReferences.village(m.db, village)
            return try m.insert(
                into: "pair_investments", entity: "pair_investment",
                values: [
                    ("org_id", org.id.databaseValue), ("village_code", code.databaseValue),
                    ("kind", kind.rawValue.databaseValue), ("amount_fen", money.fen.databaseValue),
                    ("on_date", day.iso.databaseValue), ("project", project.databaseValue),
                    ("created_at", m.context.at.databaseValue),
                ])
        }
    }

    /// A workshop as typed.
    public struct WorkshopDraft: Sendable {
        /// Village, sponsoring firm, name, kind, opening day, jobs, wages paid (amount text).
        public var village: String, organisation: String, name: String, kind: WorkshopKind, opened: LocalDate,
            jobs: Int, wages: String

        /// A workshop.
        public init(
            village: String, organisation: String, name: String, kind: WorkshopKind, opened: LocalDate,
            jobs: Int,
            wages: String
        ) {
            self.village = village
            self.organisation = organisation
            self.name = name
            self.kind = kind
            self.opened = opened
            self.jobs = jobs
            self.wages = wages
        }
    }

    /// Records a 共富工坊; returns its id.
    public func addWorkshop(_ w: WorkshopDraft, context: MutationContext) throws(GSLError) -> Int64 {
        let name = try PairingReferences.nonBlank(w.name, Message("工坊名称", en: "workshop name"))
        let wages = try PairingReferences.nonNegativeAmount(w.wages, Message("工资", en: "wages"))
        guard w.jobs >= 0 else {
            throw GSLError.data("就业人数不能为负数：\(w.jobs)", en: "jobs must not be negative: \(w.jobs)")
                .because(.pairingValueInvalid)
        }
        return try store.write(context) { m in
            let org = try PairingReferences.enterprise(m.db, w.organisation)
            let (code, _) = try PairingReferences.village(m.db, w.village)
            return try m.insert(
                into: "pair_workshops", entity: "pair_workshop",
                values: [
                    ("village_code", code.databaseValue), ("org_id", org.id.databaseValue),
                    ("name", name.databaseValue),
                    ("kind", w.kind.rawValue.databaseValue), ("opened_on", w.opened.iso.databaseValue),
                    ("jobs", w.jobs.databaseValue), ("wages_fen", wages.fen.databaseValue),
                    ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
                ])
        }
    }

    /// A workshop as listed.
    public struct WorkshopRow: Sendable {
        /// Id, name, kind, village, firm, opening day, jobs, wages (fen).
        public let id: Int64, name: String, kind: WorkshopKind, village: String, firm: String, opened: String,
            jobs: Int, wagesFen: Int64
    }

    /// Workshops, by opening day; of one village (its 12-digit code) when given.
    public func workshops(village: String? = nil, limit: Int) throws(GSLError) -> [WorkshopRow] {
        try store.read { db in
            let code = try village.map { try PairingReferences.village(db, $0).code }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT w.id, w.name, w.kind, r.name AS village, o.name AS firm, w.opened_on, w.jobs, w.wages_fen
                    FROM pair_workshops w JOIN regions r ON r.code = w.village_code JOIN organisations o ON o.id = w.org_id
                    WHERE ?1 IS NULL OR w.village_code = ?1
                    ORDER BY w.opened_on, w.id LIMIT ?2
                    """, arguments: [code, limit]
            ).map {
                WorkshopRow(
                    id: $0["id"], name: $0["name"], kind: WorkshopKind(rawValue: $0["kind"]) ?? .other,
                    village: $0["village"],
                    firm: $0["firm"], opened: $0["opened_on"], jobs: $0["jobs"], wagesFen: $0["wages_fen"])
            }
        }
    }
}
