/// One entry of the national industry classification (GB/T 4754-2017).
public struct Industry: Sendable, Hashable, Codable {
    /// The canonical code: a letter for a section, 2–4 digits otherwise.
    public let code: String
    /// The Chinese name.
    public let name: String
    /// Section, division, group or class.
    public let level: IndustryLevel
    /// The code of the entry one level up; nil for a section.
    public let parentCode: String?

    /// An entry with all its fields.
    public init(code: String, name: String, level: IndustryLevel, parentCode: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}
