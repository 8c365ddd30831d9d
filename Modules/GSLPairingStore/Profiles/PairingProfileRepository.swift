import Foundation
import GRDB
import GSLCore
import GSLPairing
import GSLStore
import GSLTabular

/// Village profiles (income, weak flag, population, needs) and firm profiles (capacity, budget):
/// their imports and the selection a plan is made from.
public struct PairingProfileRepository: Sendable {
    /// The store (with `PairingSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// The fields of a village profile file.
    public static let villageFields: [FieldSpec] = [
        FieldSpec(
            "code", aliases: ["村代码", "区划代码", "村委会代码", "统计用区划代码", "village", "village_code"], required: true),
        FieldSpec("name", aliases: ["村名", "村名称", "名称", "village_name"]),
        FieldSpec("income", aliases: ["村集体经济收入", "集体经济收入", "集体收入", "income"], required: true),
        FieldSpec("weak", aliases: ["薄弱村", "是否薄弱村", "weak"]),
        FieldSpec("population", aliases: ["人口", "户籍人口", "常住人口", "population"], required: true),
        FieldSpec("needs", aliases: ["需求行业", "产业需求", "行业需求", "needs"]),
        FieldSpec("needs_text", aliases: ["需求说明", "需求描述", "需求", "needs_text"]),
    ]

    /// The fields of a firm profile file.
    public static let firmFields: [FieldSpec] = [
        FieldSpec(
            "org", aliases: ["统一社会信用代码", "企业", "企业名称", "名称", "uscc", "enterprise", "org"], required: true),
        FieldSpec("capacity", aliases: ["结对能力", "可结对村数", "结对村数", "容量", "capacity"], required: true),
        FieldSpec("budget", aliases: ["预算", "帮扶预算", "结对预算", "budget"]),
        FieldSpec("note", aliases: ["备注", "note"]),
    ]

    struct VillageDraft {
        let code: String, income: Int64, weak: Bool, population: Int, needs: String, needsText: String?
    }

    /// Parses a weak-village flag: 是/否, 1/0, Y/N, true/false, √/×; blank is no.
    static func flag(_ text: String) throws(GSLError) -> Bool {
        let t = TextNormaliser.halfWidth(text).trimmingCharacters(in: .whitespaces).lowercased()
        if ["是", "1", "y", "yes", "true", "√", "薄弱村", "薄弱"].contains(t) { return true }
        if ["否", "0", "n", "no", "false", "×", "", "非薄弱村"].contains(t) { return false }
        throw GSLError.data(
            "薄弱村标志应为 是/否，实际为「\(text)」", en: "weak-village flag must be yes/no, found '\(text)'"
        )
        .because(.pairingValueInvalid)
    }

    /// Splits and checks industry tags: section letters A–T or 2–4 digit GB/T 4754 codes, separated
    /// by ; 、 , / or spaces.
    static func tags(_ text: String) throws(GSLError) -> [String] {
        let parts = TextNormaliser.halfWidth(text).components(
            separatedBy: CharacterSet(charactersIn: ";；、,，/| ")
        )
        .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
        for tag in parts {
            let letter = tag.count == 1 && ("A"..."T").contains(tag)
            let digits = (2...4).contains(tag.count) && tag.allSatisfy { $0.isASCII && $0.isNumber }
            guard letter || digits else {
                throw GSLError.data(
                    "需求行业「\(tag)」不是国民经济行业门类字母（A–T）或 2–4 位行业代码",
                    en:
                        "industry need '\(tag)' is neither a GB/T 4754 section letter (A–T) nor a 2–4 digit code"
                ).because(.pairingValueInvalid)
            }
        }
        return parts
    }

