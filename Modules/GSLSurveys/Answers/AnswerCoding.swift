import Foundation

/// The stored form of a respondent's answers: one JSON object, keys the question numbers
/// (`"4"`; `"4o"` for the text typed for "other"), values a code, a list of codes (multiple choice),
/// a list of codes or nulls (matrix rows) or text. Sorted keys, so equal answers are equal text.
public enum AnswerCoding {
    /// The JSON text of `answers` and `otherText`.
    public static func encode(_ answers: [Int: Answer], otherText: [Int: String]) -> String {
        var object: [String: Any] = [:]
        for (n, answer) in answers {
            switch answer {
            case .choice(let c): object[String(n)] = c
            case .choices(let cs): object[String(n)] = cs
            case .rows(let rs): object[String(n)] = rs.map { $0.map { $0 as Any } ?? NSNull() }
            case .text(let t): object[String(n)] = t
            }
        }
        for (n, t) in otherText { object["\(n)o"] = t }
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads the JSON text back, the types decided by the codebook's questions.
    public static func decode(_ text: String, codebook: Codebook) -> (
        answers: [Int: Answer], otherText: [Int: String]
    ) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            return ([:], [:])
        }
        var answers: [Int: Answer] = [:]
        var other: [Int: String] = [:]
        for (key, value) in object {
            if key.hasSuffix("o"), let n = Int(key.dropLast()), let t = value as? String {
                other[n] = t
                continue
            }
            guard let n = Int(key), let q = codebook.question(n) else { continue }
            switch q.type {
            case .single, .rating:
                if let c = value as? Int { answers[n] = .choice(c) }
            case .multiple:
                if let cs = value as? [Int] { answers[n] = .choices(cs) }
            case .matrix:
                if let rs = value as? [Any] { answers[n] = .rows(rs.map { $0 as? Int }) }
            case .fillIn:
                if let t = value as? String {
                    answers[n] = .text(t)
                } else if let c = value as? Int {
                    answers[n] = .text(String(c))
                }
            }
        }
        return (answers, other)
    }
}
