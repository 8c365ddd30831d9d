import GSLCore
import GSLTestSupport
import Testing

@Suite struct USCCTests {
    @Test func charsetAndWeights() {
        #expect(USCC.charset.count == 31)
        #expect(String(USCC.charset) == "0123456789ABCDEFGHJKLMNPQRTUWXY")
        for letter in "IOZSV" { #expect(!USCC.charset.contains(letter)) }
        // GB 32100-2015 worked example: body 91350100M000100Y4 has check character 3.
        #expect(USCC.checkCharacter(forFirst17: "91350100M000100Y4") == "3")
        #expect(USCC.checkCharacter(forFirst17: "91330200711192037") == "M")
        #expect(USCC.checkCharacter(forFirst17: "9133020071119203") == nil)
        #expect(USCC.checkCharacter(forFirst17: "91330200711192O37") == nil)
    }

    @Test func normalises() throws {
        #expect(try USCC.validate(" 91330200711192037m ") == "91330200711192037M")
        #expect(try USCC.validate("９１３３０２００７１１１９２０３７Ｍ") == "91330200711192037M")
        #expect(USCC.problem(with: "91350100M000100Y43") == nil)
    }

    @Test func parts() throws {
        let parts = try #require(USCC.parts(of: "91330200711192037M"))
        #expect(parts.registrationAuthority == "9")
        #expect(parts.orgType == "1")
        #expect(parts.divisionCode == "330200")
        #expect(parts.organisationCode == "711192037")
        #expect(parts.check == "M")
        #expect(USCC.parts(of: "9133020071119203") == nil)
    }

    @Test func preciseReasons() {
        let length = USCC.problem(with: "91440300192203821")
        #expect(length?.en.contains("found 17") == true)
        let character = USCC.problem(with: "9S440300192317458F")
        #expect(character?.en.contains("invalid character 'S' at position 2") == true)
        let combination = USCC.problem(with: "94330200711192037M")
        #expect(combination?.en.contains("not a valid combination") == true)
        let division = USCC.problem(with: "91000200711192037M")
        #expect(division?.en.contains("not a valid division code") == true)
        let check = USCC.problem(with: "91330200711192037N")
        #expect(check?.en.contains("expected M, found N") == true)
        let error = typedGSLError { () throws(GSLError) in try USCC.validate("91330200711192037N") }
        #expect(error?.kind == .data)
        #expect(error?.message == check)
    }

    @Test(.enabled(if: Fixtures.sharedReference != nil, "needs ../shared/reference"))
    func publishedSamples() throws {
        let url = Fixtures.sharedReference!.appendingPathComponent("standards/uscc_samples.csv")
        guard let table = try ReferenceCSV.load(url) else {
            Issue.record("uscc_samples.csv is missing from the shared reference")
            return
        }
        #expect(table.rows.count >= 20)
        for row in table.rows {
            let code = row["code"]!
            let problem = USCC.problem(with: code)
            if row["valid"] == "true" {
                #expect(problem == nil, "\(code) \(row["name"]!): \(problem?.en ?? "")")
                continue
            }
            let reason = row["evidence_or_reason"]!.lowercased()
            let found = try #require(problem, "\(code) should be invalid")
            if reason.contains("length") {
                #expect(found.en.contains("must have 18 characters"), "\(code): \(found.en)")
            } else if reason.contains("charset") || reason.contains("illegal character") {
                #expect(found.en.contains("invalid character"), "\(code): \(found.en)")
            } else if reason.contains("check char") {
                #expect(found.en.contains("wrong check character"), "\(code): \(found.en)")
                if let expected = reason.components(separatedBy: "should be ").last?.first {
                    #expect(
                        found.en.contains("expected \(Character(expected.uppercased()))"),
                        "\(code): \(found.en)")
                }
            } else {
                Issue.record("unknown reason category for \(code): \(reason)")
            }
        }
    }
}
