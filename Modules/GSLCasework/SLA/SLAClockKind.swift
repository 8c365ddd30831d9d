import GSLCore

/// Which deadline a clock measures.
public enum SLAClockKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 首次响应: from receipt to the first start of work (or an answer, rejection or merge).
    case firstResponse = "first_response"
    /// 办结: from receipt (or the latest reopen) to the answer (or a rejection or merge).
    case resolution

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .firstResponse: Message("首次响应", en: "first response")
        case .resolution: Message("答复办结", en: "resolution")
        }
    }
}
