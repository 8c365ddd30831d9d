/// A user-facing text in both languages.
public struct Message: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The Chinese text.
    public var zh: String
    /// The English text.
    public var en: String

    /// A message with its Chinese and English forms.
    public init(_ zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `lang`.
    public func text(_ lang: Lang) -> String { lang == .zh ? zh : en }

    /// The Chinese text.
    public var description: String { zh }
}
