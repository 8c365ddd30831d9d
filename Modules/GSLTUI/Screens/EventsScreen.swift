import Foundation
import GSLCore
import GSLEvents
import GSLEventsStore
import GSLTerminal

/// 活动: events by date (upcoming first, or the past looking back; filtered by type), the selected
/// event's sessions and registrations with their statuses, and check-in of a person for a session
/// through `EventService.checkIn`, audited with the actor as `gsl event checkin` is.
final class EventsScreen: Screen {
    enum Pane { case events, sessions, registrations }

    var list = TableView(columns: [])
    var sessionTable = TableView(columns: [])
    var registrationTable = TableView(columns: [])
    var events: [EventRecord] = []
    var view: EventView?
    var registrations: [RegistrationRecord] = []
    var focus = Pane.events
    var type: EventType?
    var past = false
    /// Events read per list (the nearest first).
    static let limit = 300

    var title: String { "活动" }

    func location(_ app: App) -> String {
        var s = filterText(app)
        if let e = selected { s += " › #\(e.id)" }
        return s
    }

    func filterText(_ app: App) -> String {
        (past ? app.t("以往", "past") : app.t("近期", "upcoming"))
            + (type.map { " · " + $0.label.text(app.lang) } ?? "")
    }

    func statusKeys(_ app: App) -> String {
        app.t("c签到 n按姓名签到 f类型 p以往/近期", "c check in n by name f type p past")
    }

    func keyHelp(_ app: App) -> [(String, String)] {
        [
            ("↑↓ j k", app.t("选择活动、场次或报名", "choose an event, session or registration")),
            ("Tab", app.t("在活动、场次、报名三个窗格间切换", "events / sessions / registrations pane")),
            ("Enter", app.t("活动：转到报名窗格", "an event: go to its registrations")),
            (
                "c",
                app.t(
                    "为所选报名人签到（所选场次；仅一场时即该场）",
                    "check in the chosen registration for the chosen session")
            ),
            (
                "n",
                app.t("按姓名或人员编号签到（未报名者记为现场报名）", "check in by name or person id (walk-in if not registered)")
            ),
            ("f", app.t("按活动类型筛选", "filter by event type")),
            ("p", app.t("切换近期（由近及远）与以往（由近及远）", "upcoming / past events")),
            ("D", app.t("设置办理日期（签到日期）", "set the action date (check-in day)")),
            ("r", app.t("刷新", "reload")),
        ]
    }

    var selected: EventRecord? { list.selection.flatMap { $0 < events.count ? events[$0] : nil } }

    var selectedSession: SessionRecord? {
        guard let view, let i = sessionTable.selection, i < view.sessions.count else { return nil }
        return view.sessions[i]
    }

    var selectedRegistration: RegistrationRecord? {
        registrationTable.selection.flatMap { $0 < registrations.count ? registrations[$0] : nil }
    }

    // MARK: Data

    func reload(_ app: App) throws {
        let keep = selected?.id
        let today = app.today
        let filter =
            past
            ? EventRepository.Filter(to: today.adding(days: -1), type: type, newestFirst: true)
            : EventRepository.Filter(from: today, type: type)
        events = try app.events.list(filter, limit: Self.limit)
        list.setRows(
            events.map { e in
                [
                    e.start.display, e.type.label.text(app.lang), e.title,
                    e.capacity.map(String.init) ?? "—",
                ]
            }, styles: events.map { $0.status == .cancelled ? .dim : .normal })
        if let keep, let i = events.firstIndex(where: { $0.id == keep }) { list.selected = i }
        list.clamp()
        try loadDetail(app, force: true)
    }

    func loadDetail(_ app: App, force: Bool = false) throws {
        guard let e = selected else {
            view = nil
            registrations = []
            sessionTable.setRows([])
            registrationTable.setRows([])
            return
        }
        guard force || view?.event.id != e.id else { return }
        let keepSession = view?.event.id == e.id ? sessionTable.selected : nil
        let keepRegistration = view?.event.id == e.id ? registrationTable.selected : 0
        let view = try app.events.show(e.id)
        self.view = view
        registrations = try app.events.registrationList(eventID: e.id, status: nil).registrations
        sessionTable.setRows(
            view.sessions.map { s in
                [
                    s.start.display, String(format: "%02d:%02d", s.end.minute / 60, s.end.minute % 60),
                    s.title ?? "", String(s.attendance),
                ]
            }, styles: view.sessions.map { $0.status == .cancelled ? .dim : .normal })
        // The session of the action date, else the first one still to come, else the last.
        let day = app.actionDay
        sessionTable.selected =
            keepSession
            ?? view.sessions.firstIndex { $0.start.date == day }
            ?? view.sessions.firstIndex { $0.start.date >= day } ?? max(0, view.sessions.count - 1)
        sessionTable.clamp()
        registrationTable.setRows(
            registrations.map { r in [r.name, r.organisation ?? "—", r.status.label.text(app.lang)] },
            styles: registrations.map { r in
                switch r.status {
                case .attended: .good
                case .cancelled, .noShow: .dim
                case .waitlisted, .pending: .warning
                case .registered, .approved: .normal
                }
            })
        registrationTable.selected = keepRegistration
        registrationTable.clamp()
    }

    // MARK: Keys

