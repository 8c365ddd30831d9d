import ArgumentParser
import GSLCore
import GSLTabular

/// `gsl calendar …`: working days on China's holiday calendar (调休 included).
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "工作日计算（含法定节假日与调休） working days",
        subcommands: [Workdays.self, AddWorkdays.self])

    /// `gsl calendar workdays --from D --to D`.
    struct Workdays: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "workdays", abstract: "两日期之间的工作日数（含首尾） working days in [from, to]",
            discussion: "例：gsl calendar workdays --from 2025-01-20 --to 2025-02-10")
        @OptionGroup var global: GlobalOptions
        @Option(help: "起始日期 from") var from: String
        @Option(help: "结束日期 to") var to: String

        func execute(_ out: Output) throws(GSLError) {
            let a = try LocalDate.parse(from)
            let b = try LocalDate.parse(to)
            let cal = WorkCalendar.china
            CalendarNotes.warnCoverage(cal, [a, b], out)
            out.record([
                ("from", out.t("起始", "from"), .text(a.iso)), ("to", out.t("结束", "to"), .text(b.iso)),
                ("workdays", out.t("工作日", "working days"), .int(Int64(cal.workdays(from: a, to: b)))),
                (
                    "calendar_days", out.t("自然日", "calendar days"),
                    .int(Int64(max(0, b.dayNumber - a.dayNumber + 1)))
                ),
            ])
        }
    }

    /// `gsl calendar add-workdays D N`.
    struct AddWorkdays: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-workdays", abstract: "某日之后第 N 个工作日 the Nth working day after a date",
            discussion: "例：gsl calendar add-workdays 2023-09-28 3   → 2023-10-09")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "日期 date") var date: String
        @Argument(help: "工作日数 N (negative counts back)") var n: Int

        func execute(_ out: Output) throws(GSLError) {
            let d = try LocalDate.parse(date)
            let cal = WorkCalendar.china
            let result = cal.adding(workdays: n, to: d)
            CalendarNotes.warnCoverage(cal, [d, result], out)
            out.record([
                ("date", out.t("日期", "date"), .text(d.iso)),
                ("workdays", out.t("工作日数", "working days"), .int(Int64(n))),
                ("result", out.t("结果", "result"), .text(result.iso)),
                ("weekday", out.t("星期", "weekday"), .int(Int64(result.weekday))),
            ])
        }
    }
}
