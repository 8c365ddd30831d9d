import GSLCore

/// The enterprise's answer to "are you satisfied?" on a callback (回访).
public enum Satisfaction: String, Sendable, Hashable, Codable, CaseIterable {
    /// 满意.
    case satisfied
    /// 基本满意 (counted 0.9 in the satisfaction rate by default).
    case basicallySatisfied = "basically_satisfied"
    /// 不满意 (allows a reopen within the configured window).
    case unsatisfied

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .satisfied: Message("满意", en: "satisfied")
        case .basicallySatisfied: Message("基本满意", en: "basically satisfied")
        case .unsatisfied: Message("不满意", en: "unsatisfied")
        }
    }

    /// The satisfaction whose raw value or Chinese name is `text`.
    public static func parse(_ text: String) throws(GSLError) -> Satisfaction {
        if let found = allCases.first(where: { $0.rawValue == text.lowercased() || $0.label.zh == text }) {
            return found
        }
        throw GSLError.data(
            "未知的满意度“\(text)”；可用：满意、基本满意、不满意",
            en: "unknown satisfaction '\(text)'; known: satisfied, basically_satisfied, unsatisfied"
        ).because(.caseUnknownValue)
    }
}
