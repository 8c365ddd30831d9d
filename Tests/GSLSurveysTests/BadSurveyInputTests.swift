import Foundation
import GSLCore
import Testing

@testable import GSLSurveys

/// Each refusal of item 7 has one cause and names file, line and column.
@Suite struct BadSurveyInputTests {
    static let header = "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的年龄段：,2、您的困难：,3、评价—政务服务,3、评价—法治环境"
    static let good =
        header + "\n1,2023/5/6 10:11:12,185秒,微信,直接访问,1.1.1.1,30岁以下,融资难┋用工难,一般,很满意\n"
        + "2,2023/5/6 10:11:13,18秒,微信,直接访问,1.1.1.1,30-35岁,用工难,很满意,一般\n"

    func codebook() throws -> Codebook {
        try CodebookInference.infer(try SurveyFixtures.sheet(csv: Self.good))
    }

    func error(_ csv: String) throws -> GSLError? {
        let cb = try codebook()
        let sheet = try SurveyFixtures.sheet(csv: csv, name: "bad.csv")
        do {
            _ = try AnswerReader.read(sheet, codebook: cb)
            return nil
        } catch { return error }
    }

    @Test func anOptionTextNotInTheCodebook() throws {
        let e = try #require(try error(Self.good + "3,2023/5/6,1秒,微信,直接访问,1.1.1.1,50岁以上,融资难,一般,一般\n"))
        #expect(e.cause == .surveysUnknownOption)
        #expect(e.location == SourceLocation(file: "bad.csv", line: 4, column: 7, field: "1、您的年龄段："))
        let m = try #require(try error(Self.good + "3,2023/5/6,1秒,微信,直接访问,1.1.1.1,30岁以下,融资难┋没钱,一般,一般\n"))
        #expect(m.cause == .surveysUnknownOption)
        #expect(m.location?.column == 8)
        #expect(m.message.zh.contains("没钱"))
    }

    @Test func duplicateRespondentNumbers() throws {
        let e = try #require(try error(Self.good + "2,2023/5/6,1秒,微信,直接访问,1.1.1.1,30岁以下,融资难,一般,一般\n"))
        #expect(e.cause == .importDuplicateRow)
        #expect(e.location?.line == 4)
        #expect(e.location?.column == 1)
        #expect(e.message.zh.contains("第 3 行"))
    }

    @Test func anEmptyCellInARequiredQuestion() throws {
        let e = try #require(try error(Self.good + "3,2023/5/6,1秒,微信,直接访问,1.1.1.1,,融资难,一般,一般\n"))
        #expect(e.cause == .surveysMissingAnswer)
        #expect(e.location?.line == 4 && e.location?.column == 7)
        // A cell skipped by the form's logic is not missing.
        #expect(try error(Self.good + "3,2023/5/6,1秒,微信,直接访问,1.1.1.1,(跳过),融资难,一般,一般\n") == nil)
    }

    @Test func columnsThatDoNotFitTheCodebook() throws {
        let extra = Self.header + ",4、新题目\n1,2023/5/6,1秒,微信,直接访问,1.1.1.1,30岁以下,融资难,一般,一般,x\n"
        let a = try #require(try error(extra))
        #expect(a.cause == .surveysColumnMismatch)
        #expect(a.location?.line == 1 && a.location?.column == 11)
        let renamed =
            Self.header.replacingOccurrences(of: "评价—法治环境", with: "评价—要素保障")
            + "\n1,2023/5/6,1秒,微信,直接访问,1.1.1.1,30岁以下,融资难,一般,一般\n"
        let b = try #require(try error(renamed))
        #expect(b.cause == .surveysColumnMismatch)
        #expect(b.location?.column == 10)
        let missing = "序号,1、您的年龄段：,2、您的困难：\n1,30岁以下,融资难\n"
        let c = try #require(try error(missing))
        #expect(c.cause == .surveysColumnMismatch)
        #expect(c.message.zh.contains("第 3 题"))
        let stray = Self.header + ",备注\n1,2023/5/6,1秒,微信,直接访问,1.1.1.1,30岁以下,融资难,一般,一般,x\n"
        let d = try #require(try error(stray))
        #expect(d.cause == .surveysUnrecognisedColumn)
        #expect(d.location?.column == 11)
    }

    @Test func aBadCodebookFileIsRefusedWithItsPlace() {
        let text =
            "layout: text\nquestions:\n  - number: 1\n    text: 年龄\n    type: single\n    optoins: []\n"
        #expect(throws: GSLError.self) { try Codebook.parse(text, file: "cb.yaml") }
        do { _ = try Codebook.parse(text, file: "cb.yaml") } catch {
            #expect(error.cause == .configUnknownKey)
            #expect(error.location?.line == 6)
        }
        let noOptions = "layout: text\nquestions:\n  - number: 1\n    text: 年龄\n    type: single\n"
        do {
            _ = try Codebook.parse(noOptions, file: "cb.yaml")
            Issue.record("accepted a single-choice question without options")
        } catch { #expect(error.cause == .surveysCodebookInvalid) }
    }

    @Test func marginsFileRefusals() {
        let text = "margins:\n  - question: 1\n    targets: {30岁以下: 10, 30-35岁: -3}\n"
        do {
            _ = try MarginsFile.parse(text, file: "m.yaml")
            Issue.record("accepted a negative target")
        } catch {
            #expect(error.cause == .surveysMarginInvalid)
            #expect(error.location?.line == 3)
        }
        do {
            _ = try MarginsFile.parse("margins: []\ntrim: {lower: 2, upper: 3}\n", file: "m.yaml")
            Issue.record("accepted an empty margins list")
        } catch { #expect(error.cause == .surveysMarginInvalid) }
    }
}
