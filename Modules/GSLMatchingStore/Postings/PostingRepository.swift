import GRDB
import GSLCore
import GSLMatching
import GSLStore

/// Store access for postings (需求/供给): posting, importing, reading, closing.
public struct PostingRepository: Sendable {
    /// The store (with `MatchingSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    static let select = """
        SELECT p.*, o.name AS org_name, o.size AS org_size FROM match_postings p
        JOIN organisations o ON o.id = p.org_id
        """

    static func missing(_ ref: String) -> GSLError {
        GSLError.notFound("未找到供需信息 \(ref)", en: "no posting \(ref)").because(.matchingPostingNotFound)
    }

    static func list(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: ",").map(String.init)
    }

    static func posting(_ row: Row) -> Posting {
        Posting(
            id: row["id"], ref: row["ref"], side: PostingSide(rawValue: row["side"]) ?? .demand,
            kind: PostingKind(rawValue: row["kind"]) ?? .product, orgID: row["org_id"],
            orgName: row["org_name"],
            orgSize: (row["org_size"] as String?).flatMap(EnterpriseSize.init(rawValue:)),
            title: row["title"],
            text: row["body"], industryCode: row["industry_code"], regionCode: row["region_code"],
            amount: (row["amount_fen"] as Int64?).map(Money.init(fen:)),
            amountMin: (row["amount_min_fen"] as Int64?).map(Money.init(fen:)),
            amountMax: (row["amount_max_fen"] as Int64?).map(Money.init(fen:)), rateBP: row["rate_bp"],
            eligibleSizes: list(row["sizes"]).compactMap(EnterpriseSize.init(rawValue:)),
            excludedIndustries: list(row["excluded_industries"]),
            majors: (row["majors"] as String).isEmpty
                ? [] : (row["majors"] as String).components(separatedBy: "、"),
            capacity: row["capacity"], customised: (row["customised"] as Int64) == 1,
            deadline: (row["deadline"] as String?).flatMap { try? LocalDate.parse($0) },
            state: PostingState(rawValue: row["state"]) ?? .open,
            postedOn: (try? LocalDate.parse(row["posted_on"] as String)) ?? LocalDate(dayNumber: 0),
            version: row["version"])
    }

    /// Posts one posting (its organisation must exist; industry and region default to the
    /// organisation's). Nothing is written when anything is wrong.
    public func post(_ new: NewPosting, context: MutationContext) throws(GSLError) -> Posting {
        let new = try new.validated()
        let id = try store.write(context) { m in try Self.insert(new, m) }
        return try get(id)
    }

    /// Inserts a validated posting inside a write.
    static func insert(_ new: NewPosting, _ m: Mutation) throws -> Int64 {
        let org: Organisation
        do {
            org = try References.organisation(m.db, new.organisation)
        } catch let error as GSLError {
            throw error.at(SourceLocation(field: "org"))
        }
        var region = new.region.map(TextNormaliser.halfWidth) ?? org.regionCode
        if let typed = new.region {
            let code = try DivisionCode(typed).rawValue
            guard
                try String.fetchOne(
                    m.db.cachedStatement(sql: "SELECT code FROM regions WHERE code = ?"), arguments: [code])
                    != nil
            else {
                throw GSLError.data(
                    "区划代码 \(code) 不在区划表中", en: "division code \(code) is not in the region table",
                    at: SourceLocation(field: "region")
                ).because(.divisionCodeNotLoaded)
            }
            region = code
        }
        if let ref = new.ref,
            try Bool.fetchOne(
                m.db.cachedStatement(sql: "SELECT 1 FROM match_postings WHERE ref = ?"), arguments: [ref])
                == true
        {
            throw GSLError.conflict("编号 \(ref) 已存在", en: "reference \(ref) exists already")
                .at(SourceLocation(field: "ref")).because(.importKeyExists)
        }
        return try m.insert(
            into: "match_postings", entity: "match_posting",
            values: [
                ("ref", new.ref.databaseValue), ("side", new.side.rawValue.databaseValue),
                ("kind", new.kind.rawValue.databaseValue), ("org_id", org.id.databaseValue),
                ("title", new.title.databaseValue), ("body", new.text.databaseValue),
                ("industry_code", (new.industry ?? org.industryCode).databaseValue),
                ("region_code", region.databaseValue),
                ("amount_fen", new.amount?.fen.databaseValue ?? .null),
                ("amount_min_fen", new.amountMin?.fen.databaseValue ?? .null),
                ("amount_max_fen", new.amountMax?.fen.databaseValue ?? .null),
                ("rate_bp", new.rateBP.databaseValue),
                ("sizes", new.eligibleSizes.map(\.rawValue).joined(separator: ",").databaseValue),
                ("excluded_industries", new.excludedIndustries.joined(separator: ",").databaseValue),
                ("majors", new.majors.joined(separator: "、").databaseValue),
                ("capacity", new.capacity.databaseValue),
                ("customised", (new.customised ? 1 : 0).databaseValue),
                ("deadline", new.deadline?.iso.databaseValue ?? .null),
                ("state", PostingState.open.rawValue.databaseValue),
                ("posted_on", new.postedOn.iso.databaseValue),
                ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
            ])
    }

    /// One posting by id (`12`, `#12`) or reference.
    public func get(_ ref: String) throws(GSLError) -> Posting {
        let text = TextNormaliser.halfWidth(ref).trimmingCharacters(in: .whitespaces)
        let row = try store.read { db -> Row? in
            if let byRef = try Row.fetchOne(
                db.cachedStatement(sql: Self.select + " WHERE p.ref = ?"), arguments: [text])
            {
                return byRef
            }
            let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
            guard let id = Int64(digits) else { return nil }
            return try Row.fetchOne(db.cachedStatement(sql: Self.select + " WHERE p.id = ?"), arguments: [id])
        }
        guard let row else { throw Self.missing(ref) }
        return Self.posting(row)
    }

    /// One posting by id.
    public func get(_ id: Int64) throws(GSLError) -> Posting {
        let row = try store.read { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.select + " WHERE p.id = ?"), arguments: [id])
        }
        guard let row else { throw Self.missing("#\(id)") }
        return Self.posting(row)
    }

    /// Postings matching `filter`, newest first.
    public func list(_ filter: PostingFilter) throws(GSLError) -> [Posting] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: Self.select + """
                     WHERE (?1 IS NULL OR p.side = ?1) AND (?2 IS NULL OR p.kind = ?2) AND (?3 IS NULL OR p.state = ?3)
                     ORDER BY p.id DESC LIMIT ?4
                    """,
                arguments: [
                    filter.side?.rawValue, filter.kind?.rawValue, filter.state?.rawValue, filter.limit,
                ]
            ).map(Self.posting)
        }
    }

    /// Every open posting of `kind` on `side`, by id (the columns the scorer needs, read by
    /// position: a recommendation reads every open supply of its kind).
    public func open(kind: PostingKind, side: PostingSide) throws(GSLError) -> [Posting] {
        var out: [Posting] = []
        try forEachOpen(kind: kind, side: side) { out.append($0) }
        return out
    }

    /// Hands every open posting of `kind` on `side` to `body`, by id, one at a time (none is kept:
    /// a recommendation among a hundred thousand supplies holds only its best few).
    public func forEachOpen(kind: PostingKind, side: PostingSide, _ body: (Posting) -> Void) throws(GSLError)
    {
        try store.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.id, p.ref, p.org_id, o.name, o.size, p.title, p.body, p.industry_code, p.region_code,
                           p.amount_fen, p.amount_min_fen, p.amount_max_fen, p.sizes, p.excluded_industries, p.majors,
                           p.capacity, p.deadline, p.posted_on, p.version, p.rate_bp, p.customised
                    FROM match_postings p JOIN organisations o ON o.id = p.org_id
                    WHERE p.kind = ? AND p.side = ? AND p.state = ? ORDER BY p.id
                    """, arguments: [kind.rawValue, side.rawValue, PostingState.open.rawValue])
            while let row = try rows.next() {
                let sizes: String = row[12], excluded: String = row[13], majors: String = row[14]
                body(
                    Posting(
                        id: row[0], ref: row[1], side: side, kind: kind, orgID: row[2], orgName: row[3],
                        orgSize: (row[4] as String?).flatMap(EnterpriseSize.init(rawValue:)), title: row[5],
                        text: row[6], industryCode: row[7], regionCode: row[8],
                        amount: (row[9] as Int64?).map(Money.init(fen:)),
                        amountMin: (row[10] as Int64?).map(Money.init(fen:)),
                        amountMax: (row[11] as Int64?).map(Money.init(fen:)), rateBP: row[19],
                        eligibleSizes: Self.list(sizes).compactMap(EnterpriseSize.init(rawValue:)),
                        excludedIndustries: Self.list(excluded),
                        majors: majors.isEmpty ? [] : majors.components(separatedBy: "、"), capacity: row[15],
                        customised: (row[20] as Int64) == 1,
                        deadline: (row[16] as String?).flatMap { try? LocalDate.parse($0) }, state: .open,
                        postedOn: (try? LocalDate.parse(row[17] as String)) ?? LocalDate(dayNumber: 0),
                        version: row[18]))
            }
        }
    }

    /// The lowest and highest posting ids (of any kind and state), nil when there are none: the
    /// range a scan of postings is split by.
    public func idRange() throws(GSLError) -> ClosedRange<Int64>? {
        try store.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM match_postings"),
                let low = row[0] as Int64?, let high = row[1] as Int64?
            else { return nil }
            return low...high
        }
    }

    /// Hands every open posting of `kind` on `side` to `body` for scoring, by id, as its stored
    /// fields (`StoredSupply`: the columns the scorer needs, text as SQLite's bytes, valid during the
    /// call) — no posting and no string is made of a row: the scan behind a recommendation among a
    /// hundred thousand supplies, where making them cost more than scoring. Show a kept posting with
    /// `get`. `ids` limits the scan to a range of ids. The table is read in id order rather than
    /// through the market index (`+p.kind`): seeking each row the index finds was half of SQLite's
    /// time in that scan.
    public func forEachOpenToScore(
        kind: PostingKind, side: PostingSide, ids: ClosedRange<Int64>? = nil, _ body: (StoredSupply) -> Void
    ) throws(GSLError) {
        var arguments: StatementArguments = [kind.rawValue, side.rawValue, PostingState.open.rawValue]
        if let ids { arguments += [ids.lowerBound, ids.upperBound] }
        try store.scan(
            sql: """
                SELECT p.id, p.org_id, o.size, p.title, p.body, p.industry_code, p.region_code, p.amount_fen,
                       p.amount_min_fen, p.amount_max_fen, p.sizes, p.excluded_industries, p.majors, p.deadline
                FROM match_postings p JOIN organisations o ON o.id = p.org_id
                WHERE +p.kind = ? AND p.side = ? AND p.state = ?\(ids == nil ? "" : " AND p.id BETWEEN ? AND ?")
                ORDER BY p.id
                """, arguments: arguments
        ) { row in
            body(
                StoredSupply(
                    id: row.int64(0), orgID: row.int64(1), orgSize: row.utf8(2), industry: row.utf8(5),
                    region: row.utf8(6), amount: row.optionalInt64(7), amountMin: row.optionalInt64(8),
                    amountMax: row.optionalInt64(9), sizes: row.utf8(10), excluded: row.utf8(11),
                    deadline: row.utf8(13), title: row.utf8(3), text: row.utf8(4), majors: row.utf8(12)))
        }
    }

    /// Closes a posting on `date` (refused when closed already or dated before it was posted).
    public func close(_ ref: String, on date: LocalDate, expectedVersion: Int64?, context: MutationContext)
        throws(GSLError) -> Posting
    {
        let posting = try get(ref)
        // A stale version is a conflict (75) first, as for every optimistic lock.
        try Mutation.checkVersion(
            expectedVersion, found: posting.version,
            what: Message("供需信息 #\(posting.id)", en: "posting #\(posting.id)"))
        guard posting.state == .open else {
            throw GSLError.data("供需信息 #\(posting.id) 已关闭", en: "posting #\(posting.id) is closed already")
                .because(.matchingTransitionRefused)
        }
        guard date >= posting.postedOn else {
            throw GSLError.data(
                "关闭日 \(date.iso) 早于发布日 \(posting.postedOn.iso)",
                en: "closing date \(date.iso) is before the posting day \(posting.postedOn.iso)"
            ).because(.matchingStepInvalid)
        }
        try store.write(context) { m in
            try m.update(
                table: "match_postings", entity: "match_posting", key: posting.id.databaseValue,
                expectedVersion: posting.version,
                changes: [
                    ("state", PostingState.closed.rawValue.databaseValue),
                    ("closed_on", date.iso.databaseValue),
                ])
        }
        return try get(posting.id)
    }
}
