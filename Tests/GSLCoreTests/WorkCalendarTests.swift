import Foundation
import GSLCore
import GSLTestSupport
import Testing

@Suite struct WorkCalendarTests {
    private let china = WorkCalendar.china
    private func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    @Test func springFestival2023WithMakeUpWeekend() {
        #expect(china.kind(of: date(2023, 1, 20)) == .workday)
        for day in 21...27 {
            #expect(china.kind(of: date(2023, 1, day)) == .holiday, "2023-01-\(day)")
            #expect(china.holidayName(date(2023, 1, day)) == "春节")
        }
        #expect(china.kind(of: date(2023, 1, 28)) == .makeUpWorkday)
        #expect(china.kind(of: date(2023, 1, 29)) == .makeUpWorkday)
        #expect(china.holidayName(date(2023, 1, 28)) == "春节")
        #expect(china.isWorkday(date(2023, 1, 28)))
        #expect(china.isWorkday(date(2023, 1, 29)))
        #expect(!china.isWorkday(date(2023, 1, 23)))
        #expect(china.workdays(from: date(2023, 1, 1), to: date(2023, 1, 31)) == 18)
        #expect(china.adding(workdays: 1, to: date(2023, 1, 20)) == date(2023, 1, 28))
        #expect(china.adding(workdays: 2, to: date(2023, 1, 20)) == date(2023, 1, 29))
        #expect(china.adding(workdays: -1, to: date(2023, 1, 30)) == date(2023, 1, 29))
        #expect(china.adding(workdays: -3, to: date(2023, 1, 30)) == date(2023, 1, 20))
    }

    @Test func nationalDay2023() {
        #expect(china.kind(of: date(2023, 9, 28)) == .workday)
        #expect(china.kind(of: date(2023, 9, 29)) == .holiday)
        #expect(china.holidayName(date(2023, 9, 29)) == "中秋节、国庆节")
        #expect(china.kind(of: date(2023, 10, 6)) == .holiday)
        #expect(china.kind(of: date(2023, 10, 7)) == .makeUpWorkday)
        #expect(china.kind(of: date(2023, 10, 8)) == .makeUpWorkday)
        #expect(china.kind(of: date(2023, 10, 14)) == .weekend)
        #expect(china.holidayName(date(2023, 10, 14)) == nil)
        // 10-07 and 10-08 are make-up working days, so the third working day after 09-28 is 10-09.
        #expect(china.adding(workdays: 1, to: date(2023, 9, 28)) == date(2023, 10, 7))
        #expect(china.adding(workdays: 3, to: date(2023, 9, 28)) == date(2023, 10, 9))
        #expect(china.adding(workdays: -1, to: date(2023, 10, 9)) == date(2023, 10, 8))
        #expect(china.adding(workdays: -3, to: date(2023, 10, 9)) == date(2023, 9, 28))
        #expect(china.adding(workdays: 0, to: date(2023, 10, 1)) == date(2023, 10, 1))
        #expect(china.workdays(from: date(2023, 9, 29), to: date(2023, 10, 6)) == 0)
        #expect(china.workdays(from: date(2023, 10, 1), to: date(2023, 10, 31)) == 19)
        #expect(china.workdays(from: date(2023, 9, 1), to: date(2023, 10, 31)) == 39)
    }

    @Test func labourDay2025() {
        #expect(china.kind(of: date(2025, 4, 27)) == .makeUpWorkday)
        #expect(china.holidayName(date(2025, 4, 27)) == "劳动节")
        for day in 1...5 {
            #expect(china.kind(of: date(2025, 5, day)) == .holiday, "2025-05-0\(day)")
        }
        #expect(china.kind(of: date(2025, 5, 6)) == .workday)
        #expect(china.adding(workdays: 1, to: date(2025, 4, 30)) == date(2025, 5, 6))
        #expect(china.adding(workdays: 1, to: date(2025, 4, 25)) == date(2025, 4, 27))
        #expect(china.adding(workdays: -1, to: date(2025, 5, 6)) == date(2025, 4, 30))
        #expect(china.adding(workdays: -3, to: date(2025, 4, 30)) == date(2025, 4, 27))
        #expect(china.workdays(from: date(2025, 4, 1), to: date(2025, 5, 31)) == 41)
    }

    @Test func yearTotals() {
        // Working days per year under the notices: 249, 251, 248, 248.
        let totals = [2023: 249, 2024: 251, 2025: 248, 2026: 248]
        for (year, total) in totals {
            #expect(china.workdays(from: date(year, 1, 1), to: date(year, 12, 31)) == total, "\(year)")
        }
        #expect(china.workdays(from: date(2023, 1, 1), to: date(2025, 12, 31)) == 748)
        #expect(china.workdays(from: date(2024, 2, 1), to: date(2024, 2, 29)) == 18)
        #expect(china.workdays(from: date(2025, 1, 1), to: date(2025, 2, 28)) == 38)
    }

    @Test func spansAndEdges() {
        #expect(china.workdays(from: date(2023, 5, 8), to: date(2023, 5, 8)) == 1)
        #expect(china.workdays(from: date(2023, 5, 7), to: date(2023, 5, 7)) == 0)
        #expect(china.workdays(from: date(2023, 5, 9), to: date(2023, 5, 8)) == 0)
        // 2022-12-31 belongs to the 2023 New Year holiday.
        #expect(china.workdays(from: date(2022, 12, 26), to: date(2023, 1, 8)) == 9)
        #expect(china.workdays(from: date(2020, 1, 1), to: date(2029, 12, 31)) == 2561)
    }

