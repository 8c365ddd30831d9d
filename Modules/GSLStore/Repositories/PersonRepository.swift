import GRDB
import GSLCore
import GSLTabular

/// Which people a list or export shows.
public struct PersonFilter: Sendable, Equatable {
    /// Only this kind.
    public var kind: PersonKind?
    /// Only people working for this organisation (reference).
    public var organisation: String?
    /// Only current members of this chamber (reference).
    public var chamber: String?
    /// Name contains this text.
    public var nameContains: String?

    /// A filter; nil parts do not filter.
    public init(
        kind: PersonKind? = nil, organisation: String? = nil, chamber: String? = nil,
        nameContains: String? = nil
    ) {
        self.kind = kind
        self.organisation = organisation
        self.chamber = chamber
        self.nameContains = nameContains
    }
}

/// Reads and changes people.
public struct PersonRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// One person by id or exact name.
    public func get(_ ref: String) throws(GSLError) -> Person {
        try store.read { db in try References.person(db, ref) }
    }

    /// People matching `filter`, by id.
    public func list(_ filter: PersonFilter, limit: Int? = nil, offset: Int = 0) throws(GSLError) -> [Person]
    {
        try store.read { db in
            let (whereSQL, args) = try Self.query(db, filter)
            var sql = "SELECT * FROM people\(whereSQL) ORDER BY id"
            var arguments = args
            if let limit {
                sql += " LIMIT ? OFFSET ?"
                arguments += [limit, offset]
            }
            return try Person.fetchAll(db, sql: sql, arguments: arguments)
        }
    }

    static func query(_ db: Database, _ f: PersonFilter) throws -> (String, StatementArguments) {
        var clauses: [String] = []
        var args = StatementArguments()
        if let kind = f.kind {
            clauses.append("kind = ?")
            args += [kind.rawValue]
        }
        if let org = f.organisation {
            clauses.append("organisation_id = ?")
            args += [try References.organisation(db, org).id]
        }
        if let chamber = f.chamber {
            clauses.append(
                "id IN (SELECT member_person_id FROM memberships WHERE chamber_id = ? AND end_date IS NULL)")
            args += [try References.organisation(db, chamber, kind: .chamber).id]
        }
        if let text = f.nameContains, !text.isEmpty {
            clauses.append("instr(name, ?) > 0")
            args += [text]
        }
        return (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "), args)
    }

    /// Adds one person.
    public func add(_ draft: PersonDraft, context: MutationContext) throws(GSLError) -> Person {
        try store.write(context) { m in
            if let card = draft.idCard,
                let other = try Int64.fetchOne(
                    m.db, sql: "SELECT id FROM people WHERE id_card = ?", arguments: [card])
            {
                throw GSLError.conflict(
                    "身份证号已登记（#\(other)）", en: "ID card number already recorded (#\(other))")
            }
            var cache = PersonWriter()
            let id = try cache.insert(draft, m)
            return try Person.fetchOne(m.db, sql: "SELECT * FROM people WHERE id = ?", arguments: [id])!
        }
    }

    /// Changes fields of one person (`changes` by import field key; nil or "" clears).
    public func edit(
        _ ref: String, changes: [String: String?], expectedVersion: Int64?,
        context: MutationContext
    ) throws(GSLError) -> Person {
        try store.write(context) { m in
            let current = try References.person(m.db, ref)
            var fields = PersonDraft.fieldValues(of: current)
            for (key, value) in changes { fields[key] = value }
            let draft = try PersonDraft.parse(FieldReader(fields), defaultKind: current.kind)
            var writer = PersonWriter()
            let values = try writer.columnValues(draft, m).filter {
                $0.0 != "created_at" && $0.0 != "updated_at"
            }
            try m.update(
                table: "people", entity: "person", key: current.id.databaseValue,
                expectedVersion: expectedVersion ?? current.version, changes: values)
            return try Person.fetchOne(
                m.db, sql: "SELECT * FROM people WHERE id = ?", arguments: [current.id])!
        }
    }

    /// Imports people in one transaction; people with an ID card number are keyed by it.
    public func importFile(
        _ options: ImportOptions, defaultKind: PersonKind?,
        context: MutationContext
    ) throws(GSLError) -> ImportReport {
        let input = try ImportSupport(options, fields: PersonDraft.fields)
        var drafts: [(TabularRow, PersonDraft)] = []
        var firstLine: [String: Int] = [:]
        for row in input.file.rows {
            let reader = input.reader(row)
            let draft = try PersonDraft.parse(reader, defaultKind: defaultKind)
            if let card = draft.idCard {
                if let first = firstLine[card] {
                    throw GSLError(
                        .data,
                        Message(
                            "身份证号重复（第\(first)行已出现）", en: "duplicate ID card number (already on line \(first))"
                        ),
                        at: reader.location("id_card")
                    ).because(.duplicateInFile)
                }
                firstLine[card] = row.line
            }
            drafts.append((row, draft))
        }
        var report = ImportReport()
        report.rows = drafts.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        return try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var r = report
            var writer = PersonWriter()
            try SearchIndexing.bulkInserting(m, table: "people") {
                var fresh: [(row: TabularRow, draft: PersonDraft)] = []
                var freshValues: [[DatabaseValue]] = []
                var columns: [String] = []
                for (index, (row, draft)) in drafts.enumerated() {
                    if index % 4_096 == 0 { options.progress?(index, drafts.count) }
                    let locate = { (key: String) in input.location(row, key) }
                    do {
                        let existing = try draft.idCard.flatMap {
                            try Row.fetchOne(
                                m.db, sql: "SELECT id, version FROM people WHERE id_card = ?", arguments: [$0]
                            )
                        }
                        if let existing {
                            switch options.onConflict {
                            case .fail:
                                throw GSLError.conflict(
                                    "身份证号已登记（#\(existing["id"] as Int64)）",
                                    en: "ID card number already recorded (#\(existing["id"] as Int64))"
                                ).because(.importKeyExists)
                            case .skip:
                                r.skipped += 1
                            case .update:
                                let values = try writer.columnValues(draft, m, locate: locate)
                                    .filter { $0.0 != "created_at" && $0.0 != "updated_at" }
                                try m.update(
                                    table: "people", entity: "person", key: existing["id"],
                                    expectedVersion: existing["version"], changes: values)
                                r.updated += 1
                            }
                        } else {
                            let values = try writer.columnValues(draft, m, locate: locate)
                            columns = values.map(\.0)
                            freshValues.append(values.map(\.1))
                            fresh.append((row, draft))
                        }
                    } catch {
                        throw input.rowError(error, row: row)
                    }
                }
                // New people are written together (one statement, audit entries of 1,000 rows).
                let firstID: Int64
                do {
                    firstID = try m.insertMany(
                        into: "people", entity: "person", columns: columns, rows: freshValues)
                } catch let failure as Mutation.BulkRowError {
                    throw input.rowError(failure.error, row: fresh[failure.index].row)
                }
                for (k, item) in fresh.enumerated() where item.draft.chamberRef != nil {
                    do {
                        try writer.joinChamber(
                            item.draft, id: firstID + Int64(k), m, locate: { input.location(item.row, $0) })
                    } catch {
                        throw input.rowError(error, row: item.row)
                    }
                }
                r.inserted += fresh.count
                options.progress?(drafts.count, drafts.count)
            }
            return r
        }
    }
}

