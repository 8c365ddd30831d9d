import GSLCore

/// The level of the body that adopts a report or whose leader instructs on it.
public enum InfoLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 国家级 (national: the CPPCC National Committee, the central leadership).
    case national
    /// 省级 (provincial).
    case provincial
    /// 市级 (municipal).
    case municipal

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .national: Message("国家级", en: "national")
        case .provincial: Message("省级", en: "provincial")
        case .municipal: Message("市级", en: "municipal")
        }
    }

    /// The level whose raw value or Chinese name (国家级/全国/省级/省/市级/市) is `text`.
    public static func parse(_ text: String) throws(GSLError) -> InfoLevel {
        let t = TextNormaliser.halfWidth(text).trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "national", "国家级", "国家", "全国", "中央": return .national
        case "provincial", "省级", "省": return .provincial
        case "municipal", "市级", "市": return .municipal
        default:
            throw GSLError.data(
                "未知的级别“\(text)”；可用：national（国家级）、provincial（省级）、municipal（市级）",
                en: "unknown level '\(text)'; known: national, provincial, municipal"
            ).because(.caseUnknownValue)
        }
    }
}
