import Foundation
import GSLCore
import Testing

@testable import GSLSurveys

@Suite struct CodebookInferenceTests {
    @Test func textLayoutQuestionsTypesAndScales() throws {
        let sheet = try SurveyFixtures.sheet(path: SurveyFixtures.path("sample_text_layout.csv"))
        let cb = try CodebookInference.infer(sheet)
        #expect(cb.layout == .text)
        #expect(cb.questions.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(
            cb.questions.map(\.type) == [.fillIn, .single, .single, .multiple, .single, .matrix, .fillIn])
        #expect(cb.question(1)?.role == .name)
        #expect(cb.question(6)?.rows == ["政务服务", "法治环境", "要素保障"])
        #expect(cb.question(6)?.text == "您对宁波营商环境各方面的评价")
        // A known Likert scale gets its questionnaire codes.
        #expect(cb.question(6)?.options.map(\.label) == ["很不满意", "不太满意", "一般", "比较满意", "很满意"])
        let q4 = try #require(cb.question(4))
        #expect(Set(q4.options.map(\.label)) == ["融资难", "用工难", "订单不足", "成本上升", "数字化转型难", "其他"])
        #expect(q4.options.first { $0.label == "其他" }?.other == true)
        #expect(q4.required)
        #expect(cb.question(7)?.required == false)
    }

    @Test func frequencyAndFamiliarityScalesKeepTheirOrder() throws {
        // Answers in the order respondents happened to give them; the codes follow the scale.
        let csv = """
            序号,提交答卷时间,所用时间,1、您参加工商联活动的频率：,2、您对惠企政策的了解程度：,3、您的企业所在区县：
            1,2023/5/6 10:11:12,85秒,经常,比较了解,鄞州区
            2,2023/5/6 10:12:12,85秒,从不,很不了解,海曙区
            3,2023/5/6 10:13:12,85秒,偶尔,一般,鄞州区

            """
        let cb = try CodebookInference.infer(try SurveyFixtures.sheet(csv: csv))
        #expect(cb.question(1)?.options.map(\.label) == ["从不", "偶尔", "经常"])
        #expect(cb.question(2)?.options.map(\.label) == ["很不了解", "不太了解", "一般", "比较了解", "很了解"])
        // A nominal question keeps the order of first appearance.
        #expect(cb.question(3)?.options.map(\.label) == ["鄞州区", "海曙区"])
    }

    @Test func codeLayoutOptionColumnsAndOtherText() throws {
        let sheet = try SurveyFixtures.sheet(path: SurveyFixtures.path("sample_code_layout.csv"))
        let cb = try CodebookInference.infer(sheet)
        #expect(cb.layout == .code)
        #expect(
            cb.questions.map(\.type) == [.fillIn, .single, .single, .multiple, .single, .matrix, .fillIn])
        #expect(cb.question(4)?.options.map(\.label) == ["融资难", "用工难", "订单不足", "成本上升", "数字化转型难", "其他"])
        #expect(cb.question(3)?.options.count == 10)  // codes up to the largest seen
        let read = try AnswerReader.read(sheet, codebook: cb)
        #expect(read.respondents.count == 8)
        let third = read.respondents[2]
        #expect(third.answers[4] == .choices([1, 2, 6]))
        #expect(third.otherText[4] == "海外市场准入")
        #expect(third.answers[6] == .rows([5, 5, 4]))
        #expect(third.answers[3] == .choice(8))
        #expect(third.submittedAt == "2023-05-06T11:02:45")
        #expect(third.durationSeconds == 96)
        #expect(read.respondents[1].answers[7] == nil)  // (空)
    }

    @Test func bothLayoutsGiveTheSameAnswersUnderOneCodebook() throws {
        let text = try SurveyFixtures.sheet(path: SurveyFixtures.path("sample_text_layout.csv"))
        let code = try SurveyFixtures.sheet(path: SurveyFixtures.path("sample_code_layout.csv"))
        // The codebook the staff would write: the code layout's structure with the text layout's labels.
        var cb = try CodebookInference.infer(code)
        let fromText = try CodebookInference.infer(text)
        let i2 = cb.questions.firstIndex { $0.number == 2 }!
        cb.questions[i2].options = fromText.question(2)!.options
        let i5 = cb.questions.firstIndex { $0.number == 5 }!
        cb.questions[i5].options = ["已接班", "计划接班", "不打算接班", "尚未决定"].enumerated().map {
            SurveyOption(code: $0.offset + 1, label: $0.element)
        }
        let counties = ["海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "余姚市", "慈溪市", "宁海县", "象山县"]
        let i3 = cb.questions.firstIndex { $0.number == 3 }!
        cb.questions[i3].options = counties.enumerated().map {
            SurveyOption(code: $0.offset + 1, label: $0.element)
        }
        let i6 = cb.questions.firstIndex { $0.number == 6 }!
        cb.questions[i6].options = fromText.question(6)!.options
        let fromCodes = try AnswerReader.read(code, codebook: cb)
        let fromLabels = try AnswerReader.read(text, codebook: cb)
        #expect(fromLabels.layout == .text)
        for (a, b) in zip(fromCodes.respondents, fromLabels.respondents) {
            #expect(a.answers == b.answers, "respondent \(a.number)")
            #expect(a.otherText == b.otherText)
        }
        // The YAML written is read back to the same codebook.
        #expect(try Codebook.parse(cb.yaml(), file: "cb.yaml") == cb)
    }

    @Test func theSharedSamplesReadAsTheProjectCopies() throws {
        guard let path = SurveyFixtures.shared("sample_text_layout.csv") else { return }
        let shared = try CodebookInference.infer(try SurveyFixtures.sheet(path: path))
        let own = try CodebookInference.infer(
            try SurveyFixtures.sheet(path: SurveyFixtures.path("sample_text_layout.csv")))
        #expect(shared == own)
    }

    @Test func headerForms() {
        #expect(HeaderColumn.question("3、您企业所属行业：") == .question(number: 3, text: "您企业所属行业："))
        #expect(HeaderColumn.question("第4题(融资难)") == .part(number: 4, label: "融资难"))
        #expect(HeaderColumn.question("第4题（融资难）") == .part(number: 4, label: "融资难"))
        #expect(HeaderColumn.question("4、(其他（请补充）:)") == .otherText(number: 4))
        #expect(HeaderColumn.question("6、评价—政务服务") == .matrixRow(number: 6, stem: "评价", row: "政务服务"))
        #expect(HeaderColumn.question("6.政务服务") == .matrixRow(number: 6, stem: nil, row: "政务服务"))
        #expect(HeaderColumn.question("7:建议") == .question(number: 7, text: "建议"))
        #expect(HeaderColumn.question("来自IP") == nil)
        #expect(HeaderColumn.question("2023年") == nil)
    }
}
