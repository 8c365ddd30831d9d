import Foundation
import GSLCore

extension QuestionType: ConfigEnumeration {}
extension SurveyLayout: ConfigEnumeration {}
extension PersonalRole: ConfigEnumeration {}

extension SurveyOption {
    enum CodingKeys: String, CodingKey { case code, label, other }

    /// Decodes an option; `other` defaults to false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(Int.self, forKey: .code)
        label = try c.decode(String.self, forKey: .label)
        other = try c.decodeIfPresent(Bool.self, forKey: .other) ?? false
    }
}

extension SurveyQuestion {
    enum CodingKeys: String, CodingKey { case number, text, type, options, rows, required, role }

    /// Decodes a question; options, rows, required and role may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(Int.self, forKey: .number)
        text = try c.decode(String.self, forKey: .text)
        type = try c.decode(QuestionType.self, forKey: .type)
        options = try c.decodeIfPresent([SurveyOption].self, forKey: .options) ?? []
        rows = try c.decodeIfPresent([String].self, forKey: .rows) ?? []
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        role = try c.decodeIfPresent(PersonalRole.self, forKey: .role)
    }
}

extension Codebook {
    /// Reads a codebook file (YAML or JSON) strictly: an unknown key is refused with a suggestion,
    /// and the questionnaire must make sense (unique numbers and codes, options where needed).
    public static func parse(_ text: String, file: String) throws(GSLError) -> Codebook {
        let root = try ConfigYAML.parse(text, file: file)
        let codebook = try ConfigDecoder.decode(Codebook.self, from: root, file: file)
        func invalid(_ zh: String, _ en: String, _ index: Int) -> GSLError {
            let items = root["questions"]?.items ?? []
            let node = index < items.count ? items[index] : nil
            return GSLError.data(
                "码本无效：\(zh)", en: "invalid codebook: \(en)",
                at: node?.location(file: file) ?? SourceLocation(file: file)
            ).because(.surveysCodebookInvalid)
        }
        var numbers = Set<Int>()
        for (i, q) in codebook.questions.enumerated() {
            guard numbers.insert(q.number).inserted else {
                throw invalid("第 \(q.number) 题出现两次", "question \(q.number) appears twice", i)
            }
            let needsOptions = q.type == .single || q.type == .multiple || q.type == .matrix
            if needsOptions && q.options.isEmpty {
                throw invalid(
                    "第 \(q.number) 题（\(q.type.zh)）没有选项",
                    "question \(q.number) (\(q.type.rawValue)) has no options", i)
            }
            if q.type == .matrix && q.rows.isEmpty {
                throw invalid("第 \(q.number) 题是矩阵题却没有行", "question \(q.number) is a matrix without rows", i)
            }
            if Set(q.options.map(\.code)).count != q.options.count
                || Set(q.options.map(\.label)).count != q.options.count
            {
                throw invalid(
                    "第 \(q.number) 题的选项编号或文字重复", "question \(q.number) repeats an option code or label", i)
            }
        }
        return codebook
    }

    /// The codebook as YAML, the format `parse` reads (Chinese kept as it is).
    public func yaml() -> String {
        // A JSON string is a YAML double-quoted scalar; Chinese stays as it is.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func quote(_ s: String) -> String {
            (try? encoder.encode(s)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        }
        var lines: [String] = []
        if let title { lines.append("title: \(quote(title))") }
        lines.append("layout: \(layout.rawValue)")
        lines.append("questions:")
        for q in questions {
            lines.append("  - number: \(q.number)")
            lines.append("    text: \(quote(q.text))")
            lines.append("    type: \(q.type.rawValue)")
            if q.required { lines.append("    required: true") }
            if let role = q.role { lines.append("    role: \(role.rawValue)") }
            if !q.rows.isEmpty {
                lines.append("    rows:")
                for row in q.rows { lines.append("      - \(quote(row))") }
            }
            if !q.options.isEmpty {
                lines.append("    options:")
                for o in q.options {
                    lines.append(
                        "      - {code: \(o.code), label: \(quote(o.label))\(o.other ? ", other: true" : "")}"
                    )
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
