import GRDB
import GSLCore
import GSLEvents
import GSLStore

/// Store access for the outcomes ledger: what events produced (agreements, intents, credit lines,
/// procurement), with the organisations party to each.
public struct OutcomeRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// A new outcome.
    public struct NewOutcome: Sendable {
        /// The event it came from.
        public var eventID: Int64
        /// Kind.
        public var kind: OutcomeKind
        /// What was agreed.
        public var title: String?
        /// Amount.
        public var amount: Money?
        /// The day.
        public var date: LocalDate
        /// Evidence note.
        public var evidence: String?
        /// Organisations party to it (id, USCC or name), at least one.
        public var parties: [String]

        /// An outcome.
        public init(
            eventID: Int64, kind: OutcomeKind, title: String? = nil, amount: Money? = nil, date: LocalDate,
            evidence: String? = nil, parties: [String]
        ) {
            self.eventID = eventID
            self.kind = kind
            self.title = title
            self.amount = amount
            self.date = date
            self.evidence = evidence
            self.parties = parties
        }
    }

    /// Records an outcome; returns its id.
    public func add(_ new: NewOutcome, context: MutationContext) throws(GSLError) -> Int64 {
        guard !new.parties.isEmpty else {
            throw GSLError.data("成果至少要有一个签约方（组织）", en: "an outcome needs at least one party (organisation)")
                .because(.eventOutcomeInvalid)
        }
        if let a = new.amount, a.fen < 0 {
            throw GSLError.data("金额不能为负", en: "the amount is negative").because(.eventOutcomeInvalid)
        }
        return try store.write(context) { m -> Int64 in
            _ = try EventRepository.get(m.db, new.eventID)
            let orgs = try new.parties.map { try References.organisation(m.db, $0).id }
            let id = try m.insert(
                into: "event_outcomes", entity: "event_outcome",
                values: [
                    ("event_id", new.eventID.databaseValue), ("kind", new.kind.rawValue.databaseValue),
                    ("title", EventRepository.clean(new.title).databaseValue),
                    ("amount_fen", new.amount?.fen.databaseValue ?? .null),
                    ("on_date", new.date.iso.databaseValue),
                    ("evidence", EventRepository.clean(new.evidence).databaseValue),
                    ("created_at", m.context.at.databaseValue),
                ])
            for org in Array(Set(orgs)).sorted() {
                try m.insert(
                    into: "event_outcome_parties", entity: "event_outcome_party",
                    values: [("outcome_id", id.databaseValue), ("org_id", org.databaseValue)],
                    key: "\(id)/\(org)")
            }
            return id
        }
    }

    /// Outcomes of an event, or dated between `from` and `to`, by date.
    public func list(eventID: Int64?, from: LocalDate?, to: LocalDate?) throws(GSLError) -> [OutcomeRecord] {
        try store.read { db in
            if let eventID { _ = try EventRepository.get(db, eventID) }
            return try Self.list(db, eventID: eventID, from: from, to: to)
        }
    }

    static func list(_ db: Database, eventID: Int64?, from: LocalDate?, to: LocalDate?) throws
        -> [OutcomeRecord]
    {
        var conditions: [String] = []
        var args: [DatabaseValueConvertible] = []
        if let eventID {
            conditions.append("x.event_id = ?")
            args.append(eventID)
        }
        if let from {
            conditions.append("x.on_date >= ?")
            args.append(from.iso)
        }
        if let to {
            conditions.append("x.on_date <= ?")
            args.append(to.iso)
        }
        let whereSQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT x.id, x.event_id, e.title, x.kind, x.title, x.amount_fen, x.on_date, x.evidence
                FROM event_outcomes x JOIN events e ON e.id = x.event_id\(whereSQL) ORDER BY x.on_date, x.id
                """, arguments: StatementArguments(args))
        var parties: [Int64: [OutcomeRecord.Party]] = [:]
        let ids = rows.map { $0[0] as Int64 }
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT p.outcome_id, o.id, o.name FROM event_outcome_parties p JOIN organisations o ON o.id = p.org_id
                    WHERE p.outcome_id IN (\(marks)) ORDER BY p.outcome_id, o.name
                    """, arguments: StatementArguments(chunk))
            {
                parties[r[0], default: []].append(.init(id: r[1], name: r[2]))
            }
        }
        return rows.map { r in
            OutcomeRecord(
                id: r[0], eventID: r[1], eventTitle: r[2], kind: OutcomeKind(rawValue: r[3]) ?? .agreement,
                title: r[4],
                amount: (r[5] as Int64?).map(Money.init(fen:)), date: r[6], evidence: r[7],
                parties: parties[r[0]] ?? [])
        }
    }
}