    /// Imports village profiles in one transaction; a row for a stored village follows `onConflict`.
    public func importVillages(_ options: ImportOptions, context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        let input = try ImportSupport(options, fields: Self.villageFields)
        var drafts: [(TabularRow, VillageDraft, String)] = []
        for row in input.file.rows {
            let r = input.reader(row)
            let rawCode = try r.required("code", label: Message("村代码", en: "village code"))
            let income = try r.parse("income") { (t: String) throws(GSLError) in
                try PairingReferences.nonNegativeAmount(t, Message("村集体经济收入", en: "collective income"))
            }!
            let weak = try r.parse("weak") { (t: String) throws(GSLError) in try Self.flag(t) } ?? false
            let population = try r.integer(
                "population", label: Message("人口", en: "population"), range: 0...10_000_000)!
            let needs = try r.parse("needs") { (t: String) throws(GSLError) in try Self.tags(t) } ?? []
            drafts.append(
                (
                    row,
                    VillageDraft(
                        code: rawCode, income: income.fen, weak: weak, population: population,
                        needs: needs.joined(separator: ";"), needsText: r.text("needs_text")), rawCode
                ))
        }
        var report = ImportReport()
        report.rows = drafts.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        let base = report
        return try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var out = base
            var villages = FirstLines<String>()
            for (row, d, _) in drafts {
                do {
                    let (code, _) = try PairingReferences.village(m.db, d.code)
                    try villages.record(
                        code, line: row.line, at: nil, Message("村 \(code) ", en: "village \(code)"))
                    let values: [(String, DatabaseValue)] = [
                        ("income_fen", d.income.databaseValue), ("weak", (d.weak ? 1 : 0).databaseValue),
                        ("population", d.population.databaseValue), ("needs", d.needs.databaseValue),
                        ("needs_text", d.needsText.databaseValue),
                    ]
                    let exists =
                        try Bool.fetchOne(
                            m.db, sql: "SELECT 1 FROM pair_villages WHERE village_code = ?", arguments: [code]
                        ) ?? false
                    if exists {
                        switch options.onConflict {
                        case .fail:
                            throw GSLError.conflict(
                                "村 \(code) 的结对档案已存在", en: "village \(code) already has a profile"
                            )
                            .because(.importKeyExists)
                        case .skip: out.skipped += 1
                        case .update:
                            try m.update(
                                table: "pair_villages", entity: "pair_village", keyColumn: "village_code",
                                key: code.databaseValue, expectedVersion: nil, changes: values)
                            out.updated += 1
                        }
                        continue
                    }
                    try m.insert(
                        into: "pair_villages", entity: "pair_village",
                        values: [("village_code", code.databaseValue)] + values + [
                            ("created_at", m.context.at.databaseValue),
                            ("updated_at", m.context.at.databaseValue),
                        ], key: code)
                    out.inserted += 1
                } catch {
                    // Every fault here is the row's village code: placed at its column.
                    throw Self.placed(input.rowError(error, row: row), input.location(row, "code"))
                }
            }
            return out
        }
    }

    /// `error` with the column (and field) of `location` where it has none.
    static func placed(_ error: GSLError, _ location: SourceLocation?) -> GSLError {
        guard let location else { return error }
        return error.at(location)
    }

    /// Imports firm profiles (capacity, budget) in one transaction.
    public func importFirms(_ options: ImportOptions, context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        let input = try ImportSupport(options, fields: Self.firmFields)
        var drafts: [(TabularRow, String, Int, Int64, String?)] = []
        for row in input.file.rows {
            let r = input.reader(row)
            let org = try r.required("org", label: Message("企业", en: "enterprise"))
            guard
                let capacity = try r.parse(
                    "capacity",
                    { (t: String) throws(GSLError) -> Int in
                        let n = Int(TextNormaliser.halfWidth(t).trimmingCharacters(in: .whitespaces))
                        guard let n, n >= 0, n <= 1_000 else {
                            throw GSLError.data(
                                "结对能力应为 0–1000 的整数，实际为「\(t)」",
                                en: "capacity must be a whole number 0–1000, found '\(t)'"
                            ).because(.pairingValueInvalid)
                        }
                        return n
                    })
            else { throw r.failure("capacity", "缺少结对能力", en: "missing capacity").because(.valueRequired) }
            let budget =
                try r.parse("budget") { (t: String) throws(GSLError) in
                    try PairingReferences.nonNegativeAmount(t, Message("预算", en: "budget"))
                }?.fen ?? 0
            drafts.append((row, org, capacity, budget, r.text("note")))
        }
        var report = ImportReport()
        report.rows = drafts.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        let base = report
        return try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var out = base
            var firms = FirstLines<Int64>()
            for (row, reference, capacity, budget, note) in drafts {
                do {
                    let org = try PairingReferences.enterprise(m.db, reference)
                    try firms.record(
                        org.id, line: row.line, at: nil, Message("企业「\(org.name)」", en: "firm '\(org.name)'"))
                    let values: [(String, DatabaseValue)] = [
                        ("capacity", capacity.databaseValue), ("budget_fen", budget.databaseValue),
                        ("note", note.databaseValue),
                    ]
                    let exists =
                        try Bool.fetchOne(
                            m.db, sql: "SELECT 1 FROM pair_firms WHERE org_id = ?", arguments: [org.id])
                        ?? false
                    if exists {
                        switch options.onConflict {
                        case .fail:
                            throw GSLError.conflict(
                                "企业「\(org.name)」的结对档案已存在", en: "firm '\(org.name)' already has a profile"
                            ).because(.importKeyExists)
                        case .skip: out.skipped += 1
                        case .update:
                            try m.update(
                                table: "pair_firms", entity: "pair_firm", keyColumn: "org_id",
                                key: org.id.databaseValue, expectedVersion: nil, changes: values)
                            out.updated += 1
                        }
                        continue
                    }
                    try m.insert(
                        into: "pair_firms", entity: "pair_firm",
                        values: [("org_id", org.id.databaseValue)] + values + [
                            ("created_at", m.context.at.databaseValue),
                            ("updated_at", m.context.at.databaseValue),
                        ], key: String(org.id))
                    out.inserted += 1
                } catch {
                    // Every fault here is the row's enterprise: placed at its column.
                    throw Self.placed(input.rowError(error, row: row), input.location(row, "org"))
                }
            }
            return out
        }
    }

    /// Which villages and firms a plan is made from.
    public struct Selection: Sendable {
        /// Villages under this division (code or name); nil for all profiled villages.
        public var villageRegion: String?
        /// Only weak villages.
        public var weakOnly = false
        /// Firms located under this division; nil for all.
        public var firmRegion: String?
        /// Only current members of this chamber.
        public var chamber: String?

        /// A selection.
        public init(
            villageRegion: String? = nil, weakOnly: Bool = false, firmRegion: String? = nil,
            chamber: String? = nil
        ) {
            self.villageRegion = villageRegion
            self.weakOnly = weakOnly
            self.firmRegion = firmRegion
            self.chamber = chamber
        }
    }

    /// The profiled villages and firms of a selection, in code and id order.
    func load(_ db: Database, _ s: Selection) throws -> (firms: [PairingFirm], villages: [PairingVillage]) {
        let villagePrefix = try s.villageRegion.map { try Self.regionPrefix(db, $0) }
        let firmPrefix = try s.firmRegion.map { try Self.regionPrefix(db, $0) }
        let villages = try Row.fetchAll(
            db,
            sql: """
                SELECT v.village_code, r.name, v.income_fen, v.weak, v.population, v.needs
                FROM pair_villages v JOIN regions r ON r.code = v.village_code
                WHERE (?1 IS NULL OR v.village_code LIKE ?1 || '%') AND (?2 = 0 OR v.weak = 1)
                ORDER BY v.village_code
                """, arguments: [villagePrefix, s.weakOnly ? 1 : 0]
        ).map { row -> PairingVillage in
            let needs: String = row["needs"]
            return PairingVillage(
                code: row["village_code"], name: row["name"], incomeFen: row["income_fen"],
                weak: row["weak"] as Int64 == 1,
                population: row["population"], needs: needs.split(separator: ";").map(String.init))
        }
        var chamberID: Int64?
        if let chamber = s.chamber {
            chamberID = try References.organisation(db, chamber, kind: .chamber).id
        }
        let firms = try Row.fetchAll(
            db,
            sql: """
                SELECT o.id, o.name, o.region_code, o.industry_code, o.industry_section, f.capacity, f.budget_fen
                FROM pair_firms f JOIN organisations o ON o.id = f.org_id
                WHERE o.kind = 'enterprise' AND (?1 IS NULL OR o.region_code LIKE ?1 || '%')
                  AND (?2 IS NULL OR EXISTS (SELECT 1 FROM memberships ms WHERE ms.member_org_id = o.id
                        AND ms.chamber_id = ?2 AND ms.end_date IS NULL))
                ORDER BY o.id
                """, arguments: [firmPrefix, chamberID]
        ).map {
            PairingFirm(
                id: $0["id"], name: $0["name"], regionCode: $0["region_code"],
                industryCode: $0["industry_code"],
                industrySection: $0["industry_section"], capacity: $0["capacity"], budgetFen: $0["budget_fen"]
            )
        }
        return (firms, villages)
    }

    /// The canonical code of a division given by code or unique name.
    static func regionPrefix(_ db: Database, _ reference: String) throws -> String {
        let text = TextNormaliser.halfWidth(reference).trimmingCharacters(in: .whitespaces)
        if text.allSatisfy(\.isNumber) {
            let code = try DivisionCode(text).rawValue
            guard
                try String.fetchOne(db, sql: "SELECT code FROM regions WHERE code = ?", arguments: [code])
                    != nil
            else {
                throw GSLError.notFound(
                    "区划代码 \(code) 不在区划表中", en: "division code \(code) is not in the region table"
                )
                .because(.divisionCodeNotLoaded)
            }
            return code
        }
        let codes = try String.fetchAll(
            db, sql: "SELECT code FROM regions WHERE name = ? ORDER BY length(code), code LIMIT 2",
            arguments: [text])
        guard let first = codes.first else {
            throw GSLError.notFound("找不到区划「\(text)」", en: "division '\(text)' not found").because(
                .storeReferenceNotFound)
        }
        if codes.count > 1, codes[1].count == first.count {
            throw GSLError.data(
                "区划名称「\(text)」不唯一，请用代码", en: "division name '\(text)' is not unique; use the code"
            )
            .because(.storeReferenceNotFound)
        }
        return first
    }
}
