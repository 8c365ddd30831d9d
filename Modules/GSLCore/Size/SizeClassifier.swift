/// Classifies enterprises as large, medium, small or micro by the 2011 standard
/// (工信部联企业〔2011〕300号; the NBS 2017 rules use the same thresholds).
public enum SizeClassifier {
    /// The size of an enterprise in the industry `industryCode` (GB/T 4754-2017, any form that
    /// `IndustryCatalog.lookup` accepts) from the indicators its industry group needs.
    ///
    /// Large, medium and small each require every indicator of the group to reach that class's lower
    /// bound; an enterprise that reaches no class is micro. Throws a data error for an unknown code, an
    /// industry the standard does not cover, a code too coarse to pick one group, and a missing or
    /// negative indicator.
    public static func classify(industryCode: String, employees: Int?, revenue: Money?, assets: Money?)
        throws(GSLError) -> SizeClassification
    {
        let decision = try decide(
            industryCode: industryCode, employees: employees, revenue: revenue, assets: assets)
        let industry = IndustryCatalog.standard.entries[decision.entryIndex]
        var values: [SizeIndicator: Int64] = [:]
        for threshold in decision.thresholds {
            values[threshold.indicator] = decision.value(threshold.indicator)
        }
        return SizeClassification(
            size: decision.size, group: decision.group.rawValue,
            explanation: explain(decision.size, industry: industry, group: decision.group, values: values))
    }

    /// The size alone, as `classify(industryCode:employees:revenue:assets:)` decides it (same
    /// errors), without building the explanation: for bulk imports.
    public static func size(industryCode: String, employees: Int?, revenue: Money?, assets: Money?)
        throws(GSLError) -> EnterpriseSize
    {
        try decide(industryCode: industryCode, employees: employees, revenue: revenue, assets: assets).size
    }

    /// What the classification rests on.
    private struct Decision {
        let entryIndex: Int
        let group: SizeIndustryGroup
        let thresholds: [SizeThreshold]
        let employees: Int64
        let revenue: Int64
        let assets: Int64
        let size: EnterpriseSize

        func value(_ indicator: SizeIndicator) -> Int64 {
            switch indicator {
            case .employees: employees
            case .revenue: revenue
            case .assets: assets
            }
        }
    }

    /// For each entry of the standard catalogue, its single size group and that group's thresholds;
    /// nil when `group(of:catalog:)` throws.
    private static let groupsByEntry: [(group: SizeIndustryGroup, thresholds: [SizeThreshold])?] = {
        let catalog = IndustryCatalog.standard
        let classGroups = catalog.entries.map { SizeIndustryGroup.group(forClass: $0.code) }
        var thresholdsByGroup: [SizeIndustryGroup: [SizeThreshold]] = [:]
        return catalog.entries.indices.map { index in
            var found: SizeIndustryGroup?
            for classIndex in catalog.classIndexes(under: catalog.entries[index].code) {
                guard case .success(let group) = classGroups[classIndex], found == nil || found == group
                else { return nil }
                found = group
            }
            guard let found else { return nil }
            if thresholdsByGroup[found] == nil { thresholdsByGroup[found] = found.thresholds }
            return (found, thresholdsByGroup[found]!)
        }
    }()

