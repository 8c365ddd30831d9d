import Foundation

/// The type of a chamber of commerce (商会类型).
public enum ChamberType: String, Sendable, Codable, CaseIterable {
    /// 直属商会: directly under the city federation.
    case direct
    /// 行业商会: an industry chamber.
    case industry
    /// 异地商会: a chamber of entrepreneurs from another place.
    case outOfTown = "out_of_town"
    /// 乡镇街道商会: a town or street chamber.
    case townStreet = "town_street"

    /// The Chinese name.
    public var chinese: String {
        switch self {
        case .direct: "直属"
        case .industry: "行业"
        case .outOfTown: "异地"
        case .townStreet: "乡镇街道"
        }
    }

    /// A type from its English or Chinese name ("direct", "直属", "直属商会").
    public static func parse(_ text: String) -> ChamberType? {
        if let known = parsedForms[text] { return known }
        return parseFully(text)
    }

    /// The result of `parseFully(_:)` for the usual spellings, looked up before doing any work.
    private static let parsedForms: [String: ChamberType] = {
        var forms: [String: ChamberType] = [:]
        for type in allCases {
            for form in [type.rawValue, type.chinese, type.chinese + "商会"] {
                if let parsed = parseFully(form) { forms[form] = parsed }
            }
        }
        return forms
    }()

    /// `parse(_:)` without the lookup of usual spellings (the reference for it).
    static func parseFully(_ text: String) -> ChamberType? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        return allCases.first { $0.rawValue == t || $0.chinese == t || $0.chinese + "商会" == t }
    }
}
