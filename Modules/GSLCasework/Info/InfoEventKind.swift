import GSLCore

/// What happened to an information report.
public enum InfoEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 报送 (sent up; once).
    case submit
    /// 采用 (adopted by a body at some level; repeatable).
    case adopt
    /// 领导批示 (a leader's instruction at some level; repeatable).
    case instruct

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .submit: Message("报送", en: "submitted")
        case .adopt: Message("采用", en: "adopted")
        case .instruct: Message("批示", en: "instructed")
        }
    }
}
