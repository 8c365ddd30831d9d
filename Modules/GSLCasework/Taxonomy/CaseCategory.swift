import GSLCore

/// One request category (诉求类别): a stable code and its Chinese and English names.
public struct CaseCategory: Sendable, Hashable, Codable {
    /// A stable code (`financing`, `labour` …) used in files and the store.
    public var code: String
    /// The Chinese name (融资信贷 …).
    public var zh: String
    /// The English name.
    public var en: String

    /// A category with its code and names.
    public init(code: String, zh: String, en: String) {
        self.code = code
        self.zh = zh
        self.en = en
    }

    /// The name in both languages.
    public var label: Message { Message(zh, en: en) }
}
