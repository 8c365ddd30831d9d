import Foundation
import GSLCasework
import GSLCore
import Testing

@Suite struct CaseworkCodingTests {
    @Test func eventsRoundTripThroughJSON() throws {
        let event = CaseEvent(
            caseID: "C-1",
            action: .evaluate(
                Callback(contacted: true, solved: false, satisfaction: .basicallySatisfied, valid: true)),
            from: .answered, to: .evaluated, date: LocalDate(year: 2025, month: 2, day: 8)!, actor: "李四",
            note: "电话回访")
        let merge = CaseEvent(
            caseID: "C-2", action: .merge(into: "C-1", targetState: .inProgress), from: .pending, to: .merged,
            date: LocalDate(year: 2025, month: 2, day: 9)!, actor: "王五")
        let data = try JSONEncoder().encode([event, merge])
        #expect(try JSONDecoder().decode([CaseEvent].self, from: data) == [event, merge])
        #expect(String(decoding: data, as: UTF8.self).contains("\"basically_satisfied\""))
    }

    @Test func policiesAreCheckedWhenDecoded() throws {
        let good = Data(#"[{"category":"arrears","firstResponseWorkdays":1,"resolutionWorkdays":7}]"#.utf8)
        let policies = try JSONDecoder().decode([SLAPolicy].self, from: good)
        #expect(policies.first?.resolutionWorkdays == 7)
        #expect(policies.first?.priority == nil)
        let bad = Data(#"[{"firstResponseWorkdays":0,"resolutionWorkdays":7}]"#.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode([SLAPolicy].self, from: bad) }
    }

    @Test func taxonomyValidation() throws {
        try CaseTaxonomy.standard.validate()
        let duplicate = CaseTaxonomy(categories: [
            CaseCategory(code: "a", zh: "融资信贷", en: "A"), CaseCategory(code: "b", zh: "融资信贷", en: "B"),
        ])
        #expect(throws: GSLError.self) { try duplicate.validate() }
        #expect(throws: GSLError.self) {
            try CaseTaxonomy(categories: [CaseCategory(code: "", zh: "x", en: "x")]).validate()
        }
    }
}
