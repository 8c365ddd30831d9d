import Foundation

/// The kind of a 共富工坊 (common-prosperity workshop).
public enum WorkshopKind: String, Sendable, CaseIterable, Codable {
    /// Processing on commission (来料加工).
    case processing
    /// Farm produce (农产品).
    case agriculture
    /// E-commerce and live selling (电商直播).
    case ecommerce
    /// Handicraft (手工艺).
    case craft
    /// Services, tourism (服务、文旅).
    case service
    /// Anything else.
    case other

    /// Chinese label.
    public var chinese: String {
        switch self {
        case .processing: "来料加工"
        case .agriculture: "农产品"
        case .ecommerce: "电商直播"
        case .craft: "手工艺"
        case .service: "服务文旅"
        case .other: "其他"
        }
    }

    /// The kind for a code or its Chinese label.
    public static func parse(_ text: String) -> WorkshopKind? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let k = WorkshopKind(rawValue: t) { return k }
        return allCases.first { $0.chinese == t || t.hasPrefix($0.chinese) }
    }
}
