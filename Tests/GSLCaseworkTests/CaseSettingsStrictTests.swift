import GSLCasework
import GSLCore
import GSLTestSupport
import Testing

/// `gsl case config import`: the file is read strictly.
@Suite struct CaseSettingsStrictTests {
    @Test func standardSettingsRoundTrip() throws {
        let text = CaseSettings.standard.json()
        #expect(try CaseSettings.parse(text, file: "s.json") == CaseSettings.standard)
    }

    @Test func misspeltKeyIsRefusedWithSuggestion() {
        let text = "{\n  \"warningShare\": 0.8,\n  \"l3AfterOverdueWorkday\": 3\n}\n"
        #expect {
            try CaseSettings.parse(text, file: "设置.json")
        } throws: { e in
            let g = e as! GSLError
            return g.kind == .data && g.location?.file == "设置.json" && g.location?.line == 3
                && g.cause == .configUnknownKey && g.location?.field == "l3AfterOverdueWorkday"
                && g.mentions("l3AfterOverdueWorkdays")
        }
    }

    @Test func nestedUnknownKeyIsFound() throws {
        var text = CaseSettings.standard.json()
        // Add a stray key inside the first nested object of the rate weights.
        text = text.replacingOccurrences(
            of: "\"weights\" : {", with: "\"weights\" : {\n    \"satisfation\" : 1,")
        #expect(text.contains("satisfation"))
        #expect {
            try CaseSettings.parse(text, file: "s.json")
        } throws: { e in
            let g = e as! GSLError
            return g.location?.field == "satisfation" && g.cause == .configUnknownKey
                && g.mentions("$.weights")
        }
    }

    @Test func wrongPriorityAndBadPolicyArePlaced() throws {
        let bad =
            #"{"policies": {"policies": [{"priority": "urgnt", "firstResponseWorkdays": 1, "resolutionWorkdays": 5}]}}"#
        #expect {
            try CaseSettings.parse(bad, file: "s.json")
        } throws: { e in
            let g = e as! GSLError
            return g.location?.column == 41 && g.cause == .configInvalidValue && g.mentions("urgnt")
        }
        let text =
            "{\"policies\": {\"policies\": [\n  {\"firstResponseWorkdays\": 9, \"resolutionWorkdays\": 5}]}}"
        #expect {
            try CaseSettings.parse(text, file: "s.json")
        } throws: { e in
            let g = e as! GSLError
            return g.kind == .data && g.location?.file == "s.json" && g.location?.line == 2
        }
    }

    @Test func hugeNumberIsAMessage() {
        #expect {
            try CaseSettings.parse(#"{"warningShare": 1e400}"#, file: "s.json")
        } throws: { e in
            let g = e as! GSLError
            return g.kind == .data && g.cause == .configNumberOutOfRange && g.mentions("1e400")
        }
    }
}
