/// The outcome of classifying one enterprise by size.
public struct SizeClassification: Sendable, Equatable {
    /// The size class.
    public let size: EnterpriseSize
    /// The industry group of the standard whose thresholds applied, e.g. 工业.
    public let group: String
    /// Which thresholds decided it and the article that sets them, in both languages.
    public let explanation: Message

    /// A classification with its reasons.
    public init(size: EnterpriseSize, group: String, explanation: Message) {
        self.size = size
        self.group = group
        self.explanation = explanation
    }
}
