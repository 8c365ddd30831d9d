import Foundation
import GRDB
import GSLCasework
import GSLCore
import GSLStore
import GSLTabular

/// Campaigns (走企连心, 问千家进百企) with their target enterprises, and the visits staff log.
public struct VisitRepository: Sendable {
    /// The store (with `CaseSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Creates a campaign for `period` (inclusive dates).
    public func addCampaign(
        name: String, from start: LocalDate, to end: LocalDate, note: String?,
        context: MutationContext
    ) throws(GSLError) -> Int64 {
        let name = try Self.nonBlank(name, Message("活动名称", en: "campaign name"))
        guard end >= start else {
            throw GSLError.data(
                "结束日期 \(end.iso) 早于开始日期 \(start.iso)",
                en: "end date \(end.iso) is before start date \(start.iso)")
        }
        return try store.write(context) { m in
            if try Int64.fetchOne(m.db, sql: "SELECT id FROM campaigns WHERE name = ?", arguments: [name])
                != nil
            {
                throw GSLError.conflict("活动「\(name)」已存在", en: "campaign '\(name)' already exists")
            }
            return try m.insert(
                into: "campaigns", entity: "campaign",
                values: [
                    ("name", name.databaseValue), ("start_date", start.iso.databaseValue),
                    ("end_date", end.iso.databaseValue),
                    ("note", note.databaseValue), ("created_at", m.context.at.databaseValue),
                ])
        }
    }

    static func campaignID(_ db: Database, _ reference: String) throws -> Int64 {
        if let id = Int64(reference),
            try Int64.fetchOne(db, sql: "SELECT id FROM campaigns WHERE id = ?", arguments: [id]) != nil
        {
            return id
        }
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM campaigns WHERE name = ?", arguments: [reference])
        else {
            throw GSLError.notFound("未找到活动「\(reference)」", en: "no campaign '\(reference)'")
                .because(.campaignNotFound)
        }
        return id
    }

    /// Adds target enterprises (ids, USCCs or names, and/or the rows of a file with a 统一社会信用代码 or
    /// 名称 column) to a campaign in one transaction; returns how many were new.
    public func addTargets(
        campaign: String, organisations: [String], file: ImportOptions?,
        context: MutationContext
    ) throws(GSLError) -> Int {
        var references: [(String, SourceLocation?)] = organisations.map { ($0, nil) }
        if let file {
            let input = try ImportSupport(
                file,
                fields: [
                    FieldSpec(
                        "org", aliases: ["统一社会信用代码", "企业", "企业名称", "名称", "uscc", "name", "enterprise"],
                        required: true)
                ])
            for row in input.file.rows {
                let reader = input.reader(row)
                references.append(
                    (
                        try reader.required("org", label: Message("企业", en: "enterprise")),
                        reader.location("org")
                    ))
            }
        }
        return try store.write(context) { m -> Int in
            let campaignID = try Self.campaignID(m.db, campaign)
            var added = 0
            for (reference, location) in references {
                let org: Organisation
                do {
                    org = try Self.enterprise(m.db, reference)
                } catch let error as GSLError {
                    throw location.map { error.at($0) } ?? error
                }
                let exists =
                    try Bool.fetchOne(
                        m.db, sql: "SELECT 1 FROM campaign_targets WHERE campaign_id = ? AND org_id = ?",
                        arguments: [campaignID, org.id]) ?? false
                if exists { continue }
                try m.insert(
                    into: "campaign_targets", entity: "campaign_target",
                    values: [
                        ("campaign_id", campaignID.databaseValue), ("org_id", org.id.databaseValue),
                    ], key: "\(campaignID):\(org.id)")
                added += 1
            }
            return added
        }
    }

    /// The fields of a visit file.
    public static let fields: [FieldSpec] = [
        FieldSpec("org", aliases: ["企业", "企业名称", "统一社会信用代码", "走访企业", "enterprise"], required: true),
        FieldSpec("date", aliases: ["日期", "走访日期", "时间"], required: true),
        FieldSpec("staff", aliases: ["走访人", "人员", "走访人员", "工作人员"], required: true),
        FieldSpec("campaign", aliases: ["活动", "所属活动"]),
        FieldSpec("notes", aliases: ["情况", "走访情况", "备注"]),
        FieldSpec("findings", aliases: ["发现问题", "问题", "诉求"]),
    ]

    /// One visit as typed or read from a file.
    public struct VisitDraft: Sendable {
        /// Enterprise reference.
        public var organisation: String
        /// The day.
        public var date: LocalDate
        /// Who visited.
        public var staff: String
        /// Campaign reference.
        public var campaign: String?
        /// What was seen.
        public var notes: String?
        /// Problems found.
        public var findings: String?

