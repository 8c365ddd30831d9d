import GRDB
import GSLCore

/// Chamber memberships of people and enterprises.
public struct MembershipRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    static let select = """
        SELECT m.*, c.name AS chamber_name, coalesce(o.name, p.name) AS member_name
        FROM memberships m
        JOIN organisations c ON c.id = m.chamber_id
        LEFT JOIN organisations o ON o.id = m.member_org_id
        LEFT JOIN people p ON p.id = m.member_person_id
        """

    /// Adds a membership: `member` is an organisation reference, or a person when `isPerson`.
    public func add(
        chamber: String, member: String, isPerson: Bool, role: String?, start: LocalDate?,
        note: String?, context: MutationContext
    ) throws(GSLError) -> Membership {
        try store.write(context) { m in
            let chamberOrg = try References.organisation(m.db, chamber, kind: .chamber)
            let memberColumn = isPerson ? "member_person_id" : "member_org_id"
            let memberID =
                isPerson
                ? try References.person(m.db, member).id : try References.organisation(m.db, member).id
            if !isPerson && memberID == chamberOrg.id {
                throw GSLError.data("商会不能成为自己的会员", en: "a chamber cannot be its own member")
            }
            if let existing = try Int64.fetchOne(
                m.db.cachedStatement(
                    sql:
                        "SELECT id FROM memberships WHERE chamber_id = ? AND \(memberColumn) = ? AND end_date IS NULL"
                ),
                arguments: [chamberOrg.id, memberID])
            {
                throw GSLError.conflict(
                    "已是该商会的会员（会籍 #\(existing)）",
                    en: "already a current member of this chamber (membership #\(existing))")
            }
            let id = try m.insert(
                into: "memberships", entity: "membership",
                values: [
                    ("chamber_id", chamberOrg.id.databaseValue), (memberColumn, memberID.databaseValue),
                    ("role", (role ?? "会员").databaseValue),
                    ("start_date", (start ?? m.context.day).iso.databaseValue),
                    ("note", note.databaseValue), ("created_at", context.at.databaseValue),
                    ("updated_at", context.at.databaseValue),
                ])
            return try Membership.fetchOne(
                m.db.cachedStatement(sql: Self.select + " WHERE m.id = ?"), arguments: [id])!
        }
    }

    /// Memberships of a chamber, or of a member, current only unless `includeEnded`.
    public func list(chamber: String?, member: String?, memberIsPerson: Bool, includeEnded: Bool)
        throws(GSLError) -> [Membership]
    {
        try store.read { db in
            var clauses: [String] = []
            var args = StatementArguments()
            if let chamber {
                clauses.append("m.chamber_id = ?")
                args += [try References.organisation(db, chamber, kind: .chamber).id]
            }
            if let member {
                if memberIsPerson {
                    clauses.append("m.member_person_id = ?")
                    args += [try References.person(db, member).id]
                } else {
                    clauses.append("m.member_org_id = ?")
                    args += [try References.organisation(db, member).id]
                }
            }
            if !includeEnded { clauses.append("m.end_date IS NULL") }
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            return try Membership.fetchAll(
                db, sql: Self.select + whereSQL + " ORDER BY m.chamber_id, m.id", arguments: args)
        }
    }

    /// Ends a membership on `date` (default today).
    public func end(id: Int64, on date: LocalDate?, context: MutationContext) throws(GSLError) -> Membership {
        try store.write(context) { m in
            guard
                let current = try Membership.fetchOne(
                    m.db.cachedStatement(sql: Self.select + " WHERE m.id = ?"), arguments: [id])
            else {
                throw GSLError.notFound("会籍 #\(id) 不存在", en: "membership #\(id) not found")
            }
            if let ended = current.endDate {
                throw GSLError.conflict(
                    "会籍 #\(id) 已于 \(ended) 结束", en: "membership #\(id) already ended on \(ended)")
            }
            let end = (date ?? m.context.day).iso
            if let start = current.startDate, end < start {
                throw GSLError.data(
                    "结束日期 \(end) 早于开始日期 \(start)", en: "end date \(end) is before start date \(start)")
            }
            try m.update(
                table: "memberships", entity: "membership", key: id.databaseValue,
                expectedVersion: current.version,
                changes: [("end_date", end.databaseValue)])
            return try Membership.fetchOne(
                m.db.cachedStatement(sql: Self.select + " WHERE m.id = ?"), arguments: [id])!
        }
    }
}
