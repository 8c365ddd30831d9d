/// Enterprise size class (大/中/小/微) of the 2011 standard.
public enum EnterpriseSize: String, Sendable, Codable, CaseIterable {
    /// 大型.
    case large
    /// 中型.
    case medium
    /// 小型.
    case small
    /// 微型.
    case micro

    /// 大型, 中型, 小型 or 微型.
    public var chinese: String {
        switch self {
        case .large: "大型"
        case .medium: "中型"
        case .small: "小型"
        case .micro: "微型"
        }
    }

    /// Reads 大/大型/大型企业, large/L and the like for each class (any case, full-width allowed).
    public static func parse(_ text: String) -> EnterpriseSize? {
        if let known = parsedForms[text] { return known }
        return parseFully(text)
    }

    /// The result of `parseFully(_:)` for the usual spellings, looked up before doing any work.
    private static let parsedForms: [String: EnterpriseSize] = {
        var forms: [String: EnterpriseSize] = [:]
        let words = ["大", "large", "l", "中", "medium", "m", "mid", "小", "small", "s", "微", "micro", "xs"]
        for word in words {
            for base in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
                for suffix in ["", "型", "企业", "型企业", " enterprise"] {
                    if let parsed = parseFully(base + suffix) { forms[base + suffix] = parsed }
                }
            }
        }
        return forms
    }()

    /// `parse(_:)` without the lookup of usual spellings (the reference for it).
    static func parseFully(_ text: String) -> EnterpriseSize? {
        var word = TextNormaliser.halfWidth(text).filter { !$0.isWhitespace }.lowercased()
        for suffix in ["enterprise", "企业"] where word.hasSuffix(suffix) { word.removeLast(suffix.count) }
        if word.hasSuffix("型") { word.removeLast() }
        switch word {
        case "大", "large", "l": return .large
        case "中", "medium", "m", "mid": return .medium
        case "小", "small", "s": return .small
        case "微", "micro", "xs": return .micro
        default: return nil
        }
    }
}
