import Foundation
import GSLCore

/// Where a request came from.
public enum CaseSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// Raised during an enterprise visit (走访).
    case visit
    /// A hotline call (热线).
    case hotline
    /// An online submission (网上).
    case online
    /// Passed on by a chamber of commerce (商会).
    case chamber
    /// A letter (来信).
    case letter
    /// Raised at an event (活动): a dialogue (恳谈会) or forum.
    case event

    /// The sources of the first schema (the `event` source came with migration case-6).
    public static let original: [CaseSource] = [.visit, .hotline, .online, .chamber, .letter]

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .visit: Message("走访", en: "visit")
        case .hotline: Message("热线", en: "hotline")
        case .online: Message("网上", en: "online")
        case .chamber: Message("商会", en: "chamber")
        case .letter: Message("来信", en: "letter")
        case .event: Message("活动", en: "event")
        }
    }

    /// The source whose raw value or Chinese name is `text`.
    public static func parse(_ text: String) throws(GSLError) -> CaseSource {
        let key = text.trimmingCharacters(in: .whitespaces)
        if let found = allCases.first(where: { $0.rawValue == key.lowercased() || $0.label.zh == key }) {
            return found
        }
        throw GSLError.data(
            "未知的诉求来源“\(text)”；可用：\(allCases.map(\.label.zh).joined(separator: "、"))",
            en: "unknown request source '\(text)'; known: \(allCases.map(\.rawValue).joined(separator: ", "))"
        )
    }
}
