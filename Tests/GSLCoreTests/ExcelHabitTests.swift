import GSLCore
import GSLTestSupport
import Testing

/// What Excel does to dates and codes gets a message that says so.
@Suite struct ExcelHabitTests {
    func error(_ body: () throws -> Void) -> GSLError? {
        do { try body() } catch { return error as? GSLError }
        return nil
    }

    @Test func aSerialDateIsNamedAsOne() {
        // 45000 days after 1899-12-30: the message names the date the serial number stands for.
        let e = error { _ = try LocalDate.parse("45000") }
        #expect(e?.cause == .invalidDate)
        #expect(e?.mentions("45000") == true && e?.mentions("2023-03-15") == true, "\(String(describing: e))")
    }

    @Test(arguments: ["2020年1月", "2020-01", "2020/1"])
    func aMonthWithoutADayIsNamedAsOne(text: String) {
        let e = error { _ = try LocalDate.parse(text) }
        #expect(e?.cause == .invalidDate)
        // The message suggests the first of that month.
        #expect(e?.mentions("2020-01-01") == true, "\(String(describing: e))")
    }

    @Test func aUSCCInScientificNotationIsNamedAsOne() {
        let e = error { _ = try USCC.validate("9.13302E+17") }
        #expect(e?.cause == .invalidUSCC)
        // The error carries the explanation `USCC.problem` gives, which names the Excel format to use.
        #expect(e?.message == USCC.problem(with: "9.13302E+17"), "\(String(describing: e))")
        #expect(USCC.problem(with: "9.13302E+17")?.zh.contains("文本") == true)
    }
}
