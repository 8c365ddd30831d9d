import Foundation
import GSLCore

/// How urgent a request is; SLA policies are chosen by it.
public enum CasePriority: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 特急: stops production or affects many people.
    case urgent
    /// 紧急.
    case high
    /// 一般 (the default).
    case normal
    /// 较缓.
    case low

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .urgent: Message("特急", en: "urgent")
        case .high: Message("紧急", en: "high")
        case .normal: Message("一般", en: "normal")
        case .low: Message("较缓", en: "low")
        }
    }

    /// Urgent sorts first.
    public static func < (lhs: CasePriority, rhs: CasePriority) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The priority whose raw value or Chinese name is `text`.
    public static func parse(_ text: String) throws(GSLError) -> CasePriority {
        let key = text.trimmingCharacters(in: .whitespaces)
        if let found = allCases.first(where: { $0.rawValue == key.lowercased() || $0.label.zh == key }) {
            return found
        }
        throw GSLError.data(
            "未知的优先级“\(text)”；可用：\(allCases.map(\.label.zh).joined(separator: "、"))",
            en: "unknown priority '\(text)'; known: \(allCases.map(\.rawValue).joined(separator: ", "))"
        ).because(.caseUnknownValue)
    }
}
