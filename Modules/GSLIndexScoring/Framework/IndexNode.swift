/// One node of a framework tree: the index, a dimension at any depth, or an indicator (leaf).
public struct IndexNode: Sendable, Equatable, Codable {
    /// Unique code within the framework.
    public var code: String
    /// Chinese name.
    public var nameZh: String
    /// English name.
    public var nameEn: String
    /// Weight relative to its siblings (renormalised within the parent).
    public var weight: Double
    /// Parent code; nil for the root.
    public var parent: String?
    /// Aggregation method for this node's children, when the framework fixes it (e.g. HDI's geometric top).
    public var aggregation: AggregationMethod?
    /// Indicator details; nil for aggregate nodes.
    public var indicator: IndicatorSpec?
    /// 1-based line in the framework file, when parsed from one.
    public var line: Int?

    /// A node.
    public init(
        code: String, nameZh: String, nameEn: String, weight: Double = 1, parent: String? = nil,
        aggregation: AggregationMethod? = nil, indicator: IndicatorSpec? = nil, line: Int? = nil
    ) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.weight = weight
        self.parent = parent
        self.aggregation = aggregation
        self.indicator = indicator
        self.line = line
    }

    /// True for a leaf carrying data.
    public var isIndicator: Bool { indicator != nil }
}
