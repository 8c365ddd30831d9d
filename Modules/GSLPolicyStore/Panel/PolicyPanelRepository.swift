import Foundation
import GRDB
import GSLCore
import GSLPolicy
import GSLStore
import GSLTabular

/// Firm × year outcomes and policy recipients: their imports, and the panels the estimators take.
public struct PolicyPanelRepository: Sendable {
    /// The store (with `PolicySchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// The fields of a panel file: the firm, the year and any of the outcome variables.
    public static let panelFields: [FieldSpec] =
        [
            FieldSpec(
                "org", aliases: ["统一社会信用代码", "信用代码", "企业", "企业名称", "uscc", "firm", "org"], required: true),
            FieldSpec("year", aliases: ["年份", "年度", "year"], required: true),
        ]
        + PanelVariable.allCases.map { v in
            FieldSpec(v.rawValue, aliases: variableAliases(v))
        }

    static func variableAliases(_ v: PanelVariable) -> [String] {
        let extra: [String] =
            switch v {
            case .revenue: ["营业收入（万元）", "营业收入(万元)", "主营业务收入", "收入"]
            case .rdSpending: ["研发投入（万元）", "研发投入(万元)", "研发费用", "R&D", "rd"]
            case .employees: ["从业人员（人）", "从业人员数", "职工人数", "员工数", "staff"]
            case .patents: ["专利", "专利数（件）", "授权专利", "专利授权数"]
            case .tax: ["纳税额（万元）", "纳税额(万元)", "纳税", "税收", "实缴税金"]
            }
        return [v.chinese, v.rawValue] + extra
    }

    /// The fields of a treatment file: the firm, the policy, the first year it applied, the amount.
    public static let treatmentFields: [FieldSpec] = [
        FieldSpec("org", aliases: ["统一社会信用代码", "信用代码", "企业", "企业名称", "uscc", "firm", "org"], required: true),
        FieldSpec("policy", aliases: ["政策", "政策名称", "policy"]),
        FieldSpec(
            "year", aliases: ["受惠年份", "首次受惠年份", "享受年份", "年份", "受惠日期", "日期", "year", "first_year"],
            required: true),
        FieldSpec("amount", aliases: ["金额", "补助金额", "兑现金额", "受惠金额", "amount"]),
    ]