/// Resolves a person draft's references and writes it.
struct PersonWriter {
    private var orgs = DraftResolver()

    mutating func columnValues(
        _ d: PersonDraft, _ m: Mutation,
        locate: (String) -> SourceLocation? = { _ in nil }
    ) throws -> [(String, DatabaseValue)] {
        var orgID: Int64?
        if let ref = d.organisationRef {
            orgID = try DraftResolver.located("organisation", locate) {
                try orgs.organisationID(ref, m, kind: nil)
            }
        }
        return [
            ("kind", d.kind.rawValue.databaseValue), ("name", d.name.databaseValue),
            ("gender", d.gender.databaseValue),
            ("birth_year", d.birthYear.databaseValue), ("id_card", d.idCard.databaseValue),
            ("phone", d.phone.databaseValue),
            ("email", d.email.databaseValue), ("organisation_id", orgID.databaseValue),
            ("title", d.title.databaseValue),
            ("note", d.note.databaseValue), ("created_at", m.context.at.databaseValue),
            ("updated_at", m.context.at.databaseValue),
        ]
    }

    @discardableResult
    mutating func insert(_ d: PersonDraft, _ m: Mutation, locate: (String) -> SourceLocation? = { _ in nil })
        throws -> Int64
    {
        let id = try m.insert(into: "people", entity: "person", values: columnValues(d, m, locate: locate))
        try joinChamber(d, id: id, m, locate: locate)
        return id
    }

    /// Adds the membership the draft names (所属商会), if any.
    mutating func joinChamber(
        _ d: PersonDraft, id: Int64, _ m: Mutation, locate: (String) -> SourceLocation? = { _ in nil }
    ) throws {
        if let chamberRef = d.chamberRef {
            let chamberID = try DraftResolver.located("chamber", locate) {
                try orgs.organisationID(chamberRef, m, kind: .chamber)
            }
            try m.insert(
                into: "memberships", entity: "membership",
                values: [
                    ("chamber_id", chamberID.databaseValue), ("member_person_id", id.databaseValue),
                    ("role", (d.role ?? "会员").databaseValue),
                    ("start_date", m.context.day.iso.databaseValue),
                    ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
                ])
        }
    }
}
