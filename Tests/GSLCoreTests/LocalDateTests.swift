import Foundation
import GSLCore
import GSLTestSupport
import Testing

@Suite struct LocalDateTests {
    private func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    @Test(arguments: [
        "2023-05-06", "2023-5-6", "2023/5/6", "2023/05/06", "2023.5.6", "20230506", "2023年5月6日",
        "2023年5月6", "2023年05月06日", "２０２３年５月６日", "  2023-05-06  ", "2023-05-06 00:00:00",
        "2023/5/6 0:00", "2023-05-06T08:30:00", "２０２３－０５－０６", "2023年5月6号", "\t2023.05.06\n",
    ])
    func parsesEveryForm(_ text: String) throws {
        #expect(try LocalDate.parse(text) == date(2023, 5, 6))
    }

    @Test func rejectsNonDates() {
        for text in [
            "", "   ", "abc", "2023-05", "2023-5-6-7", "23-5-6", "2023-05-06 noon", "2023-05/06",
            "202305061", "2023年5月", "2023-005-06", "5/6/2023", "2023-05-06 12", "2023年5月6日日",
        ] {
            #expect(throws: GSLError.self, "\(text)") { try LocalDate.parse(text) }
        }
    }

    @Test func errorsSayWhy() {
        func error(_ text: String) -> GSLError? {
            do { _ = try LocalDate.parse(text); return nil } catch { return error }
        }
        let month13 = error("2023-13-01")
        #expect(month13?.kind == .data)
        #expect(month13?.cause == .invalidDate)
        #expect(month13?.mentions("2023-13-01") == true)

        let feb30 = error("2023年2月30日")
        #expect(feb30?.cause == .invalidDate)
        #expect(feb30?.mentions("2023年2月30日") == true)
        // The message names the length of the month, which depends on the year.
        #expect(feb30?.mentions("28") == true)
        #expect(error("2024-02-29") == nil)
        #expect(error("2024-02-30")?.cause == .invalidDate)
        #expect(error("2024-02-30")?.mentions("29") == true)

        let garbage = error("hello")
        #expect(garbage?.kind == .data)
        #expect(garbage?.mentions("hello") == true)
        #expect(garbage?.cause == .invalidDate)
    }

    @Test func validatesParts() {
        #expect(LocalDate(year: 2023, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2023, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2023, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2023, month: 1, day: 0) == nil)
        #expect(LocalDate(year: 0, month: 1, day: 1) == nil)
    }

    @Test func knownDayNumbers() {
        #expect(date(1970, 1, 1).dayNumber == 0)
        #expect(date(1969, 12, 31).dayNumber == -1)
        #expect(date(2000, 1, 1).dayNumber == 10_957)
        #expect(date(1900, 1, 1).dayNumber == -25_567)
        #expect(date(2023, 5, 6).dayNumber == 19_483)
        #expect(LocalDate(dayNumber: 19_483) == date(2023, 5, 6))
    }

    @Test func dayNumberRoundTrip1900To2100() {
        let first = date(1900, 1, 1).dayNumber
        let last = date(2100, 12, 31).dayNumber
        var previous = LocalDate(dayNumber: first - 1)
        #expect(previous == date(1899, 12, 31))
        for n in first...last {
            let current = LocalDate(dayNumber: n)
            // Each day follows the previous one: next day of the month, or the 1st of the next month.
            let expected =
                LocalDate(year: previous.year, month: previous.month, day: previous.day + 1)
                ?? LocalDate(year: previous.year, month: previous.month + 1, day: 1)
                ?? LocalDate(year: previous.year + 1, month: 1, day: 1)!
            if current != expected || current.dayNumber != n {
                Issue.record("day \(n): \(current) after \(previous), back to \(current.dayNumber)")
                return
            }
            previous = current
        }
        #expect(previous == date(2100, 12, 31))
        #expect(last - first + 1 == 73_414)
    }

    @Test func agreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        for n in stride(from: -80_000, through: 80_000, by: 997) {
            let d = LocalDate(dayNumber: n)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .weekday],
                from: Date(timeIntervalSince1970: Double(n) * 86_400))
            #expect(parts.year == d.year && parts.month == d.month && parts.day == d.day, "\(n)")
            // Foundation: 1 = Sunday … 7 = Saturday.
            #expect((parts.weekday! + 5) % 7 + 1 == d.weekday, "\(n)")
        }
    }

    @Test func weekdays() {
        #expect(date(1970, 1, 1).weekday == 4)
        #expect(date(2023, 5, 6).weekday == 6)
        #expect(date(2023, 5, 7).weekday == 7)
        #expect(date(2023, 5, 8).weekday == 1)
        #expect(date(2000, 2, 29).weekday == 2)
        #expect(date(1900, 1, 1).weekday == 1)
        #expect(date(1969, 12, 28).weekday == 7)
    }

    @Test func textOrderAndArithmetic() {
        #expect(date(2023, 5, 6).iso == "2023-05-06")
        #expect(date(987, 1, 2).description == "0987-01-02")
        #expect(date(2023, 12, 31).adding(days: 1) == date(2024, 1, 1))
        #expect(date(2024, 3, 1).adding(days: -1) == date(2024, 2, 29))
        #expect(date(2023, 5, 6) < date(2023, 5, 7))
        #expect(date(2023, 5, 31) < date(2023, 6, 1))
        #expect(date(2022, 12, 31) < date(2023, 1, 1))
    }

    @Test func codableAsISOText() throws {
        let value = ["d": date(2023, 5, 6)]
        let data = try JSONEncoder().encode(value)
        #expect(String(decoding: data, as: UTF8.self) == #"{"d":"2023-05-06"}"#)
        #expect(try JSONDecoder().decode([String: LocalDate].self, from: data) == value)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: LocalDate].self, from: Data(#"{"d":"2023-02-30"}"#.utf8))
        }
    }

    @Test func todayIsInChina() {
        func shanghaiToday() -> LocalDate {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
            let parts = calendar.dateComponents([.year, .month, .day], from: Date())
            return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        }
        let before = shanghaiToday()
        let today = LocalDate.today()
        let after = shanghaiToday()
        #expect(today == before || today == after)
    }
}
