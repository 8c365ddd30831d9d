import GSLCasework
import GSLCore
import GSLTestSupport
import Testing

/// Points tables, scores and rankings of information reports, and the proposal state machine.
@Suite struct InfoPointsTests {
    static func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

    static let reports = [
        InfoReport(
            id: 1, title: "民营企业融资成本偏高", author: "张三", chamberName: "宁波市温州商会", draftedOn: day("2024-03-01")),
        InfoReport(
            id: 2, title: "中小企业用工缺口", author: "李四", chamberName: "宁波市温州商会", draftedOn: day("2024-04-01")),
        InfoReport(id: 3, title: "外贸企业汇率风险", author: "王五", draftedOn: day("2024-05-01")),
        InfoReport(id: 4, title: "拖欠账款清理", author: "张三", draftedOn: day("2025-01-10")),
    ]

    static let events = [
        InfoEvent(reportID: 1, kind: .submit, date: day("2024-03-02")),
        InfoEvent(reportID: 1, kind: .adopt, level: .national, body: "全国政协办公厅", date: day("2024-04-10")),
        InfoEvent(reportID: 1, kind: .instruct, level: .provincial, body: "省领导", date: day("2024-05-10")),
        InfoEvent(reportID: 2, kind: .submit, date: day("2024-04-02")),
        InfoEvent(reportID: 2, kind: .adopt, level: .provincial, body: "省政协办公厅", date: day("2024-04-20")),
        InfoEvent(reportID: 2, kind: .adopt, level: .municipal, body: "市政协办公厅", date: day("2024-04-21")),
        InfoEvent(reportID: 2, kind: .adopt, level: .municipal, body: "市委办公厅", date: day("2024-04-22")),
        InfoEvent(reportID: 2, kind: .adopt, level: .national, body: "全国工商联", date: day("2024-06-01")),
        InfoEvent(reportID: 3, kind: .submit, date: day("2024-05-02")),
        InfoEvent(reportID: 4, kind: .submit, date: day("2025-01-11")),
        InfoEvent(reportID: 4, kind: .instruct, level: .municipal, body: "市长", date: day("2025-02-01")),
    ]

    @Test func defaultPointsByHand() {
        let t = InfoPointsTable.standard
        #expect(t.points(for: Self.events[0]) == 1)
        #expect(t.points(for: Self.events[1]) == 10)
        #expect(t.points(for: Self.events[2]) == 8)
        #expect(t.points(for: Self.events[10]) == 4)
    }

    @Test func byAuthorWithTiesSharingTheMinRank() {
        let scores = InfoScoring.score(
            reports: Self.reports, events: Self.events, table: .standard, by: .author)
        // 张三: 1 + 10 + 8 + 1 + 4 = 24; 李四: 1 + 5 + 2 + 2 + 10 = 20; 王五: 1.
        #expect(scores.map(\.key) == ["张三", "李四", "王五"])
        #expect(scores.map(\.points) == [24, 20, 1])
        #expect(scores.map(\.rank) == [1, 2, 3])
        #expect(scores[0].reports == 2 && scores[0].adoptions == 1 && scores[0].instructions == 2)
        #expect(scores[1].adoptions == 4)
        // Making 李四 equal to 张三 gives both rank 1 and the next rank 3.
        var table = InfoPointsTable.standard
        table.adoption[.national] = 14
        let tied = InfoScoring.score(reports: Self.reports, events: Self.events, table: table, by: .author)
        #expect(tied.map(\.points) == [28, 24, 1])
        table.instruction[.provincial] = 4
        let tied2 = InfoScoring.score(reports: Self.reports, events: Self.events, table: table, by: .author)
        #expect(tied2.map(\.points) == [24, 24, 1])
        #expect(tied2.map(\.key) == ["张三", "李四", "王五"])
        #expect(tied2.map(\.rank) == [1, 1, 3])
    }

    @Test func byChamberAndPeriod() throws {
        let year = try Period.parse("2024")
        let scores = InfoScoring.score(
            reports: Self.reports, events: Self.events, table: .standard, by: .chamber, period: year)
        // 温州商会: reports 1 and 2 → 19 + 20 = 39; report 3 without chamber: 1; report 4 is in 2025.
        #expect(scores.map(\.key) == ["宁波市温州商会", "（无商会）"])
        #expect(scores.map(\.points) == [39, 1])
        #expect(scores.first?.reports == 2)
        let q2 = InfoScoring.score(
            reports: Self.reports, events: Self.events, table: .standard, by: .author,
            period: try Period.parse("2024Q2"))
        // Q2 2024: 李四 1 + 5 + 2 + 2 + 10; 张三 10 + 8 (its submission is in Q1); 王五 1.
        #expect(q2.map(\.points) == [20, 18, 1])
        #expect(q2.map(\.key) == ["李四", "张三", "王五"])
    }

