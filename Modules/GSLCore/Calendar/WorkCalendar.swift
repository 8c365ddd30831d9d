/// Working days: Monday–Friday, minus public holidays, plus make-up working days (调休).
///
/// Listed days count wherever they fall (so 2022-12-31, the first day of the 2023 New Year holiday,
/// is a holiday even though 2022 is not covered); any other day is a working day when it is
/// Monday–Friday. A day listed both ways is a make-up working day. Counting and adding working days
/// take O(log n) in the number of listed days, whatever the span.
public struct WorkCalendar: Sendable {
    /// What a day is in the calendar.
    public enum DayKind: String, Sendable {
        /// Monday–Friday, not a holiday.
        case workday
        /// Saturday or Sunday, not a make-up working day.
        case weekend
        /// A day off inside a public holiday period.
        case holiday
        /// A weekend day worked in exchange for a holiday.
        case makeUpWorkday
    }

    /// Days off, with the holiday's name.
    public let holidays: [LocalDate: String]
    /// Weekend days worked, with the name of the holiday they pay for.
    public let makeUpWorkdays: [LocalDate: String]
    /// The years whose holidays the calendar knows completely.
    public var coveredYears: ClosedRange<Int>

    /// Day numbers where the listed days change the Monday–Friday rule, ascending.
    private let adjustedDays: [Int]
    /// `adjustmentSums[i]` is the total change (+1 a make-up day, −1 a weekday off) of `adjustedDays[..<i]`.
    private let adjustmentSums: [Int]

    /// A calendar from listed holidays and make-up working days, complete for `coveredYears`.
    public init(
        holidays: [LocalDate: String], makeUpWorkdays: [LocalDate: String], coveredYears: ClosedRange<Int>
    ) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        self.coveredYears = coveredYears
        var changes: [(day: Int, delta: Int)] = []
        for date in Set(holidays.keys).union(makeUpWorkdays.keys) {
            let works = makeUpWorkdays[date] != nil
            let weekdayWorks = date.weekday <= 5
            if works != weekdayWorks { changes.append((date.dayNumber, works ? 1 : -1)) }
        }
        changes.sort { $0.day < $1.day }
        adjustedDays = changes.map(\.day)
        var sums = [0]
        sums.reserveCapacity(changes.count + 1)
        for change in changes { sums.append(sums.last! + change.delta) }
        adjustmentSums = sums
    }

    /// China's calendar from the State Council notices for 2023–2026 (embedded data).
    public static let china: WorkCalendar = ChinaHolidays.calendar

    /// Whether `date` lies in a year whose holidays are known.
    public func covers(_ date: LocalDate) -> Bool {
        coveredYears.contains(date.year)
    }

    /// What `date` is: a working day, a weekend day, a holiday or a make-up working day.
    public func kind(of date: LocalDate) -> DayKind {
        if makeUpWorkdays[date] != nil { return .makeUpWorkday }
        if holidays[date] != nil { return .holiday }
        return date.weekday >= 6 ? .weekend : .workday
    }

    /// The holiday's name (春节, 国庆节 …) for a holiday or a make-up working day, else nil.
    public func holidayName(_ date: LocalDate) -> String? {
        makeUpWorkdays[date] ?? holidays[date]
    }

    /// Whether people work on `date`.
    public func isWorkday(_ date: LocalDate) -> Bool {
        switch kind(of: date) {
        case .workday, .makeUpWorkday: true
        case .weekend, .holiday: false
        }
    }

    /// The number of working days from `from` to `to`, both included; 0 when `to` is before `from`.
    public func workdays(from: LocalDate, to: LocalDate) -> Int {
        guard from <= to else { return 0 }
        return workdaysBefore(to.dayNumber + 1) - workdaysBefore(from.dayNumber)
    }

    /// The `n`th working day strictly after `date` (n > 0), the |n|th strictly before it (n < 0),
    /// or `date` itself (n == 0).
    public func adding(workdays n: Int, to date: LocalDate) -> LocalDate {
        guard n != 0 else { return date }
        let start = date.dayNumber
        // The answer is the first day d with workdaysBefore(d + 1) >= target. Keep
        // workdaysBefore(low + 1) < target <= workdaysBefore(high + 1) and halve the gap.
        var low: Int
        var high: Int
        let target: Int
        if n > 0 {
            target = workdaysBefore(start + 1) + n
            low = start
            high = start + n
            var step = n + 7
            while workdaysBefore(high + 1) < target {
                low = high
                high += step
                step *= 2
            }
        } else {
            target = workdaysBefore(start) + n + 1
            high = start - 1
            low = start + n - 1
            var step = -n + 7
            while workdaysBefore(low + 1) >= target {
                high = low
                low -= step
                step *= 2
            }
        }
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if workdaysBefore(mid + 1) >= target { high = mid } else { low = mid }
        }
        return LocalDate(dayNumber: high)
    }

    /// The number of working days strictly before day number `n`, counted from 1970-01-01
    /// (negative for earlier `n`); only differences of it mean anything.
    private func workdaysBefore(_ n: Int) -> Int {
        WorkCalendar.mondayToFridayBefore(n) + adjustmentSums[firstAdjustedIndex(notBefore: n)]
    }

    /// The index of the first adjusted day ≥ `n` (binary search).
    private func firstAdjustedIndex(notBefore n: Int) -> Int {
        var low = 0
        var high = adjustedDays.count
        while low < high {
            let mid = (low + high) / 2
            if adjustedDays[mid] < n { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Monday–Friday days in [0, n) (negative when n < 0); day 0, 1970-01-01, was a Thursday.
    static func mondayToFridayBefore(_ n: Int) -> Int {
        // Count from Monday 1969-12-29 (day −3), then drop the three days before day 0.
        let sinceMonday = n + 3
        let weeks = LocalDate.floorDiv(sinceMonday, 7)
        return 5 * weeks + min(sinceMonday - 7 * weeks, 5) - 3
    }
}