        /// A visit.
        public init(
            organisation: String, date: LocalDate, staff: String, campaign: String?, notes: String?,
            findings: String?
        ) {
            self.organisation = organisation
            self.date = date
            self.staff = staff
            self.campaign = campaign
            self.notes = notes
            self.findings = findings
        }
    }

    /// Logs one visit; the same enterprise, day, staff and campaign again is a conflict (exit 75).
    public func log(_ visit: VisitDraft, context: MutationContext) throws(GSLError) -> Int64 {
        try store.write(context) { m in try Self.insert(visit, m, onConflict: .fail).id }
    }

    /// What storing one visit did.
    enum Outcome { case inserted, updated, skipped }

    static func insert(_ v: VisitDraft, _ m: Mutation, onConflict: ConflictPolicy) throws -> (
        id: Int64, outcome: Outcome
    ) {
        let staff = try nonBlank(v.staff, Message("走访人", en: "staff"))
        let org = try enterprise(m.db, v.organisation)
        var campaignID: Int64?
        if let given = v.campaign {
            let c = try nonBlank(given, Message("活动名称", en: "campaign name"))
            let id = try Self.campaignID(m.db, c)
            let (start, end) = try Row.fetchOne(
                m.db, sql: "SELECT start_date, end_date FROM campaigns WHERE id = ?", arguments: [id]
            )
            .map { ($0["start_date"] as String, $0["end_date"] as String) }!
            if v.date.iso < start || v.date.iso > end {
                throw GSLError.data(
                    "走访日期 \(v.date.iso) 不在活动「\(c)」期间（\(start)–\(end)）",
                    en: "visit date \(v.date.iso) is outside campaign '\(c)' (\(start)–\(end))"
                ).because(.visitOutsideCampaign)
            }
            campaignID = id
        }
        // The natural key: enterprise, day, staff and campaign (a visit outside any campaign matches
        // only visits outside any campaign).
        if let existing = try Int64.fetchOne(
            m.db,
            sql: """
                SELECT id FROM visits WHERE org_id = ? AND on_date = ? AND staff = ? AND campaign_id IS ?
                ORDER BY id LIMIT 1
                """, arguments: [org.id, v.date.iso, staff, campaignID])
        {
            switch onConflict {
            case .fail:
                throw GSLError.conflict(
                    "走访已登记（#\(existing)：\(org.name)，\(v.date.iso)，\(staff)）",
                    en: "visit already recorded (#\(existing): \(org.name), \(v.date.iso), \(staff))"
                ).because(.importKeyExists)
            case .skip:
                return (existing, .skipped)
            case .update:
                try m.update(
                    table: "visits", entity: "visit", key: existing.databaseValue, expectedVersion: nil,
                    changes: [("notes", v.notes.databaseValue), ("findings", v.findings.databaseValue)])
                return (existing, .updated)
            }
        }
        let id = try m.insert(
            into: "visits", entity: "visit",
            values: [
                ("org_id", org.id.databaseValue), ("on_date", v.date.iso.databaseValue),
                ("staff", staff.databaseValue),
                ("campaign_id", campaignID.databaseValue), ("notes", v.notes.databaseValue),
                ("findings", v.findings.databaseValue),
                ("created_at", m.context.at.databaseValue),
            ])
        return (id, .inserted)
    }

    /// The enterprise `reference` names; another kind of organisation (a chamber, a federation …) is
    /// refused (exit 65): only enterprises are visit targets and are visited.
    static func enterprise(_ db: Database, _ reference: String) throws -> Organisation {
        try References.enterprise(
            db, reference, purpose: Message("只有企业可以作为走访对象", en: "only enterprises are visited"),
            cause: .visitNotEnterprise)
    }

