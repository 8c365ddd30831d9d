import Foundation
import GSLCore
import Testing

@testable import GSLSurveys

/// The stored answers' JSON: written and read by gsl's own small codec, checked against Foundation's
/// JSONSerialization on random answers and on the strings real exports contain.
@Suite struct AnswerCodingTests {
    let codebook = Codebook(
        layout: .text,
        questions: [
            SurveyQuestion(number: 1, text: "姓名", type: .fillIn),
            SurveyQuestion(
                number: 2, text: "年龄", type: .single, options: [SurveyOption(code: 1, label: "30岁以下")]),
            SurveyQuestion(
                number: 4, text: "困难", type: .multiple,
                options: (1...8).map { SurveyOption(code: $0, label: "选项\($0)", other: $0 == 8) }),
            SurveyQuestion(number: 10, text: "评价", type: .matrix, rows: ["政务", "法治", "要素"]),
            SurveyQuestion(number: 11, text: "打分", type: .rating),
        ])

    static let awkward = [
        "", "陈一鸣", "say \"hi\"", "back\\slash", "line\nbreak\ttab\r", "\u{01}\u{1F}", "😀 emoji 𠀀", "a/b",
        "其他〖海外市场准入〗", "┋",
    ]

    @Test func roundTripsAndAgreesWithJSONSerialization() throws {
        var random = SeededGenerator(seed: 18)
        let reader = AnswerCoding.Reader(codebook)
        for _ in 0..<500 {
            var answers: [Int: Answer] = [:]
            var other: [Int: String] = [:]
            func pick<T>(_ xs: [T]) -> T { xs[Int(random.next() % UInt64(xs.count))] }
            if random.next() % 2 == 0 { answers[1] = .text(pick(Self.awkward)) }
            if random.next() % 2 == 0 { answers[2] = .choice(Int(random.next() % 5) + 1) }
            if random.next() % 2 == 0 {
                answers[4] = .choices((1...8).filter { _ in random.next() % 3 == 0 })
                if random.next() % 2 == 0 { other[4] = pick(Self.awkward) }
            }
            if random.next() % 2 == 0 {
                answers[10] = .rows(
                    (0..<3).map { _ in random.next() % 4 == 0 ? nil : Int(random.next() % 5) + 1 })
            }
            if random.next() % 2 == 0 { answers[11] = .choice(Int(random.next() % 10) - 2) }
            let text = AnswerCoding.encode(answers, otherText: other)
            let decoded = reader.decode(text)
            #expect(decoded.answers == answers, "\(text)")
            #expect(decoded.otherText == other, "\(text)")
            // Foundation reads the same object, and the fallback path decodes it the same way.
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
            #expect(object.count == answers.count + other.count)
            if case .text(let t) = answers[1] { #expect(object["1"] as? String == t) }
            let viaFoundation = try #require(AnswerCoding.Reader.fallback(text))
            #expect(Set(viaFoundation.map(\.0)) == Set(object.keys))
            // Keys in question order, "4" before "4o" before "10".
            let keys = viaFoundationOrder(text)
            #expect(
                keys
                    == keys.sorted { a, b in
                        (number(a), a.hasSuffix("o") ? 1 : 0) < (number(b), b.hasSuffix("o") ? 1 : 0)
                    })
        }
    }

    @Test func readsEscapesFoundationWritesAndRefusesOtherShapes() {
        let reader = AnswerCoding.Reader(codebook)
        let decoded = reader.decode(
            #"{"1":"\u00e9\ud83d\ude00\/\b\f","2":3,"4":[1,2],"4o":"x","10":[1,null,2]}"#)
        #expect(decoded.answers[1] == .text("é😀/\u{08}\u{0C}"))
        #expect(decoded.answers[2] == .choice(3) && decoded.answers[4] == .choices([1, 2]))
        #expect(decoded.answers[10] == .rows([1, nil, 2]) && decoded.otherText[4] == "x")
        // A number with a fraction is not the fast parser's shape: Foundation reads it instead.
        #expect(reader.decode(#"{"2":3.0}"#).answers[2] == .choice(3))
        #expect(reader.decode("not json").answers.isEmpty)
        // Reading only some questions skips the others, strings with escapes and lists included.
        let some = AnswerCoding.Reader(codebook, only: [2, 10])
            .decode(#"{"1":"a\"b,}","2":3,"4":[1,2],"4o":"x\\","10":[1,null,2],"11":7}"#)
        #expect(some.answers == [2: .choice(3), 10: .rows([1, nil, 2])] && some.otherText.isEmpty)
        #expect(reader.decode(#"{"2":3"#).answers.isEmpty)
    }

    func number(_ key: String) -> Int { Int(key.hasSuffix("o") ? String(key.dropLast()) : key) ?? -1 }

    /// The keys in the order the text has them.
    func viaFoundationOrder(_ text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes in
            var parser = StoredParser(bytes: bytes)
            return parser.object()?.map(\.0) ?? []
        }
    }
}
