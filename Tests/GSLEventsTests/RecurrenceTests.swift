import GSLCore
import GSLEvents
import Testing

/// Recurrence rules: the dates they yield, exclusions, RRULE text, and malformed rules.
@Suite struct RecurrenceTests {
    func d(_ s: String) -> LocalDate { try! LocalDate.parse(s) }

    @Test func fortnightlyThursdaysLessAnExcludedDate() throws {
        let rule = try Recurrence(
            frequency: .weekly, interval: 2, count: 6, weekdays: [4], excluded: [d("2023-03-30")])
        let dates = try rule.occurrences(from: d("2023-03-02")).map(\.iso)
        // Six rule dates, the excluded one still counts (RFC 5545): five take place.
        #expect(dates == ["2023-03-02", "2023-03-16", "2023-04-13", "2023-04-27", "2023-05-11"])
        #expect(rule.rrule == "FREQ=WEEKLY;INTERVAL=2;COUNT=6;BYDAY=TH")
    }

    @Test func weeklyOnTwoDaysUntilADate() throws {
        let rule = try Recurrence.parse("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20230316")
        #expect(
            try rule.occurrences(from: d("2023-03-07")).map(\.iso) == [
                "2023-03-07", "2023-03-09", "2023-03-14", "2023-03-16",
            ])
        // UNTIL is the end of that day in Beijing, in UTC.
        #expect(rule.rrule == "FREQ=WEEKLY;UNTIL=20230316T155959Z;BYDAY=TU,TH")
    }

    @Test func monthlyOnThe31stSkipsShortMonths() throws {
        let rule = try Recurrence(frequency: .monthly, count: 4)
        #expect(
            try rule.occurrences(from: d("2023-01-31")).map(\.iso) == [
                "2023-01-31", "2023-03-31", "2023-05-31", "2023-07-31",
            ])
    }

    @Test func dailyEveryThreeDays() throws {
        let rule = try Recurrence.parse("freq=daily;interval=3;count=3")
        #expect(
            try rule.occurrences(from: d("2023-12-30")).map(\.iso) == [
                "2023-12-30", "2024-01-02", "2024-01-05",
            ])
    }

    @Test(arguments: [
        "FREQ=YEARLY;COUNT=2", "COUNT=3", "FREQ=WEEKLY", "FREQ=WEEKLY;COUNT=2;UNTIL=20230101",
        "FREQ=DAILY;COUNT=x",
        "FREQ=DAILY;COUNT=2;BYDAY=MO", "FREQ=WEEKLY;COUNT=2;BYDAY=XX", "FREQ=DAILY;COUNT=0",
        "FREQ=DAILY;COUNT=2;COUNT=3",
        "FREQ=DAILY;INTERVAL=0;COUNT=2", "FREQ=DAILY;BYMONTH=3;COUNT=2", "garbage",
    ])
    func malformedRulesAreRefused(_ text: String) {
        #expect {
            _ = try Recurrence.parse(text).occurrences(from: d("2023-03-06"))
        } throws: { ($0 as? GSLError)?.cause == .eventRecurrenceInvalid }
    }

    @Test func firstDateOffTheWeekdaysOrStrayExclusionIsRefused() throws {
        let offDay = try Recurrence(frequency: .weekly, count: 3, weekdays: [2])
        #expect(throws: GSLError.self) { try offDay.occurrences(from: d("2023-03-06")) }  // a Monday
        let stray = try Recurrence(frequency: .daily, count: 3, excluded: [d("2023-03-20")])
        #expect { try stray.occurrences(from: d("2023-03-06")) } throws: {
            ($0 as? GSLError)?.cause == .eventRecurrenceInvalid
        }
        let nothingLeft = try Recurrence(frequency: .daily, count: 1, excluded: [d("2023-03-06")])
        #expect(throws: GSLError.self) { try nothingLeft.occurrences(from: d("2023-03-06")) }
    }

    @Test func weekdaysInThreeSpellings() throws {
        #expect(try Recurrence.parseWeekdays("TU,TH") == [2, 4])
        #expect(try Recurrence.parseWeekdays("二、四") == [2, 4])
        #expect(try Recurrence.parseWeekdays("周一,7") == [1, 7])
        #expect(throws: GSLError.self) { try Recurrence.parseWeekdays("八") }
    }
}
