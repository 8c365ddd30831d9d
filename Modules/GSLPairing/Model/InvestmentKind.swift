import Foundation

/// What a firm's money in a village went to.
public enum InvestmentKind: String, Sendable, CaseIterable, Codable {
    /// An industry project (产业项目).
    case project
    /// Charity (公益捐助).
    case charity

    /// Chinese label.
    public var chinese: String { self == .project ? "产业项目" : "公益捐助" }

    /// The kind for a code or its Chinese label (项目, 产业项目, 公益, 公益捐助, 捐赠).
    public static func parse(_ text: String) -> InvestmentKind? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let k = InvestmentKind(rawValue: t) { return k }
        if ["项目", "产业项目", "产业", "投资"].contains(t) { return .project }
        if ["公益", "公益捐助", "捐赠", "捐助", "慈善"].contains(t) { return .charity }
        return nil
    }
}
