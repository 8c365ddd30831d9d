import Foundation

/// The kinds of organisation the federation deals with.
public enum OrganisationKind: String, Sendable, Codable, CaseIterable {
    /// 工商联 (a federation, city or county level).
    case federation
    /// 商会 (a chamber of commerce).
    case chamber
    /// 企业 (an enterprise).
    case enterprise
    /// 村 (a village, as a party to pairing).
    case village
    /// 部门 (a government department).
    case department
    /// 银行 (a bank).
    case bank
    /// 学校 (a school or university).
    case school

    /// The Chinese name.
    public var chinese: String {
        switch self {
        case .federation: "工商联"
        case .chamber: "商会"
        case .enterprise: "企业"
        case .village: "村"
        case .department: "部门"
        case .bank: "银行"
        case .school: "学校"
        }
    }

    /// The name in `lang`.
    public func label(_ lang: Lang) -> String { lang == .zh ? chinese : rawValue }

    /// A kind from its English or Chinese name ("enterprise", "企业").
    public static func parse(_ text: String) -> OrganisationKind? {
        if let known = parsedForms[text] { return known }
        return parseFully(text)
    }

    /// The result of `parseFully(_:)` for the usual spellings, looked up before doing any work.
    private static let parsedForms: [String: OrganisationKind] = {
        var forms: [String: OrganisationKind] = [:]
        for kind in allCases {
            for form in [kind.rawValue, kind.chinese, kind.rawValue.capitalized] {
                if let parsed = parseFully(form) { forms[form] = parsed }
            }
        }
        return forms
    }()

    /// `parse(_:)` without the lookup of usual spellings (the reference for it).
    static func parseFully(_ text: String) -> OrganisationKind? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        return allCases.first { $0.rawValue == t || $0.chinese == t }
    }
}
