import GSLCore

/// Why a supply cannot serve a demand at all (hard filters, before any score).
public enum Ineligibility: Sendable, Hashable {
    /// The supply lists size classes and the demand's organisation is in none of them (or its size is unknown).
    case sizeNotAccepted(EnterpriseSize?, accepted: [EnterpriseSize])
    /// The demand's industry is at or below an industry the supply excludes.
    case industryExcluded(String)
    /// Both postings come from the same organisation.
    case sameOrganisation
    /// The supply is closed.
    case closed

    /// One line in both languages.
    public var message: Message {
        switch self {
        case .sizeNotAccepted(let size, let accepted):
            let zh = accepted.map(\.chinese).joined(separator: "、")
            let en = accepted.map(\.rawValue).joined(separator: ", ")
            return Message(
                "规模\(size?.chinese ?? "未知")不在产品适用范围（\(zh)）",
                en: "size \(size?.rawValue ?? "unknown") not among the accepted classes (\(en))")
        case .industryExcluded(let code):
            return Message("行业属于排除范围 \(code)", en: "industry excluded (\(code))")
        case .sameOrganisation:
            return Message("同一组织", en: "same organisation")
        case .closed:
            return Message("供给已关闭", en: "the supply is closed")
        }
    }
}
