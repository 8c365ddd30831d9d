/// Where in an input a problem was found: file, line, column and field, each optional.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file path as the user gave it.
    public var file: String?
    /// 1-based line number.
    public var line: Int?
    /// 1-based column number (a CSV column, or a character column in text).
    public var column: Int?
    /// The field (header) name, when known.
    public var field: String?

    /// A location; every part is optional.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
    }

    /// `file:line:column` with the parts that are known.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append(String(line)) }
        if let column { parts.append(String(column)) }
        var text = parts.joined(separator: ":")
        if let field { text += text.isEmpty ? "[\(field)]" : " [\(field)]" }
        return text
    }

    /// This location with a file name filled in when it has none.
    public func inFile(_ name: String) -> SourceLocation {
        var copy = self
        if copy.file == nil { copy.file = name }
        return copy
    }
}
