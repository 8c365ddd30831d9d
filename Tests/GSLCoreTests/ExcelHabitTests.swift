import GSLCore
import Testing

/// What Excel does to dates and codes gets a message that says so.
@Suite struct ExcelHabitTests {
    func error(_ body: () throws -> Void) -> GSLError? {
        do { try body() } catch { return error as? GSLError }
        return nil
    }

    @Test func aSerialDateIsNamedAsOne() {
        let e = error { _ = try LocalDate.parse("45052") }
        #expect(e?.message.zh.contains("Excel 的日期序号") == true)
        #expect(e?.message.en.contains("45052 is 2023-05-06") == true, "\(String(describing: e))")
    }

    @Test(arguments: ["2020年1月", "2020-01", "2020/1"])
    func aMonthWithoutADayIsNamedAsOne(text: String) {
        let e = error { _ = try LocalDate.parse(text) }
        #expect(e?.message.en.contains("a month without a day") == true, "\(String(describing: e))")
    }

    @Test func aUSCCInScientificNotationIsNamedAsOne() {
        let e = error { _ = try USCC.validate("9.13302E+17") }
        #expect(e?.message.en.contains("scientific notation") == true, "\(String(describing: e))")
        #expect(USCC.problem(with: "9.13302E+17")?.zh.contains("文本") == true)
    }
}