    private static func decide(industryCode: String, employees: Int?, revenue: Money?, assets: Money?)
        throws(GSLError) -> Decision
    {
        let catalog = IndustryCatalog.standard
        guard let entryIndex = catalog.canonicalIndex(industryCode) else {
            throw GSLError.data(
                "行业代码“\(industryCode)”不是 GB/T 4754-2017 的代码",
                en: "industry code '\(industryCode)' is not a GB/T 4754-2017 code"
            ).because(.unknownIndustry)
        }
        guard let (group, thresholds) = groupsByEntry[entryIndex] else {
            // Not a single group: the full computation gives the precise error.
            _ = try self.group(of: catalog.entries[entryIndex], catalog: catalog)
            throw GSLError.data("行业无法划型", en: "the industry cannot be classified by size").because(
                .sizeUnclassifiable)
        }
        var employeeValue: Int64 = 0
        var revenueValue: Int64 = 0
        var assetValue: Int64 = 0
        for threshold in thresholds {
            let value: Int64?
            switch threshold.indicator {
            case .employees: value = employees.map(Int64.init)
            case .revenue: value = revenue?.fen
            case .assets: value = assets?.fen
            }
            guard let value else {
                let needed = thresholds.map(\.indicator)
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
            switch threshold.indicator {
            case .employees: employeeValue = value
            case .revenue: revenueValue = value
            case .assets: assetValue = value
            }
        }
        var decision = Decision(
            entryIndex: entryIndex, group: group, thresholds: thresholds, employees: employeeValue,
            revenue: revenueValue, assets: assetValue, size: .micro)
        for size in EnterpriseSize.allCases where size != .micro {
            if thresholds.allSatisfy({ reaches(decision.value($0.indicator), $0, size) }) {
                decision = Decision(
                    entryIndex: entryIndex, group: group, thresholds: thresholds, employees: employeeValue,
                    revenue: revenueValue, assets: assetValue, size: size)
                break
            }
        }
        return decision
    }

    /// The single group of the standard that covers every class under `industry`.
    static func group(of industry: Industry, catalog: IndustryCatalog) throws(GSLError)
        -> SizeIndustryGroup
    {
        var groups: [SizeIndustryGroup] = []
        var gaps: [SizeCoverageGap] = []
        for entry in catalog.classes(under: industry.code) {
            switch SizeIndustryGroup.group(forClass: entry.code) {
            case .success(let group): if !groups.contains(group) { groups.append(group) }
            case .failure(let gap): if !gaps.contains(gap) { gaps.append(gap) }
            }
        }
        let label = "\(industry.code) \(industry.name)"
        if groups.isEmpty, let gap = gaps.first {
            throw GSLError.data(
                "行业“\(label)”无法划型：\(gap.reason.zh)",
                en: "industry '\(label)' cannot be classified by size: \(gap.reason.en)"
            ).because(.sizeUnclassifiable)
        }
        guard groups.count == 1, gaps.isEmpty, let group = groups.first else {
            var parts = groups.map(\.rawValue)
            if !gaps.isEmpty { parts.append("不适用划型的行业") }
            throw GSLError.data(
                "行业代码“\(label)”太粗：其下包含\(parts.joined(separator: "、"))，请给出更细的行业代码（大类、中类或小类）",
                en:
                    "industry code '\(label)' is too coarse: it spans several size groups (\(parts.joined(separator: ", "))); give a finer code"
            ).because(.sizeIndustryTooCoarse)
        }
        return group
    }

    /// Whether `value` (persons or fen) reaches the lower bound of `size` for `threshold`.
    static func reaches(_ value: Int64, _ threshold: SizeThreshold, _ size: EnterpriseSize) -> Bool {
        value >= scaled(threshold.lowerBound(for: size), threshold.indicator)
    }

    /// A bound in the unit of the values: persons, or fen for 万元.
    private static func scaled(_ bound: Int64, _ indicator: SizeIndicator) -> Int64 {
        indicator == .employees ? bound : bound * 1_000_000
    }

    /// A value in the unit of the thresholds: `350人` or `2500.5万元` (exact, no rounding).
    private static func shown(_ value: Int64, _ indicator: SizeIndicator) -> String {
        guard indicator != .employees else { return "\(value)人" }
        let whole = value / 1_000_000
        var fraction = String(value % 1_000_000)
        guard fraction != "0" else { return "\(whole)万元" }
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)万元"
    }

    static func explain(
        _ size: EnterpriseSize, industry: Industry, group: SizeIndustryGroup,
        values: [SizeIndicator: Int64]
    ) -> Message {
        var zh: [String] = []
        var en: [String] = []
        if size != .micro {
            let met = group.thresholds.map { threshold in
                let value = values[threshold.indicator]!
                let bound = "\(threshold.lowerBound(for: size))\(threshold.indicator.unit)"
                return (
                    zh: "\(threshold.indicator.chinese) \(shown(value, threshold.indicator)) ≥ \(bound)",
                    en: "\(threshold.indicator.english) \(shown(value, threshold.indicator)) ≥ \(bound)"
                )
            }
            zh.append("达到\(size.chinese)标准：" + met.map(\.zh).joined(separator: "，"))
            en.append("meets the \(size.rawValue) bounds: " + met.map(\.en).joined(separator: ", "))
        }
        if let higher = EnterpriseSize.allCases.firstIndex(of: size).flatMap({
            $0 > 0 ? EnterpriseSize.allCases[$0 - 1] : nil
        }) {
            let short = group.thresholds.filter { !reaches(values[$0.indicator]!, $0, higher) }.map {
                threshold in
                let value = values[threshold.indicator]!
                let bound = "\(threshold.lowerBound(for: higher))\(threshold.indicator.unit)"
                return (
                    zh: "\(threshold.indicator.chinese) \(shown(value, threshold.indicator)) < \(bound)",
                    en: "\(threshold.indicator.english) \(shown(value, threshold.indicator)) < \(bound)"
                )
            }
            zh.append("未达\(higher.chinese)标准：" + short.map(\.zh).joined(separator: "，"))
            en.append("below the \(higher.rawValue) bounds: " + short.map(\.en).joined(separator: ", "))
        }
        if group == .otherUnlisted,
            IndustryCatalog.standard.classes(under: industry.code).contains(where: {
                SizeIndustryGroup.isReadIntoOtherUnlisted(classCode: $0.code)
            })
        {
            zh.append("注：教育、卫生未在“其他未列明行业”的列举中点名，按列举末尾的“等”归入")
            en.append(
                "note: education and health are not named in the list of other unlisted industries; they are read into its closing 'etc.'"
            )
        }
        return Message(
            "\(industry.code) \(industry.name) 属\(group.rawValue)，按\(group.citationZh)划为\(size.chinese)。"
                + zh.joined(separator: "；") + "。",
            en:
                "\(industry.code) \(industry.name) belongs to \(group.rawValue); by \(group.citationEn) it is \(size.rawValue). "
                + en.joined(separator: "; ") + ".")
    }
}
