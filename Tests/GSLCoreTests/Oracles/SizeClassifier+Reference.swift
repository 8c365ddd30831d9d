// Reference implementations that exist only to check the fast paths (FastPathTests); they live
// with the tests, not in GSLCore.
@testable import GSLCore

extension SizeClassifier {
    /// `classify(industryCode:employees:revenue:assets:)` as first written, group search included
    /// (the reference the precomputed path must agree with).
    static func classifyFully(industryCode: String, employees: Int?, revenue: Money?, assets: Money?)
        throws(GSLError) -> SizeClassification
    {
        let catalog = IndustryCatalog.standard
        guard let industry = catalog.lookup(industryCode) else {
            throw GSLError.data(
                "行业代码“\(industryCode)”不是 GB/T 4754-2017 的代码",
                en: "industry code '\(industryCode)' is not a GB/T 4754-2017 code"
            ).because(.unknownIndustry)
        }
        let group = try group(of: industry, catalog: catalog)
        var values: [SizeIndicator: Int64] = [:]
        for threshold in group.thresholds {
            let value: Int64?
            switch threshold.indicator {
            case .employees: value = employees.map(Int64.init)
            case .revenue: value = revenue?.fen
            case .assets: value = assets?.fen
            }
            guard let value else {
                let needed = group.thresholds.map(\.indicator)
                throw GSLError.data(
                    "缺少\(threshold.indicator.chinese)：\(group.rawValue)划型需要\(needed.map(\.chinese).joined(separator: "和"))",
                    en:
                        "\(threshold.indicator.english) is missing: the \(group.rawValue) group is classified by \(needed.map(\.english).joined(separator: " and "))"
                ).because(.sizeMissingIndicator)
            }
            guard value >= 0 else {
                throw GSLError.data(
                    "\(threshold.indicator.chinese)不能为负数",
                    en: "\(threshold.indicator.english) cannot be negative"
                ).because(.negativeValue)
            }
            values[threshold.indicator] = value
        }
        let size = EnterpriseSize.allCases.first { size in
            size == .micro || group.thresholds.allSatisfy { reaches(values[$0.indicator]!, $0, size) }
        }!
        return SizeClassification(
            size: size, group: group.rawValue,
            explanation: explain(size, industry: industry, group: group, values: values))
    }
}
