import GSLCore

/// A request as the duplicate finder sees it.
public struct SimilarityItem: Sendable, Hashable {
    /// The request's identifier.
    public var id: String
    /// Its description text.
    public var text: String
    /// The enterprise's key (credit code or record id), if known.
    public var enterprise: String?
    /// The category code, if known.
    public var category: String?
    /// The text's n-gram features, computed once.
    public var features: TextFeatures

    /// An item; the text's features are computed here.
    public init(id: String, text: String, enterprise: String? = nil, category: String? = nil) {
        self.id = id
        self.text = text
        self.enterprise = enterprise
        self.category = category
        self.features = TextFeatures(text)
    }
}
