import Foundation
import GSLCore

/// The configurable list of request categories; the default is the federation's eleven.
public struct CaseTaxonomy: Sendable, Hashable, Codable {
    /// The categories in display order.
    public var categories: [CaseCategory]

    /// A taxonomy from its categories (codes must be unique; the first wins on lookup otherwise).
    public init(categories: [CaseCategory]) {
        self.categories = categories
    }

    /// The default categories: 融资信贷, 用工人才, 用地用房, 政策兑现, 审批服务, 权益保护, 拖欠账款,
    /// 市场拓展, 科技创新, 基础设施, 其他.
    public static let standard = CaseTaxonomy(categories: [
        CaseCategory(code: "financing", zh: "融资信贷", en: "Financing and credit"),
        CaseCategory(code: "labour", zh: "用工人才", en: "Labour and talent"),
        CaseCategory(code: "land", zh: "用地用房", en: "Land and premises"),
        CaseCategory(code: "policy", zh: "政策兑现", en: "Policy benefits delivery"),
        CaseCategory(code: "approval", zh: "审批服务", en: "Approvals and permits"),
        CaseCategory(code: "rights", zh: "权益保护", en: "Rights protection"),
        CaseCategory(code: "arrears", zh: "拖欠账款", en: "Overdue payments owed"),
        CaseCategory(code: "market", zh: "市场拓展", en: "Market expansion"),
        CaseCategory(code: "innovation", zh: "科技创新", en: "Technology and innovation"),
        CaseCategory(code: "infrastructure", zh: "基础设施", en: "Infrastructure"),
        CaseCategory(code: "other", zh: "其他", en: "Other"),
    ])

    /// Checks that codes and Chinese names are non-empty and unique.
    public func validate() throws(GSLError) {
        var codes: Set<String> = []
        var names: Set<String> = []
        for category in categories {
            if category.code.isEmpty || category.zh.isEmpty {
                throw GSLError.data(
                    "诉求类别的代码和名称不能为空", en: "a request category needs a code and a Chinese name")
            }
            if !codes.insert(category.code).inserted || !names.insert(category.zh).inserted {
                throw GSLError.data(
                    "诉求类别重复：\(category.code)（\(category.zh)）",
                    en: "duplicate request category: \(category.code) (\(category.zh))")
            }
        }
    }

    /// The category whose code, Chinese name or English name (case-insensitive) is `text`.
    public func category(named text: String) throws(GSLError) -> CaseCategory {
        let key = text.trimmingCharacters(in: .whitespaces)
        if let found = categories.first(where: {
            $0.code == key || $0.zh == key || $0.en.lowercased() == key.lowercased()
        }) {
            return found
        }
        let known = categories.map(\.zh).joined(separator: "、")
        throw GSLError.data(
            "未知的诉求类别“\(text)”；可用类别：\(known)",
            en:
                "unknown request category '\(text)'; known categories: \(categories.map(\.code).joined(separator: ", "))"
        ).because(.caseUnknownValue)
    }
}
