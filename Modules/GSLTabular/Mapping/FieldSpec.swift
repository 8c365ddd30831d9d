/// A field an importer expects: its key and the header texts (Chinese or English) that mean it.
public struct FieldSpec: Sendable {
    /// The field's key (English, e.g. `name`).
    public let key: String
    /// Other header texts that mean this field (e.g. `企业名称`, `单位名称`).
    public let aliases: [String]
    /// Whether a file must have a column for this field.
    public let required: Bool

    /// A field with its key, aliases and whether it is required.
    public init(_ key: String, aliases: [String] = [], required: Bool = false) {
        self.key = key
        self.aliases = aliases
        self.required = required
    }

    /// The name to show a user: the first Chinese alias with the key, else the key.
    var displayName: String {
        if let chinese = aliases.first(where: { $0.unicodeScalars.contains { Self.isIdeograph($0) } }) {
            return "\(chinese)（\(key)）"
        }
        return key
    }

    /// True for CJK ideographs (unified, extension A and B+, compatibility).
    private static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFD: true
        default: false
        }
    }
}
