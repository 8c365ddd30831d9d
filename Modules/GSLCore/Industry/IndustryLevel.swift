/// The four levels of GB/T 4754-2017.
public enum IndustryLevel: String, Sendable, Codable, CaseIterable {
    /// 门类: one letter A–T.
    case section
    /// 大类: two digits.
    case division
    /// 中类: three digits.
    case group
    /// 小类: four digits.
    case `class`

    /// The Chinese name of the level.
    public var chinese: String {
        switch self {
        case .section: "门类"
        case .division: "大类"
        case .group: "中类"
        case .class: "小类"
        }
    }
}
