import Foundation
import GRDB
import GSLCore
import GSLMatching
import GSLStore

/// Store access for match proposals: making them (one by hand, or a market run's pairs), the
/// follow-through steps with their log, and reading them.
public struct MatchProposalRepository: Sendable {
    /// The store (with `MatchingSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    static let select = """
        SELECT mp.*, d.title AS demand_title, s.title AS supply_title, od.name AS demand_org, os.name AS supply_org
        FROM match_proposals mp
        JOIN match_postings d ON d.id = mp.demand_id JOIN organisations od ON od.id = d.org_id
        JOIN match_postings s ON s.id = mp.supply_id JOIN organisations os ON os.id = s.org_id
        """

    static func missing(_ id: Int64) -> GSLError {
        GSLError.notFound("未找到匹配推荐 #\(id)", en: "no match proposal #\(id)").because(.matchingProposalNotFound)
    }

    static func partsJSON(_ parts: [MatchExplanation.Part]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(parts), as: UTF8.self)) ?? "[]"
    }

    static func proposal(_ row: Row) -> MatchProposal {
        let parts =
            (try? JSONDecoder().decode(
                [MatchExplanation.Part].self, from: Data((row["explanation"] as String).utf8)))
            ?? []
        return MatchProposal(
            id: row["id"], runID: row["run_id"], demandID: row["demand_id"], demandTitle: row["demand_title"],
            demandOrg: row["demand_org"], supplyID: row["supply_id"], supplyTitle: row["supply_title"],
            supplyOrg: row["supply_org"], kind: PostingKind(rawValue: row["kind"]) ?? .product,
            score: row["score"],
            parts: parts, state: MatchState(rawValue: row["state"]) ?? .proposed,
            proposedOn: row["proposed_on"],
            dealAmount: (row["deal_amount_fen"] as Int64?).map(Money.init(fen:)), dealOn: row["deal_on"],
            hires: row["hires"], salaryBand: row["salary_band"], failReason: row["fail_reason"],
            version: row["version"])
    }

    /// Inserts a proposal and its first log entry inside a write; nil when the pair has one already.
    static func insert(
        _ e: MatchExplanation, kind: PostingKind, runID: Int64?, date: LocalDate, note: String?, _ m: Mutation
    ) throws -> Int64? {
        if try Bool.fetchOne(
            m.db.cachedStatement(sql: "SELECT 1 FROM match_proposals WHERE demand_id = ? AND supply_id = ?"),
            arguments: [e.demandID, e.supplyID]) == true
        {
            return nil
        }
        let id = try m.insert(
            into: "match_proposals", entity: "match_proposal",
            values: [
                ("run_id", runID.databaseValue), ("demand_id", e.demandID.databaseValue),
                ("supply_id", e.supplyID.databaseValue), ("kind", kind.rawValue.databaseValue),
                ("score", e.score.databaseValue), ("explanation", partsJSON(e.parts).databaseValue),
                ("state", MatchState.proposed.rawValue.databaseValue),
                ("proposed_on", date.iso.databaseValue),
                ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
            ])
        try event(m, id: id, step: .propose, from: nil, to: .proposed, date: date, note: note)
        return id
    }

    static func event(
        _ m: Mutation, id: Int64, step: MatchStep, from: MatchState?, to: MatchState, date: LocalDate,
        note: String?
    ) throws {
        try m.insert(
            into: "match_events", entity: "match_event",
            values: [
                ("proposal_id", id.databaseValue), ("step", step.rawValue.databaseValue),
                ("from_state", from?.rawValue.databaseValue ?? .null),
                ("to_state", to.rawValue.databaseValue),
                ("on_date", date.iso.databaseValue), ("actor", m.context.actor.databaseValue),
                ("note", note.databaseValue), ("recorded_at", m.context.at.databaseValue),
            ])
    }

    /// Proposes one pair (a recommendation taken up by hand); refused when the pair has a proposal.
    public func propose(
        _ e: MatchExplanation, kind: PostingKind, date: LocalDate, note: String?, context: MutationContext
    ) throws(GSLError) -> MatchProposal {
        let id = try store.write(context) { m -> Int64 in
            guard let id = try Self.insert(e, kind: kind, runID: nil, date: date, note: note, m) else {
                throw GSLError.conflict(
                    "供需 #\(e.demandID) 与 #\(e.supplyID) 已有匹配推荐",
                    en: "postings #\(e.demandID) and #\(e.supplyID) have a proposal already"
                ).because(.matchingProposalExists)
            }
            return id
        }
        return try get(id)
    }

    /// Stores a market run and its pairs as proposals in one transaction; pairs that have a
    /// proposal already are skipped. Returns the run id, proposals made and pairs skipped.
    public func storeRun(
        kind: PostingKind, mode: MatchMode, demands: Int, supplies: Int, result: MarketResult,
        explanations: [MatchExplanation], weights: String, date: LocalDate, context: MutationContext
    ) throws(GSLError) -> (runID: Int64, created: Int, skipped: Int) {
        try store.write(context) { m in
            let runID = try m.insert(
                into: "match_runs", entity: "match_run",
                values: [
                    ("kind", kind.rawValue.databaseValue), ("mode", mode.rawValue.databaseValue),
                    ("demands", demands.databaseValue), ("supplies", supplies.databaseValue),
                    ("candidates", result.candidateCount.databaseValue),
                    ("pairs", result.pairs.count.databaseValue),
                    ("objective", result.objective.databaseValue), ("weights", weights.databaseValue),
                    ("ran_on", date.iso.databaseValue), ("created_at", m.context.at.databaseValue),
                ])
            var created = 0, skipped = 0
            for e in explanations {
                if try Self.insert(e, kind: kind, runID: runID, date: date, note: nil, m) != nil {
                    created += 1
                } else {
                    skipped += 1
                }
            }
            return (runID, created, skipped)
        }
    }

    /// One proposal.
    public func get(_ id: Int64) throws(GSLError) -> MatchProposal {
        let row = try store.read { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.select + " WHERE mp.id = ?"), arguments: [id])
        }
        guard let row else { throw Self.missing(id) }
        return Self.proposal(row)
    }

    /// A proposal's log in order.
    public func events(_ id: Int64) throws(GSLError) -> [MatchEvent] {
        try store.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM match_events WHERE proposal_id = ? ORDER BY id"),
                arguments: [id]
            )
            .map { row in
                MatchEvent(
                    step: MatchStep(rawValue: row["step"]) ?? .propose,
                    from: (row["from_state"] as String?).flatMap(MatchState.init(rawValue:)),
                    to: MatchState(rawValue: row["to_state"]) ?? .proposed, date: row["on_date"],
                    actor: row["actor"], note: row["note"])
            }
        }
    }

    /// Proposals, optionally of one kind, state, run or demand, by id.
    public func list(
        kind: PostingKind?, state: MatchState?, runID: Int64?, demandID: Int64? = nil, limit: Int
    ) throws(GSLError)
        -> [MatchProposal]
    {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: Self.select + """
                     WHERE (?1 IS NULL OR mp.kind = ?1) AND (?2 IS NULL OR mp.state = ?2) AND (?3 IS NULL OR mp.run_id = ?3)
                       AND (?5 IS NULL OR mp.demand_id = ?5)
                     ORDER BY mp.id LIMIT ?4
                    """, arguments: [kind?.rawValue, state?.rawValue, runID, limit, demandID]
            ).map(Self.proposal)
        }
    }

    /// Applies one follow-through step on `date`: refused when out of order, dated before the
    /// previous step, or (a deal) without its outcome; nothing is written then.
    public func act(
        _ action: MatchAction, id: Int64, on date: LocalDate, note: String?, expectedVersion: Int64?,
        context: MutationContext
    ) throws(GSLError) -> MatchProposal {
        let current = try get(id)
        // A stale version is a conflict (75) before anything else: the step the caller chose
        // from that version may no longer be allowed because someone else took a step meanwhile.
        try Mutation.checkVersion(
            expectedVersion, found: current.version, what: Message("匹配推荐 #\(id)", en: "match proposal #\(id)")
        )
        let next = try MatchWorkflow.next(current.state, action.step)
        try action.validate(kind: current.kind)
        try store.write(context) { m in
            if let last = try String.fetchOne(
                m.db.cachedStatement(sql: "SELECT max(on_date) FROM match_events WHERE proposal_id = ?"),
                arguments: [id]),
                date.iso < last
            {
                throw GSLError.data(
                    "日期 \(date.iso) 早于上一步的日期 \(last)",
                    en: "date \(date.iso) is before the previous step on \(last)"
                ).because(.matchingStepInvalid)
            }
            var changes: [(String, DatabaseValue)] = [("state", next.rawValue.databaseValue)]
            switch action {
            case .deal(let amount, let hires, let band):
                changes += [
                    ("deal_amount_fen", amount?.fen.databaseValue ?? .null),
                    ("deal_on", date.iso.databaseValue),
                    ("hires", hires.databaseValue),
                    ("salary_band", band.map(TextNormaliser.collapseSpaces).databaseValue),
                ]
            case .fail(let reason):
                changes.append(("fail_reason", TextNormaliser.collapseSpaces(reason).databaseValue))
            case .introduce, .negotiate:
                break
            }
            try m.update(
                table: "match_proposals", entity: "match_proposal", key: id.databaseValue,
                expectedVersion: current.version, changes: changes)
            try Self.event(
                m, id: id, step: action.step, from: current.state, to: next, date: date, note: note)
        }
        return try get(id)
    }
}