    func handle(_ key: Key, _ app: App) throws -> Bool {
        switch key {
        case .tab, .backTab:
            focus = nextPane([.events, .sessions, .registrations], after: focus, key)
            return true
        case .enter:
            if focus == .events { focus = .registrations }
            return true
        case .escape:
            if focus != .events {
                focus = .events
                return true
            }
            if type != nil || past {
                type = nil
                past = false
                list.selected = 0
                try reload(app)
                return true
            }
            return false
        case .character("r"):
            try app.reload(self)
            return true
        case .character("p"):
            past.toggle()
            list.selected = 0
            try reload(app)
            return true
        case .character("f"):
            app.chooseFilter(
                app.t("按类型筛选", "filter by type"), EventType.allCases, label: { $0.label.text(app.lang) }
            ) {
                [self] type in
                self.type = type
                list.selected = 0
                try reload(app)
            }
            return true
        case .character("c"):
            guard let r = selectedRegistration else {
                app.message = (app.t("先在报名窗格选择一人（Tab）", "choose a registration first (Tab)"), .warning)
                return true
            }
            try checkIn(String(r.personID), name: r.name, app)
            return true
        case .character("n"):
            guard selected != nil else { return true }
            app.ask(app.t("签到人（姓名或人员编号）：", "check in (name or person id): ")) { [self] text in
                let who = text.trimmingCharacters(in: .whitespaces)
                guard !who.isEmpty else { return }
                try checkIn(who, name: who, app)
            }
            return true
        default:
            break
        }
        switch focus {
        case .sessions: return sessionTable.handle(key)
        case .registrations: return registrationTable.handle(key)
        case .events:
            guard list.handle(key) else { return false }
            try loadDetail(app)
            return true
        }
    }

    /// Checks in `person` (id or name) for the chosen session through the service.
    func checkIn(_ person: String, name: String, _ app: App) throws {
        guard let event = selected else { return }
        let session = selectedSession?.id
        let command =
            "event checkin \(event.id)" + (session.map { " --session \($0)" } ?? "") + " --person \(person)"
            + app.dateFlag
        let report = try app.events.checkIn(
            eventID: event.id, sessionID: session, people: [person], day: app.actionDay,
            context: app.context(command))
        app.invalidateAll()
        try loadDetail(app, force: true)
        if let e = report.checkedIn.first {
            app.message = (
                app.t(
                    "\(e.name) 已签到：活动 #\(event.id) 场次 #\(report.sessionID)\(e.walkIn ? "（现场报名）" : "")（操作人 \(app.options.actor)）",
                    "\(e.name) checked in: event #\(event.id) session #\(report.sessionID)\(e.walkIn ? " (walk-in)" : "") (by \(app.options.actor))"
                ), .good
            )
        } else if let e = report.repeated.first {
            app.message = (
                app.t(
                    "\(e.name) 已签到过场次 #\(report.sessionID)，不重复计数",
                    "\(e.name) was already checked in to session #\(report.sessionID); not counted again"),
                .warning
            )
        } else {
            app.message = (app.t("\(name)：未签到", "\(name): not checked in"), .warning)
        }
    }

    // MARK: Drawing

    func draw(_ canvas: Canvas, _ app: App) {
        let full = Rect(row: 0, column: 0, height: canvas.height, width: canvas.width)
        let (left, right) = full.splitColumns(canvas.width * 11 / 20)
        let l = canvas.sub(left).box(
            title: app.t("活动", "events") + " · " + filterText(app) + " · \(events.count)",
            focused: focus == .events)
        if events.isEmpty {
            l.text(
                0, 0,
                past
                    ? app.t("没有以往活动", "no past events")
                    : app.t("没有近期活动（p 看以往）", "no upcoming events (p: past)"),
                .dim)
        } else {
            list.columns = [
                TableColumn(app.t("开始", "starts"), width: 16), TableColumn(app.t("类型", "type"), width: 6),
                TableColumn(app.t("名称", "title")), TableColumn(app.t("名额", "seats"), width: 4, right: true),
            ]
            list.draw(l, focused: focus == .events)
        }
        guard let view else {
            canvas.sub(right).box(title: app.t("详情", "detail"))
            return
        }
        let sessionsHeight = min(max(7, view.sessions.count + 6), right.height / 2)
        let (upper, lower) = right.splitRows(sessionsHeight)
        let e = view.event
        let s = canvas.sub(upper).box(
            title: app.t(
                "活动 #\(e.id) · 场次 \(view.sessions.count)", "event #\(e.id) · sessions \(view.sessions.count)"),
            focused: focus == .sessions)
        s.text(0, 0, e.title, .heading)
        let counts = RegistrationStatus.allCases.compactMap { st in
            view.registrations[st].map { "\(st.label.text(app.lang)) \($0)" }
        }.joined(separator: " ")
        s.text(
            1, 0,
            (e.venue ?? "—") + " · " + app.t("出席 \(view.personTimes) 人次", "\(view.personTimes) attendances"),
            .dim)
        s.text(2, 0, counts.isEmpty ? app.t("尚无报名", "no registrations") : counts, .accent)
        sessionTable.columns = [
            TableColumn(app.t("场次开始", "session"), width: 16), TableColumn(app.t("结束", "ends"), width: 5),
            TableColumn(app.t("主题", "title")), TableColumn(app.t("签到", "in"), width: 4, right: true),
        ]
        sessionTable.draw(
            s.sub(Rect(row: 3, column: 0, height: s.height - 3, width: s.width)), focused: focus == .sessions)
        let r = canvas.sub(lower).box(
            title: app.t("报名 \(registrations.count)", "registrations \(registrations.count)"),
            focused: focus == .registrations)
        if registrations.isEmpty {
            r.text(0, 0, app.t("尚无报名（n 按姓名签到）", "no registrations (n: check in by name)"), .dim)
        } else {
            registrationTable.columns = [
                TableColumn(app.t("姓名", "name"), width: 8), TableColumn(app.t("单位", "organisation")),
                TableColumn(app.t("状态", "status"), width: 6),
            ]
            registrationTable.draw(r, focused: focus == .registrations)
        }
    }
}