    @Test func outsideCoverage() {
        #expect(china.coveredYears == 2023...2026)
        #expect(china.covers(date(2023, 1, 1)) && china.covers(date(2026, 12, 31)))
        #expect(!china.covers(date(2022, 12, 31)) && !china.covers(date(2027, 1, 1)))
        // Listed even though 2022 is not covered.
        #expect(china.kind(of: date(2022, 12, 31)) == .holiday)
        #expect(china.holidayName(date(2022, 12, 31)) == "元旦")
        // Elsewhere Monday–Friday: 2030-01-01 is a Tuesday, 2027-10-01 a Friday, 2027-10-02 a Saturday.
        #expect(china.kind(of: date(2030, 1, 1)) == .workday)
        #expect(china.kind(of: date(2027, 10, 1)) == .workday)
        #expect(china.kind(of: date(2027, 10, 2)) == .weekend)
        #expect(china.adding(workdays: 1, to: date(2022, 12, 30)) == date(2023, 1, 3))
        #expect(china.adding(workdays: 1, to: date(2026, 12, 31)) == date(2027, 1, 1))
        #expect(china.adding(workdays: -1, to: date(2030, 1, 1)) == date(2029, 12, 31))
        #expect(china.workdays(from: date(2030, 1, 1), to: date(2030, 12, 31)) == 261)
        #expect(china.workdays(from: date(1990, 1, 1), to: date(1990, 1, 7)) == 5)
    }

    @Test func customCalendar() {
        let calendar = WorkCalendar(
            holidays: [date(2030, 1, 1): "元旦"],
            makeUpWorkdays: [date(2030, 1, 5): "元旦"], coveredYears: 2030...2030)
        #expect(calendar.kind(of: date(2030, 1, 1)) == .holiday)
        #expect(calendar.kind(of: date(2030, 1, 5)) == .makeUpWorkday)
        #expect(calendar.workdays(from: date(2030, 1, 1), to: date(2030, 1, 6)) == 4)
        #expect(calendar.adding(workdays: 4, to: date(2029, 12, 31)) == date(2030, 1, 5))
        #expect(!calendar.covers(date(2029, 12, 31)))
    }

    /// Counts and additions agree with a day-by-day walk, across covered and uncovered years.
    @Test func agreesWithDayByDayWalk() {
        var rng = SeededGenerator(seed: 20_230_506)
        let first = date(2021, 6, 1).dayNumber
        let last = date(2028, 6, 30).dayNumber
        var prefix = [0]
        for n in first...last {
            prefix.append(prefix.last! + (china.isWorkday(LocalDate(dayNumber: n)) ? 1 : 0))
        }
        for _ in 0..<3000 {
            let a = Int(rng.next() % UInt64(last - first - 200)) + first + 100
            let b = a + Int(rng.next() % 100)
            let expected = prefix[b - first + 1] - prefix[a - first]
            #expect(china.workdays(from: LocalDate(dayNumber: a), to: LocalDate(dayNumber: b)) == expected)

            let n = Int(rng.next() % 61) - 30
            let start = LocalDate(dayNumber: a)
            let result = china.adding(workdays: n, to: start)
            var walked = start
            var remaining = abs(n)
            while remaining > 0 {
                walked = walked.adding(days: n > 0 ? 1 : -1)
                if china.isWorkday(walked) { remaining -= 1 }
            }
            #expect(result == walked, "\(start) + \(n)")
        }
    }

    @Test func countingIsFast() {
        let from = date(2020, 1, 1)
        let to = date(2029, 12, 31)
        let clock = ContinuousClock()
        var total = 0
        let elapsed = clock.measure {
            for i in 0..<200_000 { total &+= china.workdays(from: from.adding(days: i % 7), to: to) }
        }
        #expect(total > 0)
        #expect(elapsed < .seconds(5), "200k ten-year counts took \(elapsed)")
    }

    private static let datasetsCSV = Fixtures.datasets.appendingPathComponent(
        "reference/calendar/cn_holidays_2023_2026.csv")

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: datasetsCSV.path),
            "needs Datasets/reference/calendar/cn_holidays_2023_2026.csv"))
    func embeddedTableMatchesDatasetsCSV() throws {
        let url = Self.datasetsCSV
        let rows = try String(contentsOf: url, encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == ChinaHolidays.entries.count)
        for (row, entry) in zip(rows, ChinaHolidays.entries) {
            #expect(row == [entry.date.iso, entry.kind.rawValue, entry.name])
        }
        // Every row is reflected in the calendar.
        for entry in ChinaHolidays.entries {
            #expect(china.kind(of: entry.date) == (entry.kind == .holiday ? .holiday : .makeUpWorkday))
            #expect(china.holidayName(entry.date) == entry.name)
            // Make-up days are weekend days.
            if entry.kind == .makeUpWorkday { #expect(entry.date.weekday >= 6, "\(entry.date)") }
        }
    }

    @Test(.enabled(if: Fixtures.sharedReference != nil, "needs ../shared/reference"))
    func datasetsCopyMatchesSharedReference() throws {
        let shared = Fixtures.sharedReference!.appendingPathComponent("calendar/cn_holidays_2023_2026.csv")
        #expect(try Data(contentsOf: shared) == Data(contentsOf: Self.datasetsCSV))
    }
}

/// A small seeded generator so property tests repeat exactly.
