import GSLCore
import Testing

/// Resident ID-card numbers: the check character and a birth date that exists.
@Suite struct IDCardNumberTests {
    @Test func standardExampleIsValid() {
        #expect(IDCardNumber.problem(with: "11010519491231002X") == nil)
        #expect(IDCardNumber.birthYear("11010519491231002X") == 1949)
    }

    @Test func wrongCheckCharacterIsRefused() {
        #expect(IDCardNumber.problem(with: "110105194912310021") != nil)
    }

    /// 1949-02-30 with a correct check character: the day exists in no month of February.
    @Test func birthDateThatDoesNotExistIsRefused() {
        #expect(IDCardNumber.problem(with: "110105194902300020")?.en.contains("birth date") == true)
        #expect(IDCardNumber.birthYear("110105194902300020") == nil)
    }
}
