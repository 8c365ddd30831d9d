/// A settings document read from JSON or YAML, with the line and column of every value and key, so that
/// strict decoding can say where an unknown key or a bad value is.
public struct ConfigNode: Sendable, Equatable {
    /// One key of a mapping with its position.
    public struct Entry: Sendable, Equatable {
        /// The key text.
        public var key: String
        /// 1-based line of the key.
        public var line: Int
        /// 1-based column of the key.
        public var column: Int
        /// The value.
        public var value: ConfigNode

        /// An entry.
        public init(key: String, line: Int, column: Int, value: ConfigNode) {
            self.key = key
            self.line = line
            self.column = column
            self.value = value
        }
    }

    /// What the node holds.
    public indirect enum Value: Sendable, Equatable {
        /// `null` (JSON) or an empty / `~` / `null` plain scalar (YAML).
        case null
        /// `true` / `false`.
        case bool(Bool)
        /// A number as written (decoded on use, so that range errors name the place).
        case number(String)
        /// Text. `plain` is true for an unquoted YAML scalar, which may also be read as a number or boolean
        /// (YAML scalars carry no type of their own).
        case string(String, plain: Bool)
        /// A list.
        case array([ConfigNode])
        /// A mapping, keys in document order.
        case object([Entry])
    }

    /// The value.
    public var value: Value
    /// 1-based line where the value starts.
    public var line: Int
    /// 1-based column where the value starts.
    public var column: Int

    /// A node.
    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The value of `key` when this is a mapping.
    public subscript(key: String) -> ConfigNode? {
        guard case .object(let entries) = value else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The entries when this is a mapping.
    public var entries: [Entry]? {
        if case .object(let e) = value { return e }
        return nil
    }

    /// The items when this is a list.
    public var items: [ConfigNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    /// The text of a scalar (string, number or boolean as written); nil for null, lists and mappings.
    public var scalarText: String? {
        switch value {
        case .string(let s, _): s
        case .number(let s): s
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    /// The boolean of `true`/`false`, or of a plain YAML scalar read as one (YAML 1.1, as Yams reads
    /// them: `yes`, `on`, `y`, …); nil for anything else.
    public var bool: Bool? {
        switch value {
        case .bool(let b): return b
        case .string(let s, true):
            if Self.yamlTrue.contains(s) { return true }
            if Self.yamlFalse.contains(s) { return false }
            return nil
        default: return nil
        }
    }

    /// Plain YAML scalars read as true.
    static let yamlTrue: Set = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"]
    /// Plain YAML scalars read as false.
    static let yamlFalse: Set = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"]

    /// The place of this node in `file`.
    public func location(file: String?, field: String? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, field: field)
    }
}
