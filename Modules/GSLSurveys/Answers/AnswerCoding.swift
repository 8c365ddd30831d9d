import Foundation
import GSLCore

/// The stored form of a respondent's answers: one JSON object, keys the question numbers
/// (`"4"`; `"4o"` for the text typed for "other"), values a code, a list of codes (multiple choice),
/// a list of codes or nulls (matrix rows) or text. Sorted keys, so equal answers are equal text.
public enum AnswerCoding {
    /// The JSON text of `answers` and `otherText`, keys in question order (`"4"` before `"4o"` before
    /// `"10"`). Written directly rather than through JSONSerialization: importing a 3,262 × 121 export
    /// spent 70% of its time there (Docs/architecture.md).
    public static func encode(_ answers: [Int: Answer], otherText: [Int: String]) -> String {
        var out = "{"
        var first = true
        func key(_ k: String) {
            if !first { out += "," }
            first = false
            out += "\"\(k)\":"
        }
        for n in Set(answers.keys).union(otherText.keys).sorted() {
            if let answer = answers[n] {
                key(String(n))
                switch answer {
                case .choice(let c): out += String(c)
                case .choices(let cs): out += "[" + cs.map(String.init).joined(separator: ",") + "]"
                case .rows(let rs):
                    out += "[" + rs.map { $0.map(String.init) ?? "null" }.joined(separator: ",") + "]"
                case .text(let t): out += JSONString.quoted(t)
                }
            }
            if let t = otherText[n] {
                key("\(n)o")
                out += JSONString.quoted(t)
            }
        }
        return out + "}"
    }

    /// Reads the JSON text back, the types decided by the codebook's questions.
    public static func decode(_ text: String, codebook: Codebook) -> (
        answers: [Int: Answer], otherText: [Int: String]
    ) {
        Reader(codebook).decode(text)
    }

    /// Decodes many respondents' answers under one codebook: question types looked up once, the
    /// stored JSON read by a small parser for exactly this shape (numbers, lists of numbers or
    /// nulls, strings). Loading 100,000 respondents through JSONSerialization spent 78% of a
    /// crosstab's time in it (Docs/architecture.md); text the parser does not expect goes back to
    /// JSONSerialization.
    public struct Reader: Sendable {
        let types: [Int: QuestionType]
        let only: Set<Int>?

        /// A reader for `codebook`'s questions; with `only`, the answers to those questions alone
        /// (the others are skipped unread: a crosstab of two questions needs two).
        public init(_ codebook: Codebook, only: Set<Int>? = nil) {
            var types: [Int: QuestionType] = [:]
            for q in codebook.questions { types[q.number] = q.type }
            self.types = types
            self.only = only
        }

        /// The answers and "other" texts in `text`.
        public func decode(_ text: String) -> (answers: [Int: Answer], otherText: [Int: String]) {
            var copy = text
            let parsed: [(String, StoredValue)]? = copy.withUTF8 { bytes in
                var parser = StoredParser(bytes: bytes)
                return parser.object(only: only)
            }
            guard let pairs = parsed ?? Self.fallback(text) else { return ([:], [:]) }
            var answers: [Int: Answer] = [:]
            var other: [Int: String] = [:]
            for (key, value) in pairs {
                if key.hasSuffix("o"), let n = Int(key.dropLast()), case .string(let t) = value {
                    other[n] = t
                    continue
                }
                guard let n = Int(key), let type = types[n] else { continue }
                switch (type, value) {
                case (.single, .int(let c)), (.rating, .int(let c)): answers[n] = .choice(c)
                case (.multiple, .list(let cs)) where !cs.contains(nil): answers[n] = .choices(cs.map { $0! })
                case (.matrix, .list(let rs)): answers[n] = .rows(rs)
                case (.fillIn, .string(let t)): answers[n] = .text(t)
                case (.fillIn, .int(let c)): answers[n] = .text(String(c))
                default: continue
                }
            }
            return (answers, other)
        }

        /// JSONSerialization's reading of text the fast parser refused.
        static func fallback(_ text: String) -> [(String, StoredValue)]? {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            else {
                return nil
            }
            return object.map { key, value in
                if let t = value as? String { return (key, .string(t)) }
                if let c = value as? Int { return (key, .int(c)) }
                if let list = value as? [Any] { return (key, .list(list.map { $0 as? Int })) }
                return (key, .other)
            }
        }
    }
}

/// A value as stored in a respondent's answers.
enum StoredValue: Sendable, Equatable {
    case int(Int)
    case list([Int?])
    case string(String)
    case other
}

/// Reads one flat JSON object of the stored answers' shape; nil on anything else.
struct StoredParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
            i += 1
        }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// The object's pairs; with `only`, those of the questions numbered there (keys `"4"`, `"4o"`).
    mutating func object(only: Set<Int>? = nil) -> [(String, StoredValue)]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var pairs: [(String, StoredValue)] = []
        if take(UInt8(ascii: "}")) { return pairs }
        repeat {
            skipSpace()
            guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
            if let only, let n = Int(key.hasSuffix("o") ? String(key.dropLast()) : key), !only.contains(n) {
                guard skipValue() else { return nil }
                continue
            }
            guard let value = value() else { return nil }
            pairs.append((key, value))
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        skipSpace()
        return i == bytes.count ? pairs : nil
    }

    mutating func value() -> StoredValue? {
        skipSpace()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "\""): return string().map(StoredValue.string)
        case UInt8(ascii: "["):
            i += 1
            var list: [Int?] = []
            if take(UInt8(ascii: "]")) { return .list(list) }
            repeat {
                skipSpace()
                if literal("null") {
                    list.append(nil)
                } else if let n = integer() {
                    list.append(n)
                } else {
                    return nil
                }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? .list(list) : nil
        case UInt8(ascii: "n"): return literal("null") ? .other : nil
        default: return integer().map(StoredValue.int)
        }
    }

    /// Passes over a value without building it: a string, a flat list, or a scalar.
    mutating func skipValue() -> Bool {
        skipSpace()
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard i < bytes.count else { return false }
            i += 1
            return true
        case UInt8(ascii: "["):
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "]") {
                // A nested list or a string in a list is not this shape.
                if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "[") { return false }
                i += 1
            }
            guard i < bytes.count else { return false }
            i += 1
            return true
        default:
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "}") { i += 1 }
            return i > start
        }
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }

    /// A whole number (no fraction or exponent: those go to the fallback).
    mutating func integer() -> Int? {
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let start = i
        var n = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
            guard !o1, !o2 else { return nil }
            n = s
            i += 1
        }
        guard i > start else { return nil }
        if i < bytes.count,
            bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")
        {
            return nil
        }
        return negative ? -n : n
    }

    mutating func string() -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        // The common case: no escapes.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                continue
            }
            guard i < bytes.count, let next = try? JSONString.unescape(bytes, at: i, into: &out) else {
                return nil
            }
            i = next
        }
        return nil
    }
}
