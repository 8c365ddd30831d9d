import ArgumentParser
import GSLCore
import GSLTabular

enum CalendarNotes {
    static func warnCoverage(_ cal: WorkCalendar, _ dates: [LocalDate], _ out: Output) {
        if dates.contains(where: { !cal.covers($0) }) {
            out.notice(
                Message(
                    "注意：节假日数据覆盖 \(cal.coveredYears.lowerBound)–\(cal.coveredYears.upperBound) 年，范围外按周一至周五计算",
                    en:
                        "note: holiday data covers \(cal.coveredYears.lowerBound)–\(cal.coveredYears.upperBound); outside it Monday–Friday are counted"
                ))
        }
    }
}
