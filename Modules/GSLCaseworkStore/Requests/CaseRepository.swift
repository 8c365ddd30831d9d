import Foundation
import GRDB
import GSLCasework
import GSLCore
import GSLStore
import GSLTabular

/// Store access for requests (诉求): opening and importing, reading, listing, and the state
/// machine's actions with their timeline. SLA views (`CaseSLARepository`), service rates
/// (`CaseRateRepository`), duplicate search (`CaseSimilarityRepository`) and settings
/// (`CaseSettingsRepository`) have their own; `CaseService` is what commands call.
public struct CaseRepository: Sendable {
    /// The store (with `CaseSchema.migrations`).
    public let store: Store
    /// The category taxonomy.
    public var taxonomy: CaseTaxonomy = .standard
    /// SLA policies.
    public var policies: SLAPolicySet = .standard
    /// Workflow rules (reopen window).
    public var rules: WorkflowRules = .standard

    /// A repository over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The columns `CaseRecord(row:)` reads, by position (name lookups cost a lowercasing each).
    static let select = """
        SELECT c.id, c.org_id, o.name, o.region_code, c.source, c.category, c.priority, c.title, c.description, c.state,
               c.lead_department, c.assisting, c.merged_into, c.opened_on, c.version, c.event_id
        FROM cases c JOIN organisations o ON o.id = c.org_id
        """

    /// What a new request needs.
    public struct NewCase: Sendable {
        /// Enterprise reference (id, USCC or name).
        public var organisation: String
        /// Category (code, Chinese or English name).
        public var category: String
        /// Source.
        public var source: CaseSource
        /// Priority.
        public var priority: CasePriority
        /// Title.
        public var title: String
        /// Description.
        public var description: String?
        /// The day it was received.
        public var date: LocalDate
        /// The event it was raised at (with source `event`).
        public var eventID: Int64?

        /// A new request.
        public init(
            organisation: String, category: String, source: CaseSource, priority: CasePriority, title: String,
            description: String?, date: LocalDate, eventID: Int64? = nil
        ) {
            self.eventID = eventID
            self.organisation = organisation
            self.category = category
            self.source = source
            self.priority = priority
            self.title = title
            self.description = description
            self.date = date
        }
    }

    /// Opens a request and receives it (受理) in one transaction.
    public func open(_ new: NewCase, context: MutationContext) throws(GSLError) -> CaseRecord {
        let category = try taxonomy.category(named: new.category)
        let title = TextNormaliser.collapseSpaces(new.title)
        guard !title.isEmpty else {
            throw GSLError.data("标题不能为空", en: "the title is empty").because(.valueRequired)
        }
        var checked = new
        checked.category = category.code
        checked.title = title
        let rules = self.rules, policies = self.policies
        let id = try store.write(context) { m -> Int64 in
            try Self.insert(checked, rules: rules, policies: policies, m)
        }
        return try get(id)
    }

    /// The fields of a request file.
    public static let fields: [FieldSpec] = [
        FieldSpec("org", aliases: ["企业", "企业名称", "统一社会信用代码", "enterprise"], required: true),
        FieldSpec("category", aliases: ["类别", "诉求类别", "分类"], required: true),
        FieldSpec("title", aliases: ["标题", "诉求", "诉求标题", "事项"], required: true),
        FieldSpec("description", aliases: ["描述", "诉求内容", "内容", "详细情况"]),
        FieldSpec("source", aliases: ["来源", "渠道"]),
        FieldSpec("priority", aliases: ["优先级", "紧急程度"]),
        FieldSpec("date", aliases: ["受理日期", "日期", "登记日期"]),
    ]

