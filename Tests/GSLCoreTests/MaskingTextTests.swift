import GSLCore
import Testing

@Suite struct MaskingTextTests {
    @Test func commandLinesLoseIDCardsAndPhones() {
        let line = "person add --name 张三 --id-card 330203198001011234 --phone 13812345678 --tel 0574-87050028"
        let masked = Masking.personalData(in: line)
        #expect(!masked.contains("330203198001011234"))
        #expect(masked.contains("330203********1234"))
        #expect(masked.contains("138****5678"))
        #expect(!masked.contains("87050028"))
    }

    @Test func jsonValuesUnderPersonalKeysAreMaskedWhateverTheirShape() {
        let json =
            #"{"id":3,"id_card":"33020319800101123X","name":"张三","phone":"87050028","revenue":13812345678}"#
        let masked = Masking.personalData(in: json)
        #expect(masked.contains(#""id_card":"330203********123X""#))
        #expect(masked.contains(#""phone":"870**28""#) || !masked.contains("87050028"))
        #expect(masked.contains(#""name":"张三""#))
    }

    @Test func codesThatAreNotPersonalStay() {
        let text = "org add --uscc 91330200711192037M --employees 120 --revenue 3500万"
        #expect(Masking.personalData(in: text) == text)
    }
}
