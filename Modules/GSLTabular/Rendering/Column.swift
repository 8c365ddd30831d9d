/// A column of rendered output: its JSON key, its header title and its alignment.
public struct Column: Sendable {
    /// The key used in JSON output.
    public let key: String
    /// The header text in tables and CSV.
    public let title: String
    /// Whether table cells are right-aligned (numeric columns are also right-aligned automatically).
    public let alignRight: Bool

    /// A column keyed `key`, titled `title` (defaults to the key).
    public init(_ key: String, title: String? = nil, alignRight: Bool = false) {
        self.key = key
        self.title = title ?? key
        self.alignRight = alignRight
    }
}