    /// Enterprises by USCC (one query): id and name.
    static func enterprises(_ db: Database) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT id, uscc FROM organisations WHERE kind = \(SQLEnumeration.literal(OrganisationKind.enterprise.rawValue)) AND uscc IS NOT NULL"
        )
        while let row = try rows.next() { out[row[1]] = row[0] }
        return out
    }

    /// The enterprise a cell names: its USCC (checked), else an id or exact name.
    static func enterprise(_ db: Database, _ text: String, _ byUSCC: [String: Int64]) throws -> Int64 {
        let t = TextNormaliser.halfWidth(text).trimmingCharacters(in: .whitespaces).uppercased()
        if let id = byUSCC[t] { return id }
        if t.count == 18, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) {
            _ = try USCC.validate(t)  // a malformed code is refused as such (core.invalid-uscc)
            throw GSLError.notFound(
                "统一社会信用代码 \(t) 的企业不在库中", en: "no enterprise with USCC \(t) in the store"
            ).because(.storeReferenceNotFound)
        }
        return try References.organisation(db, text, kind: .enterprise).id
    }

    struct PanelDraft: Sendable {
        let org: String, year: Int, values: [(PanelVariable, Double)]
    }

    /// Imports firm × year outcomes in one transaction: every firm must be an enterprise in the
    /// store; a (firm, year) twice in the file is refused; a stored value follows `onConflict`.
    public func importPanel(_ options: ImportOptions, context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        let input = try ImportSupport(options, fields: Self.panelFields)
        let present = PanelVariable.allCases.filter { input.mapping.column($0.rawValue) != nil }
        guard !present.isEmpty else {
            throw GSLError.data(
                "面板文件没有结果变量列（营业收入、研发投入、从业人员、专利数、纳税额）",
                en: "the panel file has no outcome column (revenue, rd_spending, employees, patents, tax)",
                at: SourceLocation(file: input.file.path)
            ).because(.importColumnMissing)
        }
        var drafts: [(TabularRow, PanelDraft)] = []
        drafts.reserveCapacity(input.file.rows.count)
        var seen: [String: Int] = [:]
        for row in input.file.rows {
            let r = input.reader(row)
            let org = try r.required("org", label: Message("企业", en: "firm"))
            let year = try r.parse("year") { (t: String) throws(GSLError) in try PolicyValues.year(t) }!
            var values: [(PanelVariable, Double)] = []
            for v in present {
                if let value = try r.parse(
                    v.rawValue, { (t: String) throws(GSLError) in try PolicyValues.value(t, v) })
                {
                    values.append((v, value))
                }
            }
            let key = "\(TextNormaliser.halfWidth(org).uppercased())|\(year)"
            if let first = seen[key] {
                throw GSLError.data(
                    "企业 \(org) 的 \(year) 年在文件中出现两次（第 \(first) 行）",
                    en: "firm \(org), year \(year) appears twice in the file (line \(first))",
                    at: input.location(row, "org")
                ).because(.importDuplicateRow)
            }
            seen[key] = input.location(row, "org")?.line ?? 0
            drafts.append((row, PanelDraft(org: org, year: year, values: values)))
        }
        var report = ImportReport()
        report.rows = drafts.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        let base = report
        return try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var out = base
            let byUSCC = try Self.enterprises(m.db)
            var existing: [String: Int64] = [:]
            let cursor = try Row.fetchCursor(
                m.db, sql: "SELECT id, org_id, year, variable FROM policy_observations")
            while let row = try cursor.next() {
                existing["\(row[1] as Int64)|\(row[2] as Int)|\(row[3] as String)"] = row[0]
            }
            var fresh: [[DatabaseValue]] = []
            for (row, d) in drafts {
                do {
                    let org = try Self.enterprise(m.db, d.org, byUSCC)
                    for (v, value) in d.values {
                        if let id = existing["\(org)|\(d.year)|\(v.rawValue)"] {
                            switch options.onConflict {
                            case .fail:
                                throw GSLError.conflict(
                                    "企业 \(d.org) \(d.year) 年的\(v.chinese)已在库中",
                                    en: "firm \(d.org) already has \(v.rawValue) for \(d.year)"
                                ).because(.importKeyExists)
                            case .skip: out.skipped += 1
                            case .update:
                                try m.update(
                                    table: "policy_observations", entity: "policy_observation",
                                    key: id.databaseValue,
                                    expectedVersion: nil, changes: [("value", value.databaseValue)])
                                out.updated += 1
                            }
                            continue
                        }
                        fresh.append([
                            org.databaseValue, d.year.databaseValue, v.rawValue.databaseValue,
                            value.databaseValue,
                            m.context.at.databaseValue,
                        ])
                    }
                } catch {
                    throw input.rowError(error, row: row)
                }
            }
            try m.insertMany(
                into: "policy_observations", entity: "policy_observation",
                columns: ["org_id", "year", "variable", "value", "created_at"], rows: fresh)
            out.inserted += fresh.count
            return out
        }
    }

    /// Imports policy recipients in one transaction. `policy` names the policy for rows without a
    /// policy column. When the store holds outcomes, a first year outside their years (or in the
    /// first, leaving no pre-period) is refused.
    public func importTreatments(_ options: ImportOptions, policy: String?, context: MutationContext)
        throws(GSLError) -> ImportReport
    {
        let input = try ImportSupport(options, fields: Self.treatmentFields)
        var drafts: [(TabularRow, String, String, Int, Int64?)] = []
        var seen = Set<String>()
        for row in input.file.rows {
            let r = input.reader(row)
            let org = try r.required("org", label: Message("企业", en: "firm"))
            guard let name = (r.text("policy") ?? policy)?.trimmingCharacters(in: .whitespaces), !name.isEmpty
            else {
                throw r.failure("policy", "缺少政策名称", en: "missing the policy name").because(.valueRequired)
            }
            let year = try r.parse("year") { (t: String) throws(GSLError) in try PolicyValues.year(t) }!
            let amount = try r.parse("amount") { (t: String) throws(GSLError) -> Int64 in
                let money = try Money.parse(t)
                guard money.fen >= 0 else {
                    throw GSLError.data("金额不能为负：\(t)", en: "the amount must not be negative: \(t)").because(
                        .negativeValue)
                }
                return money.fen
            }
            let key = "\(TextNormaliser.halfWidth(org).uppercased())|\(name)"
            guard seen.insert(key).inserted else {
                throw GSLError.data(
                    "企业 \(org) 在政策「\(name)」下出现两次", en: "firm \(org) appears twice for policy '\(name)'",
                    at: input.location(row, "org")
                ).because(.importDuplicateRow)
            }
            drafts.append((row, org, name, year, amount))
        }
        var report = ImportReport()
        report.rows = drafts.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        let base = report
        return try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var out = base
            let byUSCC = try Self.enterprises(m.db)
            let span = try Row.fetchOne(m.db, sql: "SELECT min(year), max(year) FROM policy_observations")
            let first: Int? = span?[0], last: Int? = span?[1]
            for (row, org, name, year, amount) in drafts {
                do {
                    let id = try Self.enterprise(m.db, org, byUSCC)
                    if let first, let last, year <= first || year > last {
                        throw GSLError.data(
                            "受惠年份 \(year) 不在面板的 \(first + 1)–\(last) 年内（需要至少一个政策前年份）",
                            en:
                                "first year \(year) is outside the panel's \(first + 1)–\(last) (a pre-period is needed)",
                            at: input.location(row, "year")
                        ).because(.policyTreatmentOutsidePanel)
                    }
                    let stored = try Int64.fetchOne(
                        m.db, sql: "SELECT id FROM policy_treatments WHERE policy = ? AND org_id = ?",
                        arguments: [name, id])
                    let values: [(String, DatabaseValue)] = [
                        ("first_year", year.databaseValue), ("amount_fen", amount.databaseValue),
                    ]
                    if let stored {
                        switch options.onConflict {
                        case .fail:
                            throw GSLError.conflict(
                                "企业 \(org) 在政策「\(name)」下已有记录",
                                en: "firm \(org) is already recorded for '\(name)'"
                            ).because(.importKeyExists)
                        case .skip: out.skipped += 1
                        case .update:
                            try m.update(
                                table: "policy_treatments", entity: "policy_treatment",
                                key: stored.databaseValue,
                                expectedVersion: nil, changes: values)
                            out.updated += 1
                        }
                        continue
                    }
                    try m.insert(
                        into: "policy_treatments", entity: "policy_treatment",
                        values: [("org_id", id.databaseValue), ("policy", name.databaseValue)] + values + [
                            ("created_at", m.context.at.databaseValue)
                        ])
                    out.inserted += 1
                } catch {
                    throw input.rowError(error, row: row)
                }
            }
            return out
        }
    }
}
