import ArgumentParser
import GSLCore
import GSLEvents
import GSLEventsStore

extension EventCommand {
    struct Create: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "新建活动 create an event",
            discussion: """
                一个场次用 --start/--end，多个场次用 --session（可多次）；重复活动用 --repeat 或 --rule。
                例：gsl event create --title 新生代企业家培训 --type 培训 --session "2023-05-06 09:00~12:00" \\
                      --session "2023-05-07 09:00~16:00" --organiser 宁波市工商联 --capacity 60
                    gsl event create --title 亲清思享会 --type 思享会 --start "2023-03-02 14:00" --end "2023-03-02 16:00" \\
                      --repeat weekly --interval 2 --count 6 --weekdays 四 --except 2023-03-30
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "标题 title") var title: String
        @Option(help: "类型 type: 讲堂|思享会|培训|研讨|座谈会|考察|恳谈会|展会|现场会|其他") var type: String
        @Option(help: "系列 series (e.g. 甬商大讲堂)") var series: String?
        @Option(help: "主办方（工商联或商会） organiser") var organiser: String?
        @Option(help: "地点 venue") var venue: String?
        @Option(help: "名额 capacity") var capacity: Int?
        @Flag(help: "报名须审核 moderated registration") var moderated = false
        @Option(name: .customLong("theme"), help: "主题（可多次） theme (repeatable)") var themes: [String] = []
        @Option(help: "说明 description") var description: String?
        @Option(help: "开始 start (2023-05-06 14:00)") var start: String?
        @Option(help: "结束 end") var end: String?
        @Option(name: .customLong("session"), help: "场次 session START~END (repeatable)") var sessions:
            [String] = []
        @Option(help: "重复 repeat: daily|weekly|monthly") var `repeat`: String?
        @Option(help: "间隔 interval") var interval = 1
        @Option(help: "次数 count") var count: Int?
        @Option(help: "截止日期 until") var until: String?
        @Option(help: "星期 weekdays (TU,TH | 2,4 | 二,四)") var weekdays: String?
        @Option(name: .customLong("except"), help: "排除日期（可多次） excluded date (repeatable)") var excluded:
            [String] = []
        @Option(help: "RRULE 规则 rule (FREQ=WEEKLY;COUNT=6;BYDAY=TU)") var rule: String?
        @Option(name: .customLong("speaker"), help: "主讲（可多次） speaker") var speakers: [String] = []
        @Option(name: .customLong("leader"), help: "出席领导（可多次） leader") var leaders: [String] = []
        @Option(name: .customLong("staff"), help: "工作人员（可多次） staff") var staff: [String] = []

        func execute(_ out: Output) throws(GSLError) {
            var planned = try sessions.map { (t: String) throws(GSLError) in try EventArguments.session(t) }
            if let start {
                guard let end else {
                    throw GSLError.usage("给出 --start 时也要给出 --end", en: "--start needs --end").because(
                        .valueRequired)
                }
                planned.insert(
                    .init(start: try EventArguments.time(start), end: try EventArguments.time(end)), at: 0)
            }
            let excludedDates = try excluded.map { (t: String) throws(GSLError) in try EventArguments.date(t)!
            }
            var recurrence: Recurrence?
            if let rule {
                recurrence = try Recurrence.parse(rule, excluded: excludedDates)
            } else if let `repeat` {
                guard let f = Recurrence.Frequency(rawValue: `repeat`.lowercased()) else {
                    throw GSLError.usage(
                        "--repeat 应为 daily、weekly 或 monthly：\(`repeat`)",
                        en: "--repeat must be daily, weekly or monthly: \(`repeat`)"
                    ).because(.eventRecurrenceInvalid)
                }
                recurrence = try Recurrence(
                    frequency: f, interval: interval, count: count, until: try EventArguments.date(until),
                    weekdays: try weekdays.map { (t: String) throws(GSLError) in
                        try Recurrence.parseWeekdays(t)
                    } ?? [],
                    excluded: excludedDates)
            } else if !excluded.isEmpty || count != nil || until != nil || weekdays != nil {
                throw GSLError.usage(
                    "--count、--until、--weekdays、--except 须与 --repeat 或 --rule 一起用",
                    en: "--count, --until, --weekdays and --except go with --repeat or --rule"
                ).because(.eventRecurrenceInvalid)
            }
            let staffRefs =
                speakers.map { (EventRole.speaker, $0) } + leaders.map { (EventRole.leader, $0) }
                + staff.map { (EventRole.staff, $0) }
            let view = try EventService(store: global.openStore()).create(
                .init(
                    title: title, type: try EventArguments.type(type)!, series: series, organiser: organiser,
                    venue: venue, capacity: capacity, moderated: moderated,
                    themes: EventArguments.themes(themes),
                    description: description, sessions: planned, recurrence: recurrence, staff: staffRefs),
                context: global.context())
            EventPresenter.show(view, out)
        }
    }

    struct Edit: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "修改活动 edit an event",
            discussion: "例：gsl event edit 3 --capacity 300 --venue 宁波国际会议中心")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("活动编号 event id", valueName: "id")) var id: Int64
        @Option(help: "标题 title") var title: String?
        @Option(help: "类型 type") var type: String?
        @Option(help: "地点 venue") var venue: String?
        @Option(help: "名额 capacity") var capacity: Int?
        @Option(name: .customLong("theme"), help: "主题（可多次，替换原有） themes (replace)") var themes: [String] = []
        @Option(help: "说明 description") var description: String?
        @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version") var expectVersion:
            Int64?

        func execute(_ out: Output) throws(GSLError) {
            let (view, promoted) = try EventService(store: global.openStore()).edit(
                id,
                .init(
                    title: title, type: try EventArguments.type(type), venue: venue, capacity: capacity,
                    themes: themes.isEmpty ? nil : EventArguments.themes(themes), description: description),
                expectedVersion: expectVersion, context: global.context())
            EventPresenter.changes(promoted, out, notice: true)
            EventPresenter.show(view, out)
        }
    }

    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出活动 list events",
            discussion: "例：gsl event list --from 2023-01-01 --to 2023-06-30 --type 培训")
        @OptionGroup var global: GlobalOptions
        @Option(help: "起 from date") var from: String?
        @Option(help: "止 to date") var to: String?
        @Option(help: "类型 type") var type: String?
        @Option(help: "系列 series") var series: String?
        @Option(help: "状态 status: scheduled|cancelled") var status: String?
        @Option(help: "最多条数 limit") var limit = 200

        func execute(_ out: Output) throws(GSLError) {
            let st = try optionValue(status) { (t: String) throws(GSLError) -> EventStatus in
                guard
                    let s = EventStatus.allCases.first(where: {
                        $0.rawValue == t.lowercased() || $0.label.zh == t
                    })
                else {
                    throw GSLError.usage("未知的状态「\(t)」", en: "unknown status '\(t)'").because(
                        .eventUnknownValue)
                }
                return s
            }
            let rows = try EventService(store: global.openStore()).list(
                .init(
                    from: try EventArguments.date(from), to: try EventArguments.date(to),
                    type: try EventArguments.type(type), series: series, status: st), limit: limit)
            out.table(EventPresenter.columns(out), rows.map { EventPresenter.row($0, out) })
        }
    }

    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "查看活动 show an event with its sessions, registrations, outcomes, requests")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("活动编号 event id", valueName: "id")) var id: Int64

        func execute(_ out: Output) throws(GSLError) {
            EventPresenter.show(try EventService(store: global.openStore()).show(id), out)
        }
    }

    struct Cancel: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: "取消活动，或用 --person 取消某人的报名 cancel an event or a registration",
            discussion: "例：gsl event cancel 3 --person 张伟（候补第一位自动递补）；gsl event cancel 3")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("活动编号 event id", valueName: "id")) var id: Int64
        @Option(help: "取消此人的报名 cancel this person's registration") var person: String?
        @Option(help: "日期 date (default today)") var date: String?
        @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version") var expectVersion:
            Int64?

        func execute(_ out: Output) throws(GSLError) {
            let service = try EventService(store: global.openStore())
            if let person {
                let changes = try service.cancelRegistration(
                    eventID: id, person: person, on: try global.day(date), context: global.context())
                EventPresenter.changes(changes, out)
            } else {
                EventPresenter.show(
                    try service.cancel(id, expectedVersion: expectVersion, context: global.context()), out)
            }
        }
    }
}