    /// Opens every request of a file in one transaction (a bad row writes nothing and names its place).
    /// Rows without a date are received on `today`.
    public func importFile(_ options: ImportOptions, today: LocalDate, context: MutationContext)
        throws(GSLError)
        -> ImportReport
    {
        let input = try ImportSupport(options, fields: Self.fields)
        var drafts: [(TabularRow, NewCase)] = []
        for row in input.file.rows {
            let r = input.reader(row)
            let category = try r.parse("category") { (t: String) throws(GSLError) in
                try taxonomy.category(named: t).code
            }!
            let source =
                try r.parse("source") { (t: String) throws(GSLError) in try CaseSource.parse(t) } ?? .visit
            let priority =
                try r.parse("priority") { (t: String) throws(GSLError) in try CasePriority.parse(t) }
                ?? .normal
            let date = try r.parse("date") { (t: String) throws(GSLError) in try LocalDate.parse(t) }
            drafts.append(
                (
                    row,
                    NewCase(
                        organisation: try r.required("org", label: Message("企业", en: "enterprise")),
                        category: category,
                        source: source, priority: priority,
                        title: try r.required("title", label: Message("标题", en: "title")),
                        description: r.text("description"), date: date ?? today)
                ))
        }
        var report = ImportReport()
        report.rows = drafts.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        let base = report, rules = self.rules, policies = self.policies
        return try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var out = base
            for (row, new) in drafts {
                do {
                    _ = try Self.insert(new, rules: rules, policies: policies, m)
                } catch {
                    throw input.rowError(error, row: row)
                }
                out.inserted += 1
            }
            return out
        }
    }

    static func insert(_ new: NewCase, rules: WorkflowRules, policies: SLAPolicySet, _ m: Mutation) throws
        -> Int64
    {
        let org = try References.organisation(m.db, new.organisation, kind: nil)
        let date = new.date
        try checkEvent(new, m.db)
        let id = try m.insert(
            into: "cases", entity: "case",
            values: [
                ("org_id", org.id.databaseValue), ("source", new.source.rawValue.databaseValue),
                ("category", new.category.databaseValue), ("priority", new.priority.rawValue.databaseValue),
                ("title", TextNormaliser.collapseSpaces(new.title).databaseValue),
                ("description", new.description.databaseValue),
                ("state", CaseState.draft.rawValue.databaseValue), ("opened_on", date.iso.databaseValue),
                ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
                ("event_id", new.eventID.databaseValue),
            ])
        try apply(
            .receive, caseID: id, on: date, note: nil, expectedVersion: nil, rules: rules, policies: policies,
            m)
        return id
    }

    /// A request from an event names the event, which must exist; only such a request names one.
    static func checkEvent(_ new: NewCase, _ db: Database) throws {
        guard let eventID = new.eventID else {
            if new.source == .event {
                throw GSLError.data("来源为活动的诉求须指明活动编号", en: "a request from an event needs the event's number")
                    .because(.valueRequired)
            }
            return
        }
        guard new.source == .event else {
            throw GSLError.data("只有来源为活动的诉求可以指明活动", en: "only a request from an event names an event")
                .because(.caseActionInvalid)
        }
        guard try db.tableExists("events"),
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM events WHERE id = ?"), arguments: [eventID]) == true
        else {
            throw GSLError.notFound("未找到活动 #\(eventID)", en: "no event #\(eventID)").because(
                .storeReferenceNotFound)
        }
    }

    /// One request.
    public func get(_ id: Int64) throws(GSLError) -> CaseRecord {
        let row = try store.read { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.select + " WHERE c.id = ?"), arguments: [id])
        }
        guard let row else {
            throw GSLError.notFound("未找到诉求 #\(id)", en: "no request #\(id)").because(.requestNotFound)
        }
        return CaseRecord(row: row)
    }

    /// A request's events in order.
    public func events(_ id: Int64) throws(GSLError) -> [CaseEvent] {
        try store.read { db in try Self.events(db, id) }
    }

    static func events(_ db: Database, _ id: Int64) throws -> [CaseEvent] {
        try Row.fetchAll(
            db.cachedStatement(
                sql:
                    "SELECT case_id, action, from_state, to_state, on_date, actor, note, event FROM case_events WHERE case_id = ? ORDER BY id"
            ),
            arguments: [id]
        ).map(event(from:))
    }

    /// The events of many requests at once (one query), by request id.
    static func events(_ db: Database, ids: [Int64], forClock: Bool = false) throws -> [Int64: [CaseEvent]] {
        var out: [Int64: [CaseEvent]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }
        ) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT case_id, action, from_state, to_state, on_date, actor, note, event FROM case_events
                    WHERE case_id IN (\(marks)) ORDER BY case_id, id
                    """, arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                out[row[0] as Int64, default: []].append(
                    try forClock ? clockEvent(from: row) : event(from: row))
            }
        }
        return out
    }

    static let simpleActions: [String: CaseAction] = [
        "receive": .receive, "start": .start, "pause": .pause, "resume": .resume, "answer": .answer,
        "close": .close,
        "reopen": .reopen,
    ]

    /// An event as the SLA clocks see it: only its kind, states and date matter, so payloads are left
    /// empty and no JSON is decoded.
    static let placeholders: [String: CaseAction] = [
        "assign": .assign(lead: "", assisting: []), "reject": .reject(reason: ""),
        "evaluate": .evaluate(Callback(contacted: false, solved: false, satisfaction: nil, valid: false)),
        "merge": .merge(into: "", targetState: .received),
    ]

    static func clockEvent(from row: Row) throws -> CaseEvent {
        // Columns by position: case_id, action, from_state, to_state, on_date, actor, note, event.
        guard let action = placeholders[row[1] as String] ?? simpleActions[row[1] as String],
            let from = CaseState(rawValue: row[2]), let to = CaseState(rawValue: row[3]),
            let date = try? LocalDate.parse(row[4] as String)
        else { return try event(from: row) }
        return CaseEvent(
            caseID: String(row[0] as Int64), action: action, from: from, to: to, date: date,
            actor: row[5], note: row[6])
    }

    /// An event from its row: actions without a payload are rebuilt from the columns; the others
    /// (assign, evaluate, reject, merge) from the stored JSON.
    static func event(from row: Row) throws -> CaseEvent {
        if let action = simpleActions[row["action"] as String],
            let from = CaseState(rawValue: row["from_state"]),
            let to = CaseState(rawValue: row["to_state"]),
            let date = try? LocalDate.parse(row["on_date"] as String)
        {
            return CaseEvent(
                caseID: String(row["case_id"] as Int64), action: action, from: from, to: to, date: date,
                actor: row["actor"], note: row["note"])
        }
        let text: String = row["event"]
        return try JSONDecoder().decode(CaseEvent.self, from: Data(text.utf8))
    }

    /// Filters for listing requests.
    public struct Filter: Sendable {
        /// State.
        public var state: CaseState?
        /// Lead department.
        public var department: String?
        /// Category code.
        public var category: String?
        /// Enterprise id.
        public var orgID: Int64?

        /// A filter.
        public init(
            state: CaseState? = nil, department: String? = nil, category: String? = nil, orgID: Int64? = nil
        ) {
            self.state = state
            self.department = department
            self.category = category
            self.orgID = orgID
        }
    }

    /// Requests matching `filter`, newest first.
    public func list(_ filter: Filter, limit: Int = 100) throws(GSLError) -> [CaseRecord] {
        try page(filter, before: nil, limit: limit)
    }

    /// One page of the requests matching `filter`, newest first: those with an id below `before`
    /// (nil: from the newest). Keyed on the id, so a page costs the same deep in a long queue.
    public func page(_ filter: Filter, before: Int64?, limit: Int) throws(GSLError) -> [CaseRecord] {
        var clauses: [String] = []
        var args = StatementArguments()
        if let s = filter.state { clauses.append("c.state = ?"); args += [s.rawValue] }
        if let d = filter.department { clauses.append("c.lead_department = ?"); args += [d] }
        if let c = filter.category {
            clauses.append("c.category = ?"); args += [try taxonomy.category(named: c).code]
        }
        if let o = filter.orgID { clauses.append("c.org_id = ?"); args += [o] }
        if let before { clauses.append("c.id < ?"); args += [before] }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        args += [limit]
        let sql = Self.select + whereSQL + " ORDER BY c.id DESC LIMIT ?"
        return try store.read { db in
            try Row.fetchAll(db, sql: sql, arguments: args).map(CaseRecord.init(row:))
        }
    }

    /// How many requests are in each state (states without requests left out).
    public func stateCounts() throws(GSLError) -> [(CaseState, Int)] {
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT state, count(*) FROM cases GROUP BY state")
        }
        let counts = Dictionary(
            rows.compactMap { row in CaseState(rawValue: row[0]).map { ($0, row[1] as Int) } },
            uniquingKeysWith: +)
        return CaseState.allCases.compactMap { s in counts[s].map { (s, $0) } }
    }

    /// The enterprise id for a reference (for filters).
    public func organisationID(_ reference: String) throws(GSLError) -> Int64 {
        try store.read { db in try References.organisation(db, reference, kind: nil).id }
    }

    /// Applies one action of the state machine (refused with the allowed ones listed when the state
    /// does not allow it); `expectedVersion` makes a concurrent change a conflict (exit 75).
    public func act(
        _ action: CaseAction, caseID: Int64, on date: LocalDate, note: String?, expectedVersion: Int64?,
        context: MutationContext
    ) throws(GSLError) -> CaseRecord {
        let rules = self.rules, policies = self.policies
        try store.write(context) { m in
            try Self.apply(
                action, caseID: caseID, on: date, note: note, expectedVersion: expectedVersion,
                rules: rules, policies: policies, m)
        }
        return try get(caseID)
    }

    static func apply(
        _ action: CaseAction, caseID: Int64, on date: LocalDate, note: String?, expectedVersion: Int64?,
        rules: WorkflowRules, policies: SLAPolicySet, _ m: Mutation
    ) throws {
        guard
            let row = try Row.fetchOne(
                m.db, sql: "SELECT state, version, category, priority FROM cases WHERE id = ?",
                arguments: [caseID])
        else {
            throw GSLError.notFound("未找到诉求 #\(caseID)", en: "no request #\(caseID)").because(.requestNotFound)
        }
        let version: Int64 = row["version"]
        try Mutation.checkVersion(
            expectedVersion, found: version, what: Message("诉求 #\(caseID)", en: "request #\(caseID)"))
        var resolved = action
        if case .merge(let target, _) = action {
            guard let targetID = Int64(target),
                let targetState = try String.fetchOne(
                    m.db, sql: "SELECT state FROM cases WHERE id = ?", arguments: [targetID]
                )
                .flatMap(CaseState.init(rawValue:))
            else {
                throw GSLError.notFound("未找到要并入的诉求 #\(target)", en: "no request #\(target) to merge into")
                    .because(.requestNotFound)
            }
            guard targetID != caseID else {
                throw GSLError.data("不能并入自身", en: "a request cannot be merged into itself")
            }
            resolved = .merge(into: target, targetState: targetState)
        }
        let history = try events(m.db, caseID)
        let snapshot = CaseSnapshot.replay(id: String(caseID), events: history)
        let (state, event) = try CaseWorkflow.apply(
            resolved, to: snapshot, on: date, actor: m.context.actor, note: note, rules: rules)
        var changes: [(String, DatabaseValue)] = [("state", state.rawValue.databaseValue)]
        if case .assign(let lead, let assisting) = resolved {
            let json = String(decoding: try JSONEncoder().encode(assisting), as: UTF8.self)
            changes += [("lead_department", lead.databaseValue), ("assisting", json.databaseValue)]
        }
        if case .merge(let target, _) = resolved {
            changes.append(("merged_into", Int64(target).databaseValue))
        }
        // Due dates of the running clocks under the configured policies, kept on the row so that
        // SLA views read only candidates.
        let due = CaseSLARepository.storedDueDates(
            caseID: caseID, events: history + [event], state: state, category: row["category"],
            priority: CasePriority(rawValue: row["priority"]) ?? .normal, policies: policies, on: date)
        changes += [
            ("response_due", due.response), ("resolution_due", due.resolution),
            ("resolution_met", due.resolutionMet),
        ]
        if case .evaluate(let callback) = resolved {
            // The latest callback also lives on the row, so the rates are one grouped scan.
            changes += [
                ("cb_valid", (callback.valid ? 1 : 0).databaseValue),
                ("cb_contacted", (callback.contacted ? 1 : 0).databaseValue),
                ("cb_solved", (callback.solved ? 1 : 0).databaseValue),
                ("cb_satisfaction", callback.satisfaction?.rawValue.databaseValue ?? .null),
            ]
        }
        // The version check in the UPDATE itself catches a writer that committed in between.
        try m.update(
            table: "cases", entity: "case", key: caseID.databaseValue, expectedVersion: version,
            changes: changes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let eventJSON = String(decoding: try encoder.encode(event), as: UTF8.self)
        try m.insert(
            into: "case_events", entity: "case_event",
            values: [
                ("case_id", caseID.databaseValue), ("action", event.action.kind.rawValue.databaseValue),
                ("from_state", event.from.rawValue.databaseValue),
                ("to_state", event.to.rawValue.databaseValue),
                ("on_date", date.iso.databaseValue), ("actor", m.context.actor.databaseValue),
                ("note", note.databaseValue),
                ("event", eventJSON.databaseValue), ("recorded_at", m.context.at.databaseValue),
            ])
        if case .evaluate(let callback) = resolved {
            if try Bool.fetchOne(
                m.db, sql: "SELECT 1 FROM case_callbacks WHERE case_id = ?", arguments: [caseID])
                == true
            {
                try m.delete(
                    table: "case_callbacks", entity: "case_callback", keyColumn: "case_id",
                    key: caseID.databaseValue)
            }
            try m.insert(
                into: "case_callbacks", entity: "case_callback",
                values: [
                    ("case_id", caseID.databaseValue),
                    ("contacted", (callback.contacted ? 1 : 0).databaseValue),
                    ("solved", (callback.solved ? 1 : 0).databaseValue),
                    ("satisfaction", callback.satisfaction?.rawValue.databaseValue ?? .null),
                    ("valid", (callback.valid ? 1 : 0).databaseValue), ("on_date", date.iso.databaseValue),
                ], key: String(caseID))
        }
    }
}
