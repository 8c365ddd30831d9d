import GSLCore

/// Where an information report stands.
public enum InfoReportState: String, Sendable, Hashable, Codable, CaseIterable {
    /// 草稿 (drafted, not yet sent).
    case draft
    /// 已报送 (sent; adoptions and instructions may follow).
    case submitted

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .draft: Message("草稿", en: "draft")
        case .submitted: Message("已报送", en: "submitted")
        }
    }

    /// The events allowed in this state.
    public var allowed: [InfoEventKind] {
        switch self {
        case .draft: [.submit]
        case .submitted: [.adopt, .instruct]
        }
    }

    /// Refuses `kind` unless this state allows it, naming the allowed ones.
    public func check(_ kind: InfoEventKind) throws(GSLError) {
        guard !allowed.contains(kind) else { return }
        let zh = allowed.map { "\($0.rawValue)（\($0.label.zh)）" }.joined(separator: "、")
        let en = allowed.map(\.rawValue).joined(separator: ", ")
        throw GSLError.data(
            "「\(kind.label.zh)」不能用于\(label.zh)状态的信息；可执行：\(zh)",
            en: "'\(kind.rawValue)' is not allowed on a \(rawValue) report; allowed: \(en)"
        ).because(.infoActionNotAllowed)
    }
}