    /// `text` trimmed; blank (empty or only spaces) is refused (exit 65) naming `what`.
    static func nonBlank(_ text: String, _ what: Message) throws(GSLError) -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else {
            throw GSLError.data("\(what.zh)不能为空", en: "\(what.en) must not be blank").because(.valueRequired)
        }
        return t
    }

    /// Imports visits from a file in one transaction (a bad row writes nothing and names its place).
    /// A row whose enterprise, day, staff and campaign match a stored visit follows `onConflict`:
    /// `fail` refuses the file (exit 75), `skip` keeps the stored visit, `update` replaces its notes
    /// and findings.
    public func importFile(_ options: ImportOptions, context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        let input = try ImportSupport(options, fields: Self.fields)
        var drafts: [(TabularRow, VisitDraft)] = []
        for row in input.file.rows {
            let r = input.reader(row)
            let date = try r.parse("date") { (t: String) throws(GSLError) in try LocalDate.parse(t) }!
            drafts.append(
                (
                    row,
                    VisitDraft(
                        organisation: try r.required("org", label: Message("企业", en: "enterprise")),
                        date: date,
                        staff: try r.required("staff", label: Message("走访人", en: "staff")),
                        campaign: r.text("campaign"), notes: r.text("notes"), findings: r.text("findings"))
                ))
        }
        var report = ImportReport()
        report.rows = drafts.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        let base = report
        return try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var r = base
            for (row, draft) in drafts {
                let outcome: Outcome
                do {
                    outcome = try Self.insert(draft, m, onConflict: options.onConflict).outcome
                } catch {
                    throw input.rowError(error, row: row)
                }
                switch outcome {
                case .inserted: r.inserted += 1
                case .updated: r.updated += 1
                case .skipped: r.skipped += 1
                }
            }
            return r
        }
    }

    /// A visit as listed.
    public struct VisitRow: Sendable {
        /// Id, date, staff, enterprise, campaign, notes, findings.
        public let id: Int64, date: String, staff: String, organisation: String, campaign: String?,
            notes: String?, findings: String?
    }

    /// Visits, newest first, optionally of one campaign or period.
    public func list(campaign: String?, period: Period?, limit: Int) throws(GSLError) -> [VisitRow] {
        try store.read { db in
            let campaignID = try campaign.map { try Self.campaignID(db, $0) }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT v.id, v.on_date, v.staff, o.name, c.name AS campaign, v.notes, v.findings
                    FROM visits v JOIN organisations o ON o.id = v.org_id LEFT JOIN campaigns c ON c.id = v.campaign_id
                    WHERE (?1 IS NULL OR v.campaign_id = ?1) AND (?2 IS NULL OR (v.on_date >= ?2 AND v.on_date <= ?3))
                    ORDER BY v.on_date DESC, v.id DESC LIMIT ?4
                    """, arguments: [campaignID, period?.start.iso, period?.end.iso, limit]
            ).map {
                VisitRow(
                    id: $0["id"], date: $0["on_date"], staff: $0["staff"], organisation: $0["name"],
                    campaign: $0["campaign"],
                    notes: $0["notes"], findings: $0["findings"])
            }
        }
    }

    /// How coverage is grouped.
    public enum CoverageGrouping: String, Sendable, CaseIterable {
        /// One line for the whole campaign.
        case total
        /// By the target's county.
        case county
        /// By the chamber the target belongs to.
        case chamber
    }

    /// Coverage of a campaign: targets visited (within the campaign's dates) over targets, per group.
    public func coverage(campaign: String, by grouping: CoverageGrouping) throws(GSLError) -> [(
        group: String, targets: Int, visited: Int, visits: Int
    )] {
        try store.read { db in
            let id = try Self.campaignID(db, campaign)
            let groupSQL: String
            let join: String
            switch grouping {
            case .total: (groupSQL, join) = ("'合计'", "")
            case .county:
                (groupSQL, join) = (
                    "coalesce(r.name, substr(o.region_code, 1, 6), '（未知）')",
                    "LEFT JOIN regions r ON r.code = substr(o.region_code, 1, 6)"
                )
            case .chamber:
                (groupSQL, join) = (
                    "coalesce(ch.name, '（无商会）')",
                    """
                    LEFT JOIN memberships ms ON ms.member_org_id = o.id AND ms.end_date IS NULL
                    LEFT JOIN organisations ch ON ch.id = ms.chamber_id
                    """
                )
            }
            return try Row.fetchAll(
                db,
                sql: """
                    WITH v AS (
                        SELECT vi.org_id, count(*) AS n FROM visits vi JOIN campaigns c ON c.id = vi.campaign_id
                        WHERE vi.campaign_id = ?1 AND vi.on_date BETWEEN c.start_date AND c.end_date GROUP BY vi.org_id)
                    SELECT \(groupSQL) AS g, count(DISTINCT t.org_id) AS targets,
                           count(DISTINCT CASE WHEN v.n IS NOT NULL THEN t.org_id END) AS visited, coalesce(sum(v.n), 0) AS visits
                    FROM campaign_targets t JOIN organisations o ON o.id = t.org_id \(join)
                    LEFT JOIN v ON v.org_id = t.org_id
                    WHERE t.campaign_id = ?1 GROUP BY g ORDER BY g
                    """, arguments: [id]
            ).map { ($0["g"], $0["targets"], $0["visited"], $0["visits"]) }
        }
    }
}
