import ArgumentParser
import GSLCore
import GSLEvents
import GSLEventsStore
import GSLStore
import GSLTabular

extension EventCommand {
    struct Register: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "register", abstract: "报名（满额进入候补） register a person (waitlisted when full)",
            discussion: "例：gsl event register 3 --person 张伟；gsl event register 3 --person 12")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("活动编号 event id", valueName: "id")) var id: Int64
        @Option(help: "人员（编号或姓名） person (id or name)") var person: String
        @Option(help: "备注 note") var note: String?
        @Option(help: "日期 date (default today)") var date: String?

        func execute(_ out: Output) throws(GSLError) {
            let change = try EventService(store: global.openStore()).register(
                eventID: id, person: person, on: try global.day(date), note: note, context: global.context())
            EventPresenter.changes([change], out)
        }
    }

    struct Approve: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve", abstract: "批准待审核的报名 approve a pending registration")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("活动编号 event id", valueName: "id")) var id: Int64
        @Option(help: "人员 person") var person: String
        @Option(help: "日期 date (default today)") var date: String?

        func execute(_ out: Output) throws(GSLError) {
            let change = try EventService(store: global.openStore()).approve(
                eventID: id, person: person, on: try global.day(date), context: global.context())
            EventPresenter.changes([change], out)
        }
    }

    struct ListRegistrations: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list-registrations", abstract: "报名名单（按顺序）与变动记录 registrations and their log",
            discussion: "例：gsl event list-registrations 3 --status waitlisted；--log 显示变动记录")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("活动编号 event id", valueName: "id")) var id: Int64
        @Option(help: "状态 status") var status: String?
        @Flag(help: "显示状态变动记录 show the log of changes") var log = false

        func execute(_ out: Output) throws(GSLError) {
            let st = try optionValue(status) { (t: String) throws(GSLError) in try RegistrationStatus.parse(t)
            }
            let result = try EventService(store: global.openStore()).registrationList(eventID: id, status: st)
            if log {
                EventPresenter.changes(result.log, out)
            } else {
                out.table(
                    EventPresenter.registrationColumns(out),
                    result.registrations.map { EventPresenter.registrationRow($0, out) })
            }
        }
    }

    struct CheckIn: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkin", abstract: "签到（逐人或按签到表） check in, one by one or from a sign-in sheet",
            discussion: """
                签到表列：姓名，单位（可选）。同名同单位才算同一人；无法确定的列出，不猜。
                例：gsl event checkin 3 --person 张伟 --person 李娜
                    gsl event checkin 3 --session 7 --sheet 签到表.csv
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("活动编号 event id", valueName: "id")) var id: Int64
        @Option(help: "场次编号 session id (else the event's only session, or its session on --date)")
        var session: Int64?
        @Option(name: .customLong("person"), help: "人员（可多次） person (repeatable)") var people: [String] = []
        @Option(help: "签到表 sign-in sheet (CSV/JSON)") var sheet: String?
        @Option(help: "编码 encoding: auto|utf8|gb18030") var encoding: InputEncoding = .auto
        @Option(help: "日期 date (default today; picks the session of that day)") var date: String?
        @Flag(name: .customLong("dry-run"), help: "只校验不写入 validate, write nothing") var dryRun = false

        func execute(_ out: Output) throws(GSLError) {
            let service = try EventService(store: global.openStore())
            let day = try global.day(date)
            let report: CheckInReport
            if let sheet {
                guard people.isEmpty else {
                    throw GSLError.usage(
                        "--sheet 与 --person 不能同时用", en: "--sheet and --person exclude each other")
                }
                report = try service.checkInSheet(
                    eventID: id, sessionID: session,
                    ImportOptions(path: sheet, encoding: encoding, dryRun: dryRun),
                    day: day, context: global.context())
            } else {
                guard !people.isEmpty else {
                    throw GSLError.usage("请给出 --person 或 --sheet", en: "give --person or --sheet").because(
                        .valueRequired)
                }
                report = try service.checkIn(
                    eventID: id, sessionID: session, people: people, day: day, context: global.context())
            }
            EventPresenter.checkIn(report, out)
        }
    }

    struct NoShows: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "no-shows", abstract: "活动结束后标记缺席 mark no-shows after the event")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("活动编号 event id", valueName: "id")) var id: Int64
        @Option(help: "日期 date (default today)") var date: String?

        func execute(_ out: Output) throws(GSLError) {
            EventPresenter.changes(
                try EventService(store: global.openStore()).markNoShows(
                    eventID: id, on: try global.day(date), context: global.context()), out)
        }
    }
}
