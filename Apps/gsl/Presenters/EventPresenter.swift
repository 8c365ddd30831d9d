import GSLCasework
import GSLCore
import GSLEvents
import GSLEventsStore
import GSLTabular

/// Tables and records for events: codes in JSON (whatever `--lang`), names in tables and CSV.
enum EventPresenter {
    static func columns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#", alignRight: true), Column("title", title: out.t("标题", "title")),
            Column("type", title: out.t("类型", "type")), Column("series", title: out.t("系列", "series")),
            Column("start", title: out.t("开始", "start")), Column("end", title: out.t("结束", "end")),
            Column("venue", title: out.t("地点", "venue")),
            Column("capacity", title: out.t("名额", "capacity"), alignRight: true),
            Column("status", title: out.t("状态", "status")),
        ]
    }

    static func row(_ e: EventRecord, _ out: Output) -> [Cell] {
        [
            .int(e.id), .text(e.title), out.enumValue(e.type.rawValue, e.type.label.text(out.lang)),
            e.series.map { .text($0.name) } ?? .null, .text(e.start.display), .text(e.end.display),
            e.venue.map(Cell.text) ?? .null, e.capacity.map { .int(Int64($0)) } ?? .null,
            out.enumValue(e.status.rawValue, e.status.label.text(out.lang)),
        ]
    }

    static func show(_ v: EventView, _ out: Output) {
        let e = v.event
        let seated = RegistrationStatus.seated.reduce(0) { $0 + (v.registrations[$1] ?? 0) }
        let fields: [(key: String, label: String, value: Cell)] = [
            ("id", "#", .int(e.id)), ("title", out.t("标题", "title"), .text(e.title)),
            ("type", out.t("类型", "type"), out.enumValue(e.type.rawValue, e.type.label.text(out.lang))),
            ("series", out.t("系列", "series"), e.series.map { .text($0.name) } ?? .null),
            ("organiser", out.t("主办", "organiser"), e.organiser.map { .text($0.name) } ?? .null),
            ("venue", out.t("地点", "venue"), e.venue.map(Cell.text) ?? .null),
            ("start", out.t("开始", "start"), .text(e.start.display)),
            ("end", out.t("结束", "end"), .text(e.end.display)),
            ("capacity", out.t("名额", "capacity"), e.capacity.map { .int(Int64($0)) } ?? .null),
            ("seated", out.t("已占名额", "seats taken"), .int(Int64(seated))),
            ("waitlisted", out.t("候补", "waitlisted"), .int(Int64(v.registrations[.waitlisted] ?? 0))),
            ("pending", out.t("待审核", "pending"), .int(Int64(v.registrations[.pending] ?? 0))),
            ("moderated", out.t("报名审核", "moderated"), .bool(e.moderated)),
            ("themes", out.t("主题", "themes"), .text(e.themes.joined(separator: "、"))),
            ("recurrence", out.t("重复规则", "recurrence"), e.recurrence.map { .text($0.rrule) } ?? .null),
            (
                "status", out.t("状态", "status"),
                out.enumValue(e.status.rawValue, e.status.label.text(out.lang))
            ),
            ("person_times", out.t("出席人次", "person-times"), .int(Int64(v.personTimes))),
            ("unique_people", out.t("出席人数", "unique people"), .int(Int64(v.uniquePeople))),
            ("version", out.t("版本", "version"), .int(e.version)),
        ]
        RecordWithLists(
            fields: fields,
            lists: [
                .init(
                    key: "sessions", label: out.t("场次", "session"),
                    lines: v.sessions.map { s in
                        "#\(s.id) \(s.start.display)–\(s.end.date == s.start.date ? String(s.end.display.suffix(5)) : s.end.display)"
                            + (s.venue.map { " @\($0)" } ?? "") + (s.title.map { " \($0)" } ?? "")
                            + (s.status == .cancelled ? " [\(s.status.label.text(out.lang))]" : "")
                            + " " + out.t("签到 \(s.attendance)", "checked in \(s.attendance)")
                    },
                    objects: v.sessions.map { s in
                        .object([
                            ("id", .int(s.id)), ("start", .string(s.start.iso)), ("end", .string(s.end.iso)),
                            ("venue", s.venue.map(JSONValue.string) ?? .null),
                            ("title", s.title.map(JSONValue.string) ?? .null),
                            ("status", .string(s.status.rawValue)), ("attendance", .int(Int64(s.attendance))),
                        ])
                    }),
                .init(
                    key: "staff", label: out.t("人员", "staff"),
                    lines: v.staff.map { "\($0.role.label.text(out.lang)) \($0.name)（#\($0.personID)）" },
                    objects: v.staff.map {
                        .object([
                            ("role", .string($0.role.rawValue)), ("person_id", .int($0.personID)),
                            ("name", .string($0.name)),
                        ])
                    }),
                .init(
                    key: "outcomes", label: out.t("成果", "outcome"),
                    lines: v.outcomes.map { outcomeLine($0, out) },
                    objects: v.outcomes.map(outcomeJSON)),
                .init(
                    key: "requests", label: out.t("诉求", "request"),
                    lines: v.requests.map { "#\($0.id) \($0.title) [\(caseState($0.state, out))]" },
                    objects: v.requests.map {
                        .object([
                            ("id", .int($0.id)), ("title", .string($0.title)), ("state", .string($0.state)),
                        ])
                    }),
            ]
        ).write(out)
    }

    /// A casework state code in the user's language (the code itself when unknown).
    static func caseState(_ code: String, _ out: Output) -> String {
        CaseState(rawValue: code)?.label.text(out.lang) ?? code
    }

    static func changeColumns(_ out: Output) -> [Column] {
        [
            Column("registration", title: out.t("报名号", "registration"), alignRight: true),
            Column("name", title: out.t("姓名", "name")), Column("from", title: out.t("原状态", "from")),
            Column("to", title: out.t("新状态", "to")), Column("date", title: out.t("日期", "date")),
            Column("reason", title: out.t("原因", "reason")),
        ]
    }

    static let reasons: [String: String] = [
        "registered": "报名", "full": "已满，候补", "awaiting approval": "待审核", "promoted": "候补递补",
        "approved": "批准", "approved, full": "批准，已满候补", "cancelled": "取消", "checked in": "签到",
        "walk-in": "现场签到（未报名）", "no-show": "缺席",
    ]

    static func changes(_ changes: [RegistrationChange], _ out: Output, notice: Bool = false) {
        if notice {
            for c in changes {
                out.notice(
                    Message(
                        "候补递补：\(c.name)（报名号 \(c.registrationID)）",
                        en: "promoted from the waiting list: \(c.name) (registration \(c.registrationID))"))
            }
            return
        }
        out.table(
            changeColumns(out),
            changes.map { c in
                [
                    .int(c.registrationID), .text(c.name),
                    c.from.map { out.enumValue($0.rawValue, $0.label.text(out.lang)) } ?? .null,
                    out.enumValue(c.to.rawValue, c.to.label.text(out.lang)), .text(c.date),
                    out.enumValue(c.reason, out.lang == .zh ? reasons[c.reason] ?? c.reason : c.reason),
                ]
            })
    }

    static func registrationColumns(_ out: Output) -> [Column] {
        [
            Column("registration", title: out.t("报名号", "registration"), alignRight: true),
            Column("person_id", title: out.t("人员编号", "person"), alignRight: true),
            Column("name", title: out.t("姓名", "name")),
            Column("organisation", title: out.t("单位", "organisation")),
            Column("status", title: out.t("状态", "status")),
            Column("registered_on", title: out.t("报名日", "registered")),
        ]
    }

    static func registrationRow(_ r: RegistrationRecord, _ out: Output) -> [Cell] {
        [
            .int(r.id), .int(r.personID), .text(r.name), r.organisation.map(Cell.text) ?? .null,
            out.enumValue(r.status.rawValue, r.status.label.text(out.lang)), .text(r.registeredOn),
        ]
    }

    static func checkIn(_ r: CheckInReport, _ out: Output) {
        var rows: [[Cell]] = []
        func add(
            _ result: String, _ zh: String, _ en: String, line: Int?, person: Int64?, name: String,
            note: String
        ) {
            rows.append([
                out.enumValue(result, out.t(zh, en)), line.map { .int(Int64($0)) } ?? .null,
                person.map { .int($0) } ?? .null, .text(name), .text(note),
            ])
        }
        for e in r.checkedIn {
            add(
                "checked_in", "已签到", "checked in", line: e.line, person: e.personID, name: e.name,
                note: e.walkIn ? out.t("未报名", "walk-in") : "")
        }
        for e in r.repeated {
            add(
                "repeated", "重复签到（不计）", "already checked in (not counted)", line: e.line, person: e.personID,
                name: e.name, note: "")
        }
        for u in r.unknown {
            add(
                "unknown", "查无此人", "unknown", line: u.line, person: nil, name: u.name,
                note: u.organisation ?? "")
        }
        for u in r.ambiguous {
            add(
                "ambiguous", "同名多人", "ambiguous", line: u.line, person: nil, name: u.name,
                note: (u.organisation.map { $0 + " " } ?? "")
                    + u.candidates.map { "#\($0)" }.joined(separator: ","))
        }
        out.table(
            [
                Column("result", title: out.t("结果", "result")),
                Column("line", title: out.t("行", "line"), alignRight: true),
                Column("person_id", title: out.t("人员编号", "person"), alignRight: true),
                Column("name", title: out.t("姓名", "name")), Column("note", title: out.t("说明", "note")),
            ], rows)
        out.notice(
            Message(
                "场次 #\(r.sessionID)（\(r.sessionStart.display)）：签到 \(r.checkedIn.count) 人，重复 \(r.repeated.count)，查无此人 \(r.unknown.count)，同名多人 \(r.ambiguous.count)",
                en:
                    "session #\(r.sessionID) (\(r.sessionStart.display)): \(r.checkedIn.count) checked in, \(r.repeated.count) repeated, \(r.unknown.count) unknown, \(r.ambiguous.count) ambiguous"
            ))
    }

    static func conflicts(_ v: ConflictsView, _ out: Output) {
        out.table(
            [
                Column("resource", title: out.t("冲突项", "resource")),
                Column("what", title: out.t("场地/人员", "venue/person")),
                Column("first_session", title: out.t("场次1", "session 1"), alignRight: true),
                Column("first_event", title: out.t("活动1", "event 1")),
                Column("first_time", title: out.t("时间1", "time 1")),
                Column("second_session", title: out.t("场次2", "session 2"), alignRight: true),
                Column("second_event", title: out.t("活动2", "event 2")),
                Column("second_time", title: out.t("时间2", "time 2")),
            ],
            v.conflicts.map { c in
                let (kind, label, what): (String, String, String) =
                    switch c.resource {
                    case .venue(let name): ("venue", out.t("场地", "venue"), name)
                    case .person(let id):
                        ("person", out.t("人员", "person"), "\(v.personNames[id] ?? "")（#\(id)）")
                    }
                return [
                    out.enumValue(kind, label), .text(what), .int(c.first.sessionID),
                    .text(v.eventTitles[c.first.eventID] ?? ""),
                    .text("\(c.first.start.display)–\(c.first.end.display)"), .int(c.second.sessionID),
                    .text(v.eventTitles[c.second.eventID] ?? ""),
                    .text("\(c.second.start.display)–\(c.second.end.display)"),
                ]
            })
    }

    static func outcomeColumns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#", alignRight: true),
            Column("event_id", title: out.t("活动", "event"), alignRight: true),
            Column("event", title: out.t("活动名称", "event title")), Column("kind", title: out.t("类型", "kind")),
            Column("title", title: out.t("项目", "title")), Column("parties", title: out.t("签约方", "parties")),
            Column("amount", title: out.t("金额", "amount"), alignRight: true),
            Column("date", title: out.t("日期", "date")), Column("evidence", title: out.t("佐证", "evidence")),
        ]
    }

    /// Amounts: exact yuan in machine formats, 万/亿 in tables.
    static func amount(_ m: Money?, _ out: Output) -> Cell {
        guard let m else { return .null }
        return out.format == .table ? .text(m.formatted(.auto, lang: out.lang)) : .text(m.plainYuan)
    }

    static func outcomeRow(_ o: OutcomeRecord, _ out: Output) -> [Cell] {
        [
            .int(o.id), .int(o.eventID), .text(o.eventTitle),
            out.enumValue(o.kind.rawValue, o.kind.label.text(out.lang)),
            o.title.map(Cell.text) ?? .null, .text(o.parties.map(\.name).joined(separator: "、")),
            amount(o.amount, out),
            .text(o.date), o.evidence.map(Cell.text) ?? .null,
        ]
    }

    static func outcomeLine(_ o: OutcomeRecord, _ out: Output) -> String {
        "#\(o.id) \(o.date) \(o.kind.label.text(out.lang)) \(o.parties.map(\.name).joined(separator: "、"))"
            + (o.amount.map { " " + $0.formatted(.auto, lang: out.lang) } ?? "")
            + (o.title.map { " \($0)" } ?? "")
    }

    static func outcomeJSON(_ o: OutcomeRecord) -> JSONValue {
        .object([
            ("id", .int(o.id)), ("kind", .string(o.kind.rawValue)),
            ("title", o.title.map(JSONValue.string) ?? .null),
            ("amount_fen", o.amount.map { .int($0.fen) } ?? .null), ("date", .string(o.date)),
            ("evidence", o.evidence.map(JSONValue.string) ?? .null),
            (
                "parties",
                .array(o.parties.map { .object([("id", .int($0.id)), ("name", .string($0.name))]) })
            ),
        ])
    }

    static func statsColumns(_ out: Output) -> [Column] {
        [
            Column("group", title: out.t("分组", "group")), Column("name", title: out.t("名称", "name")),
            Column("events", title: out.t("活动", "events"), alignRight: true),
            Column("sessions", title: out.t("场次", "sessions"), alignRight: true),
            Column("person_times", title: out.t("人次", "person-times"), alignRight: true),
            Column("unique_people", title: out.t("人数", "unique people"), alignRight: true),
            Column("outcomes", title: out.t("成果", "outcomes"), alignRight: true),
            Column("amount", title: out.t("金额", "amount"), alignRight: true),
        ]
    }

    static func statsRow(_ r: EventStatsRow, _ by: EventStatsGrouping, _ out: Output) -> [Cell] {
        let name: String =
            r.key == "total"
            ? out.t("合计", "total")
            : by == .type
                ? (EventType(rawValue: r.key)?.label.text(out.lang) ?? r.key)
                : by == .organiser && r.key == "0" ? out.t("（未填主办）", "(no organiser)") : r.name
        return [
            .text(r.key), .text(name), .int(Int64(r.events)), .int(Int64(r.sessions)),
            .int(Int64(r.personTimes)),
            .int(Int64(r.uniquePeople)), .int(Int64(r.outcomes)),
            out.format == .table
                ? .text(r.amount.formatted(.auto, lang: out.lang)) : .text(r.amount.plainYuan),
        ]
    }

    static func reach(_ r: ReachReport, _ out: Output) {
        out.table(
            [
                Column("org_id", title: "#", alignRight: true),
                Column("name", title: out.t("未参加任何活动的会员企业", "member firms that attended nothing")),
            ],
            r.unreached.map { [.int($0.id), .text($0.name)] })
        out.notice(
            Message(
                "会员企业 \(r.members) 家，参加过活动 \(r.reached) 家，未参加 \(r.unreached.count) 家",
                en: "\(r.members) member firms, \(r.reached) attended, \(r.unreached.count) attended nothing")
        )
    }
}
