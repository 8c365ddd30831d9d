import Foundation
import GRDB
import GSLCasework
import GSLCore
import GSLStore

/// Store access for information reports (社情民意): drafting, submission, adoptions and leader
/// instructions, listing and scoring.
public struct InfoRepository: Sendable {
    /// The store (with `InfoSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) {
        self.store = store
    }

    static let select = """
        SELECT r.*, o.name AS chamber_name FROM info_reports r LEFT JOIN organisations o ON o.id = r.chamber_id
        """

    /// Drafts a report; `chamber` is an organisation reference (id, USCC or name) of kind chamber.
    public func draft(
        title: String, author: String, chamber: String?, body: String?, date: LocalDate,
        context: MutationContext
    ) throws(GSLError) -> InfoReport {
        let title = TextNormaliser.collapseSpaces(title)
        let author = TextNormaliser.collapseSpaces(author)
        guard !title.isEmpty else {
            throw GSLError.data("标题不能为空", en: "the title is empty").because(.valueRequired)
        }
        guard !author.isEmpty else {
            throw GSLError.data("作者不能为空", en: "the author is empty").because(.valueRequired)
        }
        let day = date
        let id = try store.write(context) { m -> Int64 in
            let chamberID = try chamber.map { try References.organisation(m.db, $0, kind: .chamber).id }
            return try m.insert(
                into: "info_reports", entity: "info_report",
                values: [
                    ("title", title.databaseValue), ("author", author.databaseValue),
                    ("chamber_id", chamberID.databaseValue),
                    ("body", body.databaseValue), ("state", InfoReportState.draft.rawValue.databaseValue),
                    ("drafted_on", day.iso.databaseValue), ("created_at", m.context.at.databaseValue),
                    ("updated_at", m.context.at.databaseValue),
                ])
        }
        return try get(id)
    }

    /// One report.
    public func get(_ id: Int64) throws(GSLError) -> InfoReport {
        let row = try store.read { db in
            try Row.fetchOne(db, sql: Self.select + " WHERE r.id = ?", arguments: [id])
        }
        guard let row else { throw Self.missing(id) }
        return Self.report(row)
    }

    static func missing(_ id: Int64) -> GSLError {
        GSLError.notFound("未找到信息 #\(id)", en: "no information report #\(id)").because(.infoNotFound)
    }

    static func report(_ row: Row) -> InfoReport {
        InfoReport(
            id: row["id"], title: row["title"], author: row["author"], chamberID: row["chamber_id"],
            chamberName: row["chamber_name"], body: row["body"],
            state: InfoReportState(rawValue: row["state"]) ?? .draft,
            draftedOn: (try? LocalDate.parse(row["drafted_on"] as String)) ?? LocalDate(dayNumber: 0),
            version: row["version"])
    }

    static func event(_ row: Row) -> InfoEvent {
        InfoEvent(
            reportID: row["report_id"], kind: InfoEventKind(rawValue: row["kind"]) ?? .submit,
            level: (row["level"] as String?).flatMap(InfoLevel.init(rawValue:)), body: row["body"],
            date: (try? LocalDate.parse(row["on_date"] as String)) ?? LocalDate(dayNumber: 0),
            actor: row["actor"])
    }

    /// A report's events in order.
    public func events(_ id: Int64) throws(GSLError) -> [InfoEvent] {
        try store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM info_events WHERE report_id = ? ORDER BY id", arguments: [id]
            ).map(Self.event)
        }
    }

    /// Records an event: a submission (draft only), an adoption or an instruction (submitted only,
    /// with a level and the adopting body or leader); refused with the allowed ones otherwise.
    public func record(
        _ kind: InfoEventKind, reportID: Int64, level: InfoLevel?, body: String?, date: LocalDate,
        expectedVersion: Int64? = nil, context: MutationContext
    ) throws(GSLError) -> InfoReport {
        let who = body.map(TextNormaliser.collapseSpaces)
        if kind != .submit {
            guard level != nil else {
                throw GSLError.usage("须指定级别", en: "the level is required").because(.infoLevelRequired)
            }
            guard let who, !who.isEmpty else {
                throw GSLError.usage(
                    kind == .adopt ? "须指定采用单位" : "须指定批示领导",
                    en: kind == .adopt
                        ? "the adopting body is required" : "the instructing leader is required"
                ).because(kind == .adopt ? .infoBodyRequired : .infoLeaderRequired)
            }
        }
        let day = date
        try store.write(context) { m in
            guard
                let row = try Row.fetchOne(
                    m.db, sql: "SELECT state, version, drafted_on FROM info_reports WHERE id = ?",
                    arguments: [reportID])
            else { throw Self.missing(reportID) }
            let version: Int64 = row["version"]
            try Mutation.checkVersion(
                expectedVersion, found: version, what: Message("信息 #\(reportID)", en: "report #\(reportID)"))
            let state = InfoReportState(rawValue: row["state"]) ?? .draft
            try state.check(kind)
            let drafted: String = row["drafted_on"]
            guard day.iso >= drafted else {
                throw GSLError.data(
                    "日期 \(day.iso) 早于起草日 \(drafted)",
                    en: "date \(day.iso) is before the draft date \(drafted)"
                ).because(.caseBackdated)
            }
            // Each event is dated on or after the previous one (an adoption not before the submission).
            if let last = try Row.fetchOne(
                m.db,
                sql:
                    "SELECT kind, on_date FROM info_events WHERE report_id = ? ORDER BY on_date DESC, id DESC LIMIT 1",
                arguments: [reportID]), day.iso < (last["on_date"] as String)
            {
                let previous =
                    InfoEventKind(rawValue: last["kind"]).map { Self.eventName($0) }
                    ?? Message("上一记录", en: "the previous event")
                throw GSLError.data(
                    "日期 \(day.iso) 早于\(previous.zh)日 \(last["on_date"] as String)",
                    en: "date \(day.iso) is before the \(previous.en) on \(last["on_date"] as String)"
                ).because(.caseBackdated)
            }
            let changes: [(String, DatabaseValue)] =
                kind == .submit ? [("state", InfoReportState.submitted.rawValue.databaseValue)] : []
            try m.update(
                table: "info_reports", entity: "info_report", key: reportID.databaseValue,
                expectedVersion: version,
                changes: changes)
            try m.insert(
                into: "info_events", entity: "info_event",
                values: [
                    ("report_id", reportID.databaseValue), ("kind", kind.rawValue.databaseValue),
                    ("level", kind == .submit ? .null : level?.rawValue.databaseValue ?? .null),
                    ("body", kind == .submit ? .null : who.databaseValue), ("on_date", day.iso.databaseValue),
                    ("actor", m.context.actor.databaseValue), ("recorded_at", m.context.at.databaseValue),
                ])
        }
        return try get(reportID)
    }

    /// Reports drafted in `period` (all when nil), newest first.
    public func list(period: Period?, limit: Int = 1000) throws(GSLError) -> [InfoReport] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: Self.select + """
                     WHERE (?1 IS NULL OR (r.drafted_on >= ?1 AND r.drafted_on <= ?2)) ORDER BY r.id DESC LIMIT ?3
                    """, arguments: [period?.start.iso, period?.end.iso, limit]
            ).map(Self.report)
        }
    }

    /// Scores by author or chamber over events dated in `period` (all when nil).
    public func score(by grouping: InfoGrouping, period: Period?, table: InfoPointsTable = .standard)
        throws(GSLError) -> [InfoScore]
    {
        let (reports, events) = try store.read { db in
            (
                try Row.fetchAll(db, sql: Self.select).map(Self.report),
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM info_events WHERE (?1 IS NULL OR (on_date >= ?1 AND on_date <= ?2)) ORDER BY id
                        """, arguments: [period?.start.iso, period?.end.iso]
                ).map(Self.event)
            )
        }
        return InfoScoring.score(reports: reports, events: events, table: table, by: grouping, period: period)
    }

    static func eventName(_ kind: InfoEventKind) -> Message {
        switch kind {
        case .submit: Message("报送", en: "submission")
        case .adopt: Message("采用", en: "adoption")
        case .instruct: Message("批示", en: "instruction")
        }
    }
}
