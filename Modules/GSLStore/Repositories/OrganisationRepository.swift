import GRDB
import GSLCore

/// Reads and changes organisations; every change goes through `Store.write` and so the audit log.
public struct OrganisationRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// One organisation by id, USCC or exact name.
    public func get(_ ref: String, kind: OrganisationKind? = nil) throws(GSLError) -> Organisation {
        try store.read { db in try References.organisation(db, ref, kind: kind) }
    }

    /// Organisations matching `filter`, ordered by region then id (the index order).
    public func list(_ filter: OrganisationFilter, limit: Int? = nil, offset: Int = 0) throws(GSLError)
        -> [Organisation]
    {
        try store.read { db in
            let (whereSQL, args, order) = try Self.query(db, filter)
            var sql = "SELECT * FROM organisations\(whereSQL) ORDER BY \(order)"
            var arguments = args
            if let limit {
                sql += " LIMIT ? OFFSET ?"
                arguments += [limit, offset]
            }
            return try Organisation.fetchAll(db, sql: sql, arguments: arguments)
        }
    }

    /// Calls `body` for each matching organisation without holding them all in memory (exports).
    public func forEach(_ filter: OrganisationFilter, _ body: (Organisation) throws -> Void) throws(GSLError)
    {
        try store.read { db in
            let (whereSQL, args, order) = try Self.query(db, filter)
            let cursor = try Organisation.fetchCursor(
                db, sql: "SELECT * FROM organisations\(whereSQL) ORDER BY \(order)", arguments: args)
            while let org = try cursor.next() { try body(org) }
        }
    }

    /// How many organisations match `filter`, counting no further than `atMost` when given (a
    /// count of a large region costs more than the page it describes).
    public func count(_ filter: OrganisationFilter, atMost: Int? = nil) throws(GSLError) -> Int {
        try store.read { db in
            let (whereSQL, args, _) = try Self.query(db, filter)
            guard let atMost else {
                return try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM organisations\(whereSQL)", arguments: args)
                    ?? 0
            }
            return try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (SELECT 1 FROM organisations\(whereSQL) LIMIT \(atMost))",
                arguments: args) ?? 0
        }
    }

    static func query(_ db: Database, _ f: OrganisationFilter) throws -> (String, StatementArguments, String)
    {
        var clauses: [String] = []
        var args = StatementArguments()
        var order = "id"
        if let kind = f.kind {
            clauses.append("kind = ?")
            args += [kind.rawValue]
        }
        if let region = f.regionCode {
            let code = try References.regionCode(db, region)
            clauses.append("region_code >= ? AND region_code < ?")
            args += [code, CodeRange.upperBound(ofPrefix: code)]
            order = "region_code, id"
        }
        if let industry = f.industry {
            let code = TextNormaliser.halfWidth(industry).uppercased()
            if code.count == 1, code.first!.isLetter {
                clauses.append("industry_section = ?")
                args += [code]
            } else {
                guard let entry = IndustryCatalog.standard.lookup(code) else {
                    throw GSLError.data("未知的行业代码「\(industry)」", en: "unknown industry code '\(industry)'")
                }
                if entry.level == .section {
                    clauses.append("industry_section = ?")
                    args += [entry.code]
                } else {
                    clauses.append("industry_code >= ? AND industry_code < ?")
                    args += [entry.code, CodeRange.upperBound(ofPrefix: entry.code)]
                }
            }
        }
        if let size = f.size {
            clauses.append("size = ?")
            args += [size.rawValue]
        }
        if let chamber = f.chamberID {
            clauses.append(
                "id IN (SELECT member_org_id FROM memberships WHERE chamber_id = ? AND end_date IS NULL)")
            args += [chamber]
        }
        if let text = f.nameContains, !text.isEmpty {
            clauses.append("instr(name, ?) > 0")
            args += [text]
        }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return (whereSQL, args, order)
    }

    /// Adds one organisation from a checked draft. A chamber without a USCC is known by its name,
    /// so a second one of the same name is refused unless `allowDuplicateChamberName`.
    public func add(
        _ draft: OrganisationDraft, context: MutationContext, allowDuplicateChamberName: Bool = false
    ) throws(GSLError) -> Organisation {
        try store.write(context) { m in
            var resolver = DraftResolver()
            if draft.uscc == nil, draft.kind == .chamber, !allowDuplicateChamberName,
                let existing = try Int64.fetchOne(
                    m.db,
                    sql: "SELECT id FROM organisations WHERE kind = 'chamber' AND uscc IS NULL AND name = ?",
                    arguments: [draft.name])
            {
                throw GSLError.conflict(
                    "商会「\(draft.name)」已存在（#\(existing)）",
                    en: "chamber '\(draft.name)' already exists (#\(existing))"
                ).because(.chamberNameExists)
            }
            if let uscc = draft.uscc,
                let existing = try Int64.fetchOne(
                    m.db, sql: "SELECT id FROM organisations WHERE uscc = ?", arguments: [uscc])
            {
                throw GSLError.conflict(
                    "统一社会信用代码 \(uscc) 已存在（#\(existing)）", en: "USCC \(uscc) already exists (#\(existing))")
            }
            let id = try resolver.insert(draft, m)
            return try Organisation.fetchOne(
                m.db, sql: "SELECT * FROM organisations WHERE id = ?", arguments: [id])!
        }
    }

    /// Changes fields of one organisation; `expectedVersion` guards against lost updates.
    /// `changes` maps import field keys (`name`, `phone`, …) to new text (nil or "" clears).
    public func edit(
        _ ref: String, changes: [String: String?], expectedVersion: Int64?,
        context: MutationContext
    ) throws(GSLError) -> Organisation {
        try store.write(context) { m in
            let current = try References.organisation(m.db, ref)
            var fields = OrganisationDraft.fieldValues(of: current)
            for (key, value) in changes { fields[key] = value }
            let draft = try OrganisationDraft.parse(FieldReader(fields), defaultKind: current.kind)
            var resolver = DraftResolver()
            let values = try resolver.columnValues(draft, m, now: context.at).filter { $0.0 != "created_at" }
            if let uscc = draft.uscc, uscc != current.uscc,
                let other = try Int64.fetchOne(
                    m.db, sql: "SELECT id FROM organisations WHERE uscc = ?", arguments: [uscc])
            {
                throw GSLError.conflict(
                    "统一社会信用代码 \(uscc) 已属于 #\(other)", en: "USCC \(uscc) already belongs to #\(other)")
            }
            try m.update(
                table: "organisations", entity: "organisation", key: current.id.databaseValue,
                expectedVersion: expectedVersion ?? current.version,
                changes: values.filter { $0.0 != "updated_at" })
            return try Organisation.fetchOne(
                m.db, sql: "SELECT * FROM organisations WHERE id = ?", arguments: [current.id])!
        }
    }
}

extension OrganisationDraft {
    /// The text fields of a stored organisation, as an edit starts from them.
    static func fieldValues(of o: Organisation) -> [String: String?] {
        [
            "kind": o.kind.rawValue, "name": o.name, "uscc": o.uscc, "region": o.regionCode,
            "industry": o.industryCode, "size": o.size?.rawValue, "employees": o.employees.map(String.init),
            "revenue": o.revenue.map(\.plainYuan), "assets": o.assets.map(\.plainYuan),
            "chamber_type": o.chamberType?.rawValue, "parent": o.parentID.map(String.init),
            "established": o.established, "address": o.address, "phone": o.phone, "legal_rep": o.legalRep,
            "note": o.note,
        ]
    }
}
