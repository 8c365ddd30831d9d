import ArgumentParser
import GSLCore
import GSLEvents
import GSLEventsStore

extension EventStatsGrouping: LenientArgument {}
extension ICalendarWriter.Zone: LenientArgument {}

/// `gsl event …`: lectures, trainings, forums, tours, dialogues and exhibitions, from registration
/// to attendance and what they produced.
struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "活动：讲堂、培训、座谈、考察、恳谈、展会 events",
        discussion: """
            例 examples:
              gsl event create --title 甬商大讲堂第1期 --type 讲堂 --series 甬商大讲堂 \\
                --start "2023-03-07 14:00" --end "2023-03-07 16:30" --venue 市工商联报告厅 --capacity 200
              gsl event register 1 --person 张伟;  gsl event cancel 1 --person 张伟
              gsl event checkin 1 --sheet 签到表.csv;  gsl event stats --period 2023H1 --by type
              gsl event outcome add --event 3 --kind 签约 --party 宁波甬联科技有限公司 --amount 3.6亿
              gsl event ics --from 2023-01-01 > 活动.ics;  gsl event reach --period 2023 --chamber 宁波市温州商会
            """,
        subcommands: [
            Create.self, Edit.self, List.self, Show.self, Cancel.self, Register.self, Approve.self,
            ListRegistrations.self, CheckIn.self, NoShows.self, Conflicts.self, Outcome.self, ICS.self,
            Stats.self,
            Reach.self,
        ])
}

/// Parsing the command line's values with the events engine (a bad value is a usage error).
enum EventArguments {
    static func time(_ text: String) throws(GSLError) -> EventTime {
        try optionValue(text) { (t: String) throws(GSLError) in try EventTime.parse(t) }!
    }

    static func date(_ text: String?) throws(GSLError) -> LocalDate? {
        try optionValue(text) { (t: String) throws(GSLError) in try LocalDate.parse(t) }
    }

    static func type(_ text: String?) throws(GSLError) -> EventType? {
        try optionValue(text) { (t: String) throws(GSLError) in try EventType.parse(t) }
    }

    static func period(_ text: String) throws(GSLError) -> Period {
        try optionValue(text) { (t: String) throws(GSLError) in try Period.parse(t) }!
    }

    /// A session typed as `START~END` (the end may be a time on the start's day), or `START`
    /// with `--end`.
    static func session(_ text: String) throws(GSLError) -> EventRepository.NewSession {
        let parts = text.split(whereSeparator: { $0 == "~" || $0 == "～" }).map(String.init)
        guard parts.count == 2 else {
            throw GSLError.usage(
                "场次应写作「开始~结束」：\(text)", en: "a session is written START~END: \(text)"
            ).because(.eventInvalidTime)
        }
        let start = try time(parts[0])
        let endText = parts[1].trimmingCharacters(in: .whitespaces)
        let end: EventTime
        if endText.count <= 5, let m = try? EventTime.minuteOfDay(endText) {
            end = EventTime(date: start.date, minute: m)
        } else {
            end = try time(endText)
        }
        return EventRepository.NewSession(start: start, end: end)
    }

    /// Themes typed once each or joined by 、 or commas.
    static func themes(_ values: [String]) -> [String] {
        values.flatMap { $0.split { "、,，;；".contains($0) } }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
