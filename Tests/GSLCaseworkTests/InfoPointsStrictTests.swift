import Foundation
import GSLCasework
import GSLCore
import GSLTestSupport
import Testing

/// Issue 20 item 8: points files are strict and points are exact decimals.
@Suite struct InfoPointsStrictTests {
    static func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

    func refusal(_ text: String) -> GSLError? {
        do {
            _ = try InfoPointsTable.parse(text)
            return nil
        } catch { return error }
    }

    @Test(arguments: [
        // Unknown or misspelt keys, as in YAML.
        #"{"submission": 1, "adoption": {}, "instruction": {}, "bonus": 3}"#,
        #"{"submision": 1, "adoption": {}, "instruction": {}}"#,
        // Not finite, negative, not a number.
        #"{"submission": 1e400, "adoption": {}, "instruction": {}}"#,
        #"{"submission": -1, "adoption": {}, "instruction": {}}"#,
        #"{"submission": true, "adoption": {}, "instruction": {}}"#,
        #"{"submission": "1", "adoption": {}, "instruction": {}}"#,
        #"{"submission": 1, "adoption": {"national": null}, "instruction": {}}"#,
        #"{"submission": 1, "adoption": [1, 2], "instruction": {}}"#,
        #"{"submission": 1, "adoption": {"national": 1, "国家级": 2}, "instruction": {}}"#,
        #"{"submission": 1, "adoption": {}}"#,
        #"{"submission": 1, "adoption": {}, "instruction": {}"#,
        "submission: 1e400\nadoption:\ninstruction:\n",
        "submission: inf\nadoption:\ninstruction:\n",
        "submission: nan\nadoption:\ninstruction:\n",
        "submission: 1\nadoption:\n  national: 1\n  national: 2\ninstruction:\n",
        "submission: 1\nadoption:\ninstruction:\nbonus: 2\n",
    ])
    func refusedWithAMessageInBothLanguages(_ text: String) throws {
        let error = try #require(refusal(text), "accepted: \(text)")
        #expect(error.kind == .data)
        #expect(error.cause == .infoPointsInvalid, "\(error.message)")
        for raw in [
            "DecodingError", "Number ", "representable", "NSCocoaErrorDomain", "codingPath", "dataCorrupted",
        ] {
            #expect(!error.message.zh.contains(raw) && !error.message.en.contains(raw), "\(error.message)")
        }
        // The Chinese message carries no English sentence (keys and level names aside).
        #expect(
            !error.message.zh.contains(" must ") && !error.message.zh.contains("unknown "),
            "\(error.message.zh)")
    }

    @Test func misspeltKeyGetsASuggestion() throws {
        let error = try #require(refusal(#"{"submision": 1, "adoption": {}, "instruction": {}}"#))
        #expect(error.cause == .infoPointsInvalid)
        #expect(error.location?.field == "submision")
        #expect(error.mentions("submission"))
    }

    @Test func pointsAreExactDecimals() throws {
        let table = try InfoPointsTable.parse(
            #"{"submission": 0.1, "adoption": {"municipal": 0.2}, "instruction": {"provincial": 0.7}}"#)
        let yaml = try InfoPointsTable.parse(
            "submission: 0.1\nadoption:\n  municipal: 0.2\ninstruction:\n  provincial: 0.7\n")
        #expect(table == yaml)
        let report = InfoReport(id: 1, title: "t", author: "张三", draftedOn: Self.day("2024-01-01"))
        var events = [InfoEvent(reportID: 1, kind: .submit, date: Self.day("2024-01-02"))]
        for i in 0..<4 {
            events.append(
                InfoEvent(
                    reportID: 1, kind: .instruct, level: .provincial, body: "l\(i)",
                    date: Self.day("2024-03-01")))
        }
        // In binary floating point this sum is 2.9000000000000004.
        let binary = [0.1, 0.7, 0.7, 0.7, 0.7].reduce(0.0, +)
        #expect(binary != 2.9)
        let scores = InfoScoring.score(reports: [report], events: events, table: table)
        #expect(scores.first?.points == Decimal(string: "2.9")!)
        #expect(scores.first?.points.description == "2.9")
        // Equal exact sums tie (0.1 + 0.2 = 0.3 exactly).
        let tie = try InfoPointsTable.parse(
            #"{"submission": 0.1, "adoption": {"municipal": 0.2, "provincial": 0.3}, "instruction": {}}"#)
        let reports = [
            report, InfoReport(id: 2, title: "u", author: "李四", draftedOn: Self.day("2024-01-01")),
        ]
        let tied = InfoScoring.score(
            reports: reports,
            events: [
                InfoEvent(reportID: 1, kind: .submit, date: Self.day("2024-01-02")),
                InfoEvent(
                    reportID: 1, kind: .adopt, level: .municipal, body: "x", date: Self.day("2024-01-03")),
                InfoEvent(
                    reportID: 2, kind: .adopt, level: .provincial, body: "y", date: Self.day("2024-01-03")),
            ], table: tie)
        #expect(tied.map(\.rank) == [1, 1])
    }
}
