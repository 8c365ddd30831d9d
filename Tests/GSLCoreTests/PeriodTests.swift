import Foundation
import GSLCore
import GSLTestSupport
import Testing

@Suite struct PeriodTests {
    private func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    @Test(arguments: [
        ("2023", "2023"), ("2023年", "2023"), ("2023年度", "2023"), ("２０２３", "2023"),
        ("2023H1", "2023H1"), ("2023h2", "2023H2"), ("2023-H2", "2023H2"), ("2023 H1", "2023H1"),
        ("2023年上半年", "2023H1"), ("2023年下半年", "2023H2"),
        ("2023Q3", "2023Q3"), ("2023q1", "2023Q1"), ("2023-Q4", "2023Q4"), ("2023年第三季度", "2023Q3"),
        ("2023年三季度", "2023Q3"), ("2023年Q3", "2023Q3"), ("2023年第3季度", "2023Q3"), ("2023年一季度", "2023Q1"),
        ("2023年第四季", "2023Q4"), ("２０２３年第二季度", "2023Q2"),
        ("2023-05", "2023-05"), ("2023-5", "2023-05"), ("2023/12", "2023-12"), ("2023年5月", "2023-05"),
        ("2023年05月", "2023-05"), ("2023年十二月", "2023-12"), ("２０２３年５月", "2023-05"), (" 2023-05 ", "2023-05"),
    ])
    func parsesEveryForm(_ text: String, _ canonical: String) throws {
        let period = try Period.parse(text)
        #expect(period.description == canonical)
        #expect(try Period.parse(canonical) == period)
    }

    @Test func parsedFields() throws {
        let q = try Period.parse("2023年第三季度")
        #expect(q.kind == .quarter && q.year == 2023 && q.index == 3)
        let m = try Period.parse("2024-2")
        #expect(m.kind == .month && m.year == 2024 && m.index == 2)
        let y = try Period.parse("2025")
        #expect(y.kind == .year && y.year == 2025 && y.index == 1)
    }

    @Test func rejectsNonPeriods() {
        for text in [
            "", "abc", "23", "20231", "2023Q5", "2023Q0", "2023H3", "2023-13", "2023-00", "2023年13月",
            "2023年第五季度", "2023年中", "2023-005", "2023-05-06", "Q3 2023", "2023QQ3",
        ] {
            #expect(throws: GSLError.self, "\(text)") { try Period.parse(text) }
        }
    }

    @Test func errorsQuoteTheText() {
        do {
            _ = try Period.parse("2023Q5")
            Issue.record("2023Q5 parsed")
        } catch {
            #expect(error.kind == .data)
            #expect(error.cause == .invalidPeriod)
            #expect(error.mentions("2023Q5"))
        }
    }

    @Test func startAndEnd() throws {
        let cases: [(String, LocalDate, LocalDate)] = [
            ("2023", date(2023, 1, 1), date(2023, 12, 31)),
            ("2023H1", date(2023, 1, 1), date(2023, 6, 30)),
            ("2023H2", date(2023, 7, 1), date(2023, 12, 31)),
            ("2023Q1", date(2023, 1, 1), date(2023, 3, 31)),
            ("2023Q3", date(2023, 7, 1), date(2023, 9, 30)),
            ("2023Q4", date(2023, 10, 1), date(2023, 12, 31)),
            ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
            ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
            ("2023-04", date(2023, 4, 1), date(2023, 4, 30)),
        ]
        for (text, start, end) in cases {
            let period = try Period.parse(text)
            #expect(period.start == start, "\(text)")
            #expect(period.end == end, "\(text)")
        }
    }

    @Test func containsMatchesStartAndEnd() throws {
        for text in ["2024", "2024H1", "2024H2", "2024Q2", "2024Q4", "2024-02", "2024-12"] {
            let period = try Period.parse(text)
            for n in date(2023, 12, 1).dayNumber...date(2025, 1, 31).dayNumber {
                let day = LocalDate(dayNumber: n)
                #expect(period.contains(day) == (period.start <= day && day <= period.end), "\(text) \(day)")
            }
        }
        #expect(try Period.parse("2023Q3").contains(date(2023, 9, 30)))
        #expect(try !Period.parse("2023Q3").contains(date(2023, 10, 1)))
    }

    @Test func previousAndNext() throws {
        let pairs = [
            ("2023", "2022"), ("2023H1", "2022H2"), ("2023H2", "2023H1"), ("2023Q1", "2022Q4"),
            ("2023Q3", "2023Q2"), ("2023-01", "2022-12"), ("2023-05", "2023-04"),
        ]
        for (text, previous) in pairs {
            let period = try Period.parse(text)
            #expect(period.previous.description == previous, "\(text)")
            #expect(period.previous.next == period)
            #expect(period.previous.end.adding(days: 1) == period.start)
        }
        #expect(try Period.parse("2023Q1").shifted(by: -5).description == "2021Q4")
    }

    @Test func labels() throws {
        let expectations: [(String, String, String)] = [
            ("2023", "2023年", "2023"), ("2023H1", "2023年上半年", "2023 H1"), ("2023H2", "2023年下半年", "2023 H2"),
            ("2023Q3", "2023年第三季度", "2023 Q3"), ("2023-05", "2023年5月", "May 2023"),
        ]
        for (text, zh, en) in expectations {
            let period = try Period.parse(text)
            #expect(period.label(.zh) == zh)
            #expect(period.label(.en) == en)
            #expect(try Period.parse(zh) == period)
        }
    }

    @Test func orderAndCodable() throws {
        let sorted = try ["2023", "2023-01", "2023H1", "2023Q1", "2022Q4", "2023-04"].map(Period.parse)
            .sorted()
        #expect(sorted.map(\.description) == ["2022Q4", "2023-01", "2023Q1", "2023H1", "2023", "2023-04"])
        let value = try Period.parse("2023年第三季度")
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["2023Q3"]"#)
        #expect(try JSONDecoder().decode([Period].self, from: data) == [value])
        #expect(Period(kind: .quarter, year: 2023, index: 5) == nil)
        #expect(Period(kind: .month, containing: date(2023, 5, 6)).description == "2023-05")
        #expect(Period(kind: .half, containing: date(2023, 7, 1)).description == "2023H2")
    }
}
