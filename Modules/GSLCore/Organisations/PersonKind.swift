import Foundation

/// The kinds of person gsl records.
public enum PersonKind: String, Sendable, Codable, CaseIterable {
    /// 企业家: an entrepreneur.
    case entrepreneur
    /// 工作人员: federation or chamber staff.
    case staff
    /// 其他: anyone else (a contact at a bank, a teacher).
    case other

    /// The Chinese name.
    public var chinese: String {
        switch self {
        case .entrepreneur: "企业家"
        case .staff: "工作人员"
        case .other: "其他"
        }
    }

    /// A kind from its English or Chinese name.
    public static func parse(_ text: String) -> PersonKind? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        return allCases.first { $0.rawValue == t || $0.chinese == t }
    }
}
