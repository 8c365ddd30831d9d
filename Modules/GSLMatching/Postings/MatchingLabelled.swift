import GSLCore

/// A matching enumeration with a name in both languages, parsed from its raw value or Chinese name.
public protocol MatchingLabelled: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The name in both languages.
    var label: Message { get }
}

extension MatchingLabelled {
    /// The case whose raw value (any case) or Chinese name is `text`; `what` names the kind of value.
    public static func parse(_ text: String, what: Message) throws(GSLError) -> Self {
        let key = TextNormaliser.halfWidth(text).trimmingCharacters(in: .whitespaces)
        if let found = allCases.first(where: { $0.rawValue == key.lowercased() || $0.label.zh == key }) {
            return found
        }
        let zh = allCases.map { "\($0.rawValue)（\($0.label.zh)）" }.joined(separator: "、")
        let en = allCases.map(\.rawValue).joined(separator: ", ")
        throw GSLError.data(
            "未知的\(what.zh)“\(text)”；可用：\(zh)", en: "unknown \(what.en) '\(text)'; known: \(en)"
        ).because(.matchingUnknownValue)
    }
}
