import ArgumentParser
import Foundation
import GSLCore
import GSLEvents
import GSLEventsStore

extension EventCommand {
    struct Conflicts: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "conflicts", abstract: "冲突：场地重复预订、人员时间重叠 double bookings",
            discussion: "例：gsl event conflicts --from 2023-01-01 --to 2023-12-31")
        @OptionGroup var global: GlobalOptions
        @Option(help: "起 from date") var from: String?
        @Option(help: "止 to date") var to: String?

        func execute(_ out: Output) throws(GSLError) {
            let view = try EventService(store: global.openStore()).conflicts(
                from: try EventArguments.date(from), to: try EventArguments.date(to))
            EventPresenter.conflicts(view, out)
        }
    }

    struct Outcome: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "outcome", abstract: "成果台账：签约、意向、授信、采购 outcomes ledger",
            subcommands: [Add.self, List.self])

        struct Add: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "add", abstract: "登记成果 record an outcome",
                discussion: """
                    例：gsl event outcome add --event 5 --kind 签约 --party 宁波甬联科技有限公司 \\
                          --party 宁波天一模具有限公司 --amount 3.6亿 --date 2023-05-06 --evidence 签约仪式照片
                    """)
            @OptionGroup var global: GlobalOptions
            @Option(help: "活动编号 event id") var event: Int64
            @Option(help: "类型 kind: 签约|意向|授信|采购") var kind: String
            @Option(name: .customLong("party"), help: "签约方（组织，可多次） party organisation (repeatable)")
            var parties: [String] = []
            @Option(help: "金额 amount (3.6亿, 5000万, 1,200,000)") var amount: String?
            @Option(help: "项目 title") var title: String?
            @Option(help: "日期 date (default today)") var date: String?
            @Option(help: "佐证 evidence note") var evidence: String?

            func execute(_ out: Output) throws(GSLError) {
                let k = try optionValue(kind) { (t: String) throws(GSLError) in try OutcomeKind.parse(t) }!
                let money = try optionValue(amount) { (t: String) throws(GSLError) in try Money.parse(t) }
                let record = try EventService(store: global.openStore()).addOutcome(
                    .init(
                        eventID: event, kind: k, title: title, amount: money, date: try global.day(date),
                        evidence: evidence, parties: parties), context: global.context())
                out.table(EventPresenter.outcomeColumns(out), [EventPresenter.outcomeRow(record, out)])
            }
        }

        struct List: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "列出成果 list outcomes",
                discussion: "例：gsl event outcome list --period 2023；gsl event outcome list --event 5")
            @OptionGroup var global: GlobalOptions
            @Option(help: "活动编号 event id") var event: Int64?
            @Option(help: "期间 period (2023, 2023H1, 2023Q2, 2023-05)") var period: String?

            func execute(_ out: Output) throws(GSLError) {
                let p = try period.map { (t: String) throws(GSLError) in try EventArguments.period(t) }
                let rows = try EventService(store: global.openStore()).outcomeList(eventID: event, period: p)
                out.table(EventPresenter.outcomeColumns(out), rows.map { EventPresenter.outcomeRow($0, out) })
            }
        }
    }

    struct ICS: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics", abstract: "导出日历（iCalendar） export an iCalendar file",
            discussion: "例：gsl event ics --from 2023-01-01 --to 2023-12-31 --series 甬商大讲堂 > 讲堂.ics")
        @OptionGroup var global: GlobalOptions
        @Option(help: "起 from date") var from: String?
        @Option(help: "止 to date") var to: String?
        @Option(help: "系列 series") var series: String?
        @Option(help: "时区 zone: shanghai|utc") var zone: ICalendarWriter.Zone = .shanghai

        func execute(_ out: Output) throws(GSLError) {
            let text = try EventService(store: global.openStore()).calendar(
                from: try EventArguments.date(from), to: try EventArguments.date(to), series: series,
                zone: zone)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    struct Stats: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "统计：活动、场次、人次、人数、成果 statistics",
            discussion: "例：gsl event stats --period 2023H1 --by type；--by organiser；--by month")
        @OptionGroup var global: GlobalOptions
        @Option(help: "期间 period (2023, 2023H1, 2023Q2, 2023-05)") var period: String
        @Option(help: "分组 by: type|organiser|month") var by: EventStatsGrouping = .type

        func execute(_ out: Output) throws(GSLError) {
            let rows = try EventService(store: global.openStore()).stats(
                period: try EventArguments.period(period), by: by)
            out.table(EventPresenter.statsColumns(out), rows.map { EventPresenter.statsRow($0, by, out) })
        }
    }

    struct Reach: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "reach", abstract: "哪些会员企业一次活动也没参加 member firms that attended nothing",
            discussion: "例：gsl event reach --period 2023 --chamber 宁波市温州商会")
        @OptionGroup var global: GlobalOptions
        @Option(help: "期间 period") var period: String
        @Option(help: "商会 chamber (default: all chambers)") var chamber: String?

        func execute(_ out: Output) throws(GSLError) {
            let report = try EventService(store: global.openStore()).reach(
                period: try EventArguments.period(period), chamber: chamber)
            EventPresenter.reach(report, out)
        }
    }
}
