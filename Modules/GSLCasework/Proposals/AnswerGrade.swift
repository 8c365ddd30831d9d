import GSLCore

/// The grade of a department's answer to a proposal.
public enum AnswerGrade: String, Sendable, Hashable, Codable, CaseIterable {
    /// A: 所提问题已经解决或基本解决 (solved or largely solved).
    case a = "A"
    /// B: 正在解决或列入计划解决 (being solved or planned).
    case b = "B"
    /// C: 因条件限制等原因留作参考 (kept for reference).
    case c = "C"

    /// The meaning in both languages.
    public var label: Message {
        switch self {
        case .a: Message("A 类（已解决或基本解决）", en: "A (solved or largely solved)")
        case .b: Message("B 类（正在解决或列入计划）", en: "B (being solved or planned)")
        case .c: Message("C 类（留作参考）", en: "C (kept for reference)")
        }
    }

    /// The grade named `text` (A/B/C, any case, full-width accepted).
    public static func parse(_ text: String) throws(GSLError) -> AnswerGrade {
        let t = TextNormaliser.halfWidth(text).trimmingCharacters(in: .whitespaces).uppercased()
        let stripped = t.hasSuffix("类") ? String(t.dropLast()) : t
        guard let grade = AnswerGrade(rawValue: stripped) else {
            throw GSLError.data(
                "未知的答复类别“\(text)”；可用：A、B、C", en: "unknown answer grade '\(text)'; known: A, B, C"
            ).because(.caseUnknownValue)
        }
        return grade
    }
}