    @Test func emptyInputGivesNoLines() {
        #expect(InfoScoring.score(reports: Self.reports, events: [], table: .standard).isEmpty)
        // Events of unknown reports are ignored.
        #expect(InfoScoring.score(reports: [], events: Self.events, table: .standard).isEmpty)
    }

    @Test func tablesFromJSONAndYAML() throws {
        let json = """
            {"submission": 0.5, "adoption": {"national": 20, "省级": 6, "municipal": 3}, "instruction": {"national": 30}}
            """
        let a = try InfoPointsTable.parse(json)
        #expect(a.submission == 0.5 && a.adoption[.provincial] == 6 && a.instruction[.national] == 30)
        #expect(a.instruction[.municipal] == nil)
        #expect(
            a.points(
                for: InfoEvent(
                    reportID: 1, kind: .instruct, level: .municipal, body: "x", date: Self.day("2024-01-01")))
                == 0)
        let yaml = """
            # 示例积分表
            submission: 0.5
            adoption:
              national: 20   # 国家级
              provincial: 6
              municipal: 3
            instruction:
              national: 30
            """
        #expect(try InfoPointsTable.parse(yaml) == a)
        #expect(try InfoPointsTable.parse("\u{FEFF}" + json) == a)
    }

    @Test(arguments: [
        "{\"submission\": 1, \"adoption\": {\"county\": 1}, \"instruction\": {}}",
        "{\"submission\": 1, \"adoption\": {\"national\": -1}, \"instruction\": {}}",
        "{\"adoption\": {}, \"instruction\": {}}",
        "submission: one\nadoption:\n  national: 1\ninstruction:\n  national: 1",
        "submission: 1\nadoption:\n  national: 1",
        "bonus: 1",
    ])
    func badTablesAreRefused(_ text: String) {
        #expect(throws: GSLError.self) { try InfoPointsTable.parse(text) }
    }

    @Test func levelsParseInBothLanguages() throws {
        #expect(try InfoLevel.parse("国家级") == .national)
        #expect(try InfoLevel.parse("省级") == .provincial)
        #expect(try InfoLevel.parse("Municipal") == .municipal)
        let error = #expect(throws: GSLError.self) { try InfoLevel.parse("县级") }
        #expect(error?.kind == .data && error?.cause == .caseUnknownValue)
        #expect(error?.mentions("县级") == true)
    }

    @Test func reportStatesAllowTheirEvents() {
        #expect(throws: Never.self) { try InfoReportState.draft.check(.submit) }
        let error = #expect(throws: GSLError.self) { try InfoReportState.draft.check(.adopt) }
        #expect(error?.cause == .infoActionNotAllowed)
        // The message names the allowed event.
        #expect(error?.mentions(InfoEventKind.submit.rawValue) == true)
        #expect(throws: GSLError.self) { try InfoReportState.submitted.check(.submit) }
        #expect(throws: Never.self) { try InfoReportState.submitted.check(.instruct) }
    }

    static let sampleActions: [ProposalAction] = [
        .assign(lead: "市发改委", assisting: ["市财政局"]), .answer(.a), .evaluate(.satisfied), .close,
        .adopt(level: .national, body: "全国政协"),
    ]

    @Test(arguments: ProposalState.allCases)
    func everyStateAndAction(_ state: ProposalState) throws {
        let expected: [ProposalState: [ProposalActionKind: ProposalState]] = [
            .filed: [.assign: .assigned, .adopt: .filed],
            .assigned: [.answer: .answered, .adopt: .assigned],
            .answered: [.evaluate: .evaluated, .adopt: .answered],
            .evaluated: [.close: .closed, .adopt: .evaluated],
            .closed: [.adopt: .closed],
        ]
        for action in Self.sampleActions {
            if let to = expected[state]?[action.kind] {
                #expect(try ProposalWorkflow.next(state, action) == to)
            } else {
                let error = #expect(throws: GSLError.self) { try ProposalWorkflow.next(state, action) }
                #expect(error?.kind == .data)
                #expect(error?.cause == .infoActionNotAllowed)
                let allowed = ProposalWorkflow.allowed(in: state).map(\.rawValue)
                #expect(allowed.allSatisfy { error?.mentions($0) == true })
            }
        }
    }

    @Test func unsatisfiedEvaluationAllowsANewAnswer() throws {
        #expect(try ProposalWorkflow.next(.evaluated, .answer(.b), unsatisfied: true) == .answered)
        #expect(throws: GSLError.self) {
            try ProposalWorkflow.next(.evaluated, .answer(.b), unsatisfied: false)
        }
    }

    @Test func gradesParse() throws {
        #expect(try AnswerGrade.parse("a") == .a)
        #expect(try AnswerGrade.parse("Ｂ类") == .b)
        #expect(throws: GSLError.self) { try AnswerGrade.parse("D") }
    }
}
