import Foundation
import GRDB
import GSLCasework
import GSLCore
import GSLStore

/// Store access for proposals (提案): filing, the state machine's actions with their timeline, and
/// adoption records.
public struct ProposalRepository: Sendable {
    /// The store (with `ProposalSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) {
        self.store = store
    }

    static let select = """
        SELECT p.*, o.name AS chamber_name FROM proposals p LEFT JOIN organisations o ON o.id = p.chamber_id
        """

    static func missing(_ id: Int64) -> GSLError {
        GSLError.notFound("未找到提案 #\(id)", en: "no proposal #\(id)").because(.proposalNotFound)
    }

    /// Files (立案) a proposal; `chamber` is an organisation reference of kind chamber.
    public func file(
        title: String, proposer: String, chamber: String?, body: String?, date: LocalDate,
        context: MutationContext
    ) throws(GSLError) -> ProposalRecord {
        let title = TextNormaliser.collapseSpaces(title)
        let proposer = TextNormaliser.collapseSpaces(proposer)
        guard !title.isEmpty else {
            throw GSLError.data("标题不能为空", en: "the title is empty").because(.valueRequired)
        }
        guard !proposer.isEmpty else {
            throw GSLError.data("提案人不能为空", en: "the proposer is empty").because(.valueRequired)
        }
        let day = date
        let id = try store.write(context) { m -> Int64 in
            let chamberID = try chamber.map { try References.organisation(m.db, $0, kind: .chamber).id }
            let id = try m.insert(
                into: "proposals", entity: "proposal",
                values: [
                    ("title", title.databaseValue), ("proposer", proposer.databaseValue),
                    ("chamber_id", chamberID.databaseValue),
                    ("body", body.databaseValue), ("state", ProposalState.filed.rawValue.databaseValue),
                    ("filed_on", day.iso.databaseValue), ("created_at", m.context.at.databaseValue),
                    ("updated_at", m.context.at.databaseValue),
                ])
            try Self.event(
                m, id: id, action: "file", from: nil, to: .filed, detail: nil, date: day, note: nil)
            return id
        }
        return try get(id)
    }

    static func event(
        _ m: Mutation, id: Int64, action: String, from: ProposalState?, to: ProposalState, detail: String?,
        date: LocalDate, note: String?
    ) throws {
        try m.insert(
            into: "proposal_events", entity: "proposal_event",
            values: [
                ("proposal_id", id.databaseValue), ("action", action.databaseValue),
                ("from_state", from?.rawValue.databaseValue ?? .null),
                ("to_state", to.rawValue.databaseValue),
                ("detail", detail.databaseValue), ("on_date", date.iso.databaseValue),
                ("actor", m.context.actor.databaseValue),
                ("note", note.databaseValue), ("recorded_at", m.context.at.databaseValue),
            ])
    }

    static func record(_ row: Row) -> ProposalRecord {
        let assisting =
            (try? JSONDecoder().decode([String].self, from: Data((row["assisting"] as String).utf8))) ?? []
        return ProposalRecord(
            id: row["id"], title: row["title"], proposer: row["proposer"], chamberName: row["chamber_name"],
            body: row["body"],
            state: ProposalState(rawValue: row["state"]) ?? .filed, leadDepartment: row["lead_department"],
            assisting: assisting,
            grade: (row["answer_grade"] as String?).flatMap(AnswerGrade.init(rawValue:)),
            evaluation: (row["evaluation"] as String?).flatMap(Satisfaction.init(rawValue:)),
            filedOn: row["filed_on"], version: row["version"])
    }

    /// One proposal.
    public func get(_ id: Int64) throws(GSLError) -> ProposalRecord {
        let row = try store.read { db in
            try Row.fetchOne(db, sql: Self.select + " WHERE p.id = ?", arguments: [id])
        }
        guard let row else { throw Self.missing(id) }
        return Self.record(row)
    }

    /// A proposal's timeline in order.
    public func events(_ id: Int64) throws(GSLError) -> [ProposalEvent] {
        try store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM proposal_events WHERE proposal_id = ? ORDER BY id", arguments: [id]
            ).map { row in
                ProposalEvent(
                    action: row["action"],
                    from: (row["from_state"] as String?).flatMap(ProposalState.init(rawValue:)),
                    to: ProposalState(rawValue: row["to_state"]) ?? .filed, detail: row["detail"],
                    date: row["on_date"],
                    actor: row["actor"], note: row["note"])
            }
        }
    }

    /// A proposal's adoption records in order.
    public func adoptions(_ id: Int64) throws(GSLError) -> [ProposalAdoption] {
        try store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM proposal_adoptions WHERE proposal_id = ? ORDER BY id", arguments: [id]
            ).map { row in
                ProposalAdoption(
                    proposalID: row["proposal_id"], level: InfoLevel(rawValue: row["level"]) ?? .municipal,
                    body: row["body"], date: row["on_date"])
            }
        }
    }

    /// Proposals filed in `period` (all when nil), optionally in one state, newest first.
    public func list(period: Period?, state: ProposalState? = nil, limit: Int = 1000) throws(GSLError)
        -> [ProposalRecord]
    {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: Self.select + """
                     WHERE (?1 IS NULL OR (p.filed_on >= ?1 AND p.filed_on <= ?2)) AND (?3 IS NULL OR p.state = ?3)
                     ORDER BY p.id DESC LIMIT ?4
                    """, arguments: [period?.start.iso, period?.end.iso, state?.rawValue, limit]
            ).map(Self.record)
        }
    }

    /// Applies one action (refused with the allowed ones listed when the state does not allow it);
    /// `expectedVersion` makes a concurrent change a conflict (exit 75).
    public func act(
        _ action: ProposalAction, proposalID: Int64, on date: LocalDate, note: String?,
        expectedVersion: Int64?,
        context: MutationContext
    ) throws(GSLError) -> ProposalRecord {
        let day = date
        if case .assign(let lead, _) = action, TextNormaliser.collapseSpaces(lead).isEmpty {
            throw GSLError.usage("须指定主办部门", en: "the lead department is required").because(
                .proposalLeadRequired)
        }
        if case .adopt(_, let body) = action, TextNormaliser.collapseSpaces(body).isEmpty {
            throw GSLError.usage("须指定采用单位", en: "the adopting body is required").because(.infoBodyRequired)
        }
        try store.write(context) { m in
            guard
                let row = try Row.fetchOne(
                    m.db, sql: "SELECT state, version, evaluation, filed_on FROM proposals WHERE id = ?",
                    arguments: [proposalID])
            else { throw Self.missing(proposalID) }
            let version: Int64 = row["version"]
            try Mutation.checkVersion(
                expectedVersion, found: version,
                what: Message("提案 #\(proposalID)", en: "proposal #\(proposalID)"))
            let state = ProposalState(rawValue: row["state"]) ?? .filed
            let unsatisfied = (row["evaluation"] as String?) == Satisfaction.unsatisfied.rawValue
            let next = try ProposalWorkflow.next(state, action, unsatisfied: unsatisfied)
            let filed: String = row["filed_on"]
            guard day.iso >= filed else {
                throw GSLError.data(
                    "日期 \(day.iso) 早于立案日 \(filed)", en: "date \(day.iso) is before the filing date \(filed)"
                ).because(.caseBackdated)
            }
            // Each action is dated on or after the previous event (an answer not before the assignment).
            if let last = try Row.fetchOne(
                m.db,
                sql:
                    "SELECT action, on_date FROM proposal_events WHERE proposal_id = ? ORDER BY on_date DESC, id DESC LIMIT 1",
                arguments: [proposalID]), day.iso < (last["on_date"] as String)
            {
                let kind = ProposalActionKind(rawValue: last["action"])
                let zh = kind?.label.zh ?? "立案", en = kind?.rawValue ?? "filing"
                throw GSLError.data(
                    "日期 \(day.iso) 早于上一动作（\(zh)）的日期 \(last["on_date"] as String)",
                    en:
                        "date \(day.iso) is before the previous action (\(en)) on \(last["on_date"] as String)"
                ).because(.caseBackdated)
            }
            var changes: [(String, DatabaseValue)] = [("state", next.rawValue.databaseValue)]
            switch action {
            case .assign(let lead, let assisting):
                let json = String(
                    decoding: try JSONEncoder().encode(assisting.map(TextNormaliser.collapseSpaces)),
                    as: UTF8.self)
                changes += [
                    ("lead_department", TextNormaliser.collapseSpaces(lead).databaseValue),
                    ("assisting", json.databaseValue),
                ]
            case .answer(let grade):
                changes += [
                    ("answer_grade", grade.rawValue.databaseValue), ("evaluation", DatabaseValue.null),
                ]
            case .evaluate(let s):
                changes.append(("evaluation", s.rawValue.databaseValue))
            case .adopt(let level, let body):
                try m.insert(
                    into: "proposal_adoptions", entity: "proposal_adoption",
                    values: [
                        ("proposal_id", proposalID.databaseValue), ("level", level.rawValue.databaseValue),
                        ("body", TextNormaliser.collapseSpaces(body).databaseValue),
                        ("on_date", day.iso.databaseValue),
                    ])
            case .close:
                break
            }
            // The version check in the UPDATE itself catches a writer that committed in between.
            try m.update(
                table: "proposals", entity: "proposal", key: proposalID.databaseValue,
                expectedVersion: version,
                changes: changes)
            try Self.event(
                m, id: proposalID, action: action.kind.rawValue, from: state, to: next, detail: action.detail,
                date: day, note: note)
        }
        return try get(proposalID)
    }
}
