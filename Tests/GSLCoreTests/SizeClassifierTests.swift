import GSLCore
import GSLTestSupport
import Testing

/// Money of `wan` 万元 plus `fen` fen.
private func wan(_ wan: Int64, plusFen fen: Int64 = 0) -> Money { Money(fen: wan * 1_000_000 + fen) }

@Suite struct EnterpriseSizeParsingTests {
    @Test(arguments: [
        ("大", EnterpriseSize.large), ("大型", .large), ("大型企业", .large), ("large", .large), ("L", .large),
        ("中", .medium), ("中型企业", .medium), ("Medium", .medium), ("小型", .small), ("small", .small),
        ("S", .small),
        ("微", .micro), ("微型企业", .micro), ("MICRO", .micro), (" 小型 ", .small),
    ])
    func parses(text: String, size: EnterpriseSize) {
        #expect(EnterpriseSize.parse(text) == size)
    }

    @Test func rejectsAndNames() {
        #expect(EnterpriseSize.parse("") == nil)
        #expect(EnterpriseSize.parse("巨型") == nil)
        #expect(EnterpriseSize.parse("中小") == nil)
        #expect(EnterpriseSize.allCases.map(\.chinese) == ["大型", "中型", "小型", "微型"])
    }
}

@Suite struct SizeThresholdTableTests {
    @Test func thresholdsMatchTheDatasetCSV() throws {
        guard let table = try ReferenceCSV.dataset("standards/sme_size_thresholds.csv") else {
            Issue.record(
                "Datasets/reference/standards/sme_size_thresholds.csv is missing; nothing to compare")
            return
        }
        #expect(table.rows.count == 30)
        var seen = 0
        for group in SizeIndustryGroup.allCases {
            let rows = table.rows.filter { $0["industry"] == group.rawValue }
            #expect(rows.count == group.thresholds.count, "\(group.rawValue)")
            for threshold in group.thresholds {
                let row = try #require(
                    rows.first { $0["indicator"] == threshold.indicator.chinese }, "\(group.rawValue)")
                #expect(Int64(row["large_min"]!) == threshold.largeMin, "\(group.rawValue)")
                #expect(Int64(row["medium_min"]!) == threshold.mediumMin, "\(group.rawValue)")
                #expect(Int64(row["small_min"]!) == threshold.smallMin, "\(group.rawValue)")
                #expect(Int64(row["micro_below"]!) == threshold.smallMin, "\(group.rawValue)")
                #expect(row["unit"] == threshold.indicator.unit)
                seen += 1
            }
        }
        #expect(seen == table.rows.count)
    }
}

@Suite struct SizeIndustryMappingTests {
    @Test(arguments: [
        ("0111", "农、林、牧、渔业"), ("A", "农、林、牧、渔业"), ("B", "工业"), ("C", "工业"), ("D", "工业"),
        ("3011", "工业"), ("E", "建筑业"), ("4710", "建筑业"), ("51", "批发业"), ("5211", "零售业"),
        ("54", "交通运输业"), ("58", "交通运输业"), ("591", "交通运输业"), ("5910", "交通运输业"),
        ("5920", "仓储业"), ("594", "仓储业"), ("60", "邮政业"), ("6110", "住宿业"), ("62", "餐饮业"),
        ("63", "信息传输业"), ("64", "信息传输业"), ("65", "软件和信息技术服务业"), ("7010", "房地产开发经营"),
        ("7020", "物业管理"), ("7030", "其他未列明行业"), ("7090", "其他未列明行业"), ("L", "租赁和商务服务业"),
        ("M", "其他未列明行业"), ("N", "其他未列明行业"), ("O", "其他未列明行业"), ("8310", "其他未列明行业"),
        ("Q", "其他未列明行业"), ("R", "其他未列明行业"),
    ])
    func groupOfCode(code: String, group: String) throws {
        // Ten thousand people and 10 亿元 are enough for every group to be large.
        let result = try SizeClassifier.classify(
            industryCode: code, employees: 10_000, revenue: wan(1_000_000),
            assets: wan(1_000_000))
        #expect(result.group == group, "\(code)")
        #expect(result.size == .large, "\(code)")
    }

    @Test func everyClassOfTheCatalogueHasAGroupOrAReason() {
        var covered = 0
        for entry in IndustryCatalog.standard.entries where entry.level == .class {
            switch SizeIndustryGroup.group(forClass: entry.code) {
            case .success: covered += 1
            case .failure(let gap): #expect(gap != .unknown, "\(entry.code)")
            }
        }
        #expect(covered > 1200)
    }
}

@Suite struct SizeClassifierBoundaryTests {
    /// The indicator values given to the classifier, every indicator at `value(indicator)`.
    private func classify(_ group: SizeIndustryGroup, _ value: (SizeThreshold) -> Int64) throws
        -> SizeClassification
    {
        let code = try #require(
            IndustryCatalog.standard.entries.first {
                $0.level == .class && (try? SizeIndustryGroup.group(forClass: $0.code).get()) == group
            }
        ).code
        var employees: Int?
        var revenue: Money?
        var assets: Money?
        for threshold in group.thresholds {
            switch threshold.indicator {
            case .employees: employees = Int(value(threshold))
            case .revenue: revenue = Money(fen: value(threshold))
            case .assets: assets = Money(fen: value(threshold))
            }
        }
        let result = try SizeClassifier.classify(
            industryCode: code, employees: employees, revenue: revenue, assets: assets)
        #expect(result.group == group.rawValue)
        return result
    }

    /// A bound in the classifier's units: persons, or fen.
    private func units(_ bound: Int64, _ threshold: SizeThreshold) -> Int64 {
        threshold.indicator == .employees ? bound : bound * 1_000_000
    }

    @Test(arguments: SizeIndustryGroup.allCases)
    func atAndAroundEveryBound(group: SizeIndustryGroup) throws {
        let tiers: [EnterpriseSize] = [.large, .medium, .small]
        for (index, size) in tiers.enumerated() {
            let lower = index + 1 < tiers.count ? tiers[index + 1] : EnterpriseSize.micro
            // Every indicator exactly at the lower bound: this class.
            let exact = try classify(group) { self.units($0.lowerBound(for: size), $0) }
            #expect(exact.size == size, "\(group.rawValue) at \(size) bounds")
            // One indicator one unit (person or fen) short: one class down.
            for short in group.thresholds {
                let result = try classify(group) { threshold in
                    let bound = self.units(threshold.lowerBound(for: size), threshold)
                    return threshold.indicator == short.indicator ? bound - 1 : bound
                }
                #expect(result.size == lower, "\(group.rawValue): \(short.indicator) just below \(size)")
                #expect(result.explanation.zh.contains("\(short.indicator.chinese)"))
            }
        }
        // Below micro_below on any single indicator, even with every other one at large: micro.
        for short in group.thresholds {
            let result = try classify(group) { threshold in
                threshold.indicator == short.indicator
                    ? self.units(threshold.smallMin, threshold) - 1
                    : self.units(threshold.largeMin, threshold)
            }
            #expect(result.size == .micro, "\(group.rawValue): \(short.indicator) below micro_below")
        }
        #expect(try classify(group) { _ in 0 }.size == .micro)
        #expect(try classify(group) { self.units($0.largeMin * 10, $0) }.size == .large)
    }

    @Test func explanationCitesTheArticleAndTheNumbers() throws {
        let result = try SizeClassifier.classify(
            industryCode: "C3011", employees: 350, revenue: wan(2500, plusFen: 500_000),
            assets: nil)
        #expect(result.size == .medium)
        #expect(result.group == "工业")
        #expect(result.explanation.zh.contains("第四条第（二）项"))
        #expect(result.explanation.zh.contains("从业人员(X) 350人 ≥ 300人"))
        #expect(result.explanation.zh.contains("营业收入(Y) 2500.5万元 ≥ 2000万元"))
        #expect(result.explanation.zh.contains("从业人员(X) 350人 < 1000人"))
        #expect(result.explanation.zh.contains("营业收入(Y) 2500.5万元 < 40000万元"))
        #expect(result.explanation.en.contains("article 4 item (2)"))
        #expect(result.explanation.en.contains("medium"))
        let other = try SizeClassifier.classify(
            industryCode: "7310", employees: 99, revenue: nil, assets: nil)
        #expect(other.size == .small)
        #expect(other.explanation.zh.contains("第四条第（十六）项"))
        #expect(!other.explanation.zh.contains("教育、卫生"))
        let school = try SizeClassifier.classify(
            industryCode: "8310", employees: 5, revenue: nil, assets: nil)
        #expect(school.size == .micro)
        #expect(school.explanation.zh.contains("教育、卫生未在“其他未列明行业”的列举中点名"))
    }

    @Test func theMixedCaseDropsToTheLowerTier() throws {
        // 工业: 500 people but 100万元 revenue is neither medium (2000万) nor small (300万): micro.
        let result = try SizeClassifier.classify(
            industryCode: "3011", employees: 500, revenue: wan(100), assets: nil)
        #expect(result.size == .micro)
    }
}

@Suite struct SizeClassifierRefusalTests {
    private func refusal(
        _ code: String, employees: Int? = 100, revenue: Money? = wan(1000), assets: Money? = wan(1000)
    ) -> GSLError? {
        typedGSLError { () throws(GSLError) in
            try SizeClassifier.classify(
                industryCode: code, employees: employees, revenue: revenue, assets: assets)
        }
    }

    @Test(arguments: [
        ("53", "铁路运输业"), ("5320", "铁路运输业"), ("J", "金融业"), ("6610", "金融业"), ("S", "公共管理"),
        ("9221", "公共管理"), ("T", "国际组织"), ("9700", "国际组织"), ("7040", "房地产租赁经营"),
    ])
    func industriesOutsideTheStandard(code: String, word: String) throws {
        let error = try #require(refusal(code), "\(code)")
        #expect(error.kind == .data)
        #expect(error.cause == .sizeUnclassifiable, "\(code): \(error.message.zh)")
        // The message names the class of the standard the code falls in.
        #expect(error.mentions(word, in: .zh), "\(code): \(error.message.zh)")
    }

    @Test(arguments: ["G", "59", "F", "H", "I", "K", "70"])
    func codesTooCoarse(code: String) throws {
        let error = try #require(refusal(code), "\(code)")
        #expect(error.kind == .data)
        #expect(error.cause == .sizeIndustryTooCoarse, "\(code): \(error.message.zh)")
        #expect(error.mentions(code), "\(code): \(error.message.zh)")
    }

    @Test func unknownCode() throws {
        let error = try #require(refusal("9999"))
        #expect(error.cause == .unknownIndustry)
        #expect(error.mentions("9999"))
        #expect(refusal("D3011") != nil)
    }

    @Test func missingIndicators() throws {
        let industry = try #require(refusal("3011", revenue: nil))
        #expect(industry.kind == .data)
        #expect(industry.cause == .sizeMissingIndicator)
        #expect(industry.mentions(SizeIndicator.revenue.english, in: .en))
        #expect(industry.mentions(SizeIndicator.revenue.chinese, in: .zh))
        let construction = try #require(refusal("4710", employees: nil, assets: nil))
        #expect(construction.cause == .sizeMissingIndicator)
        #expect(construction.mentions(SizeIndicator.assets.english, in: .en))
        #expect(construction.mentions(SizeIndicator.assets.chinese, in: .zh))
        let other = try #require(refusal("7310", employees: nil, revenue: nil, assets: nil))
        #expect(other.cause == .sizeMissingIndicator)
        #expect(other.mentions(SizeIndicator.employees.english, in: .en))
        #expect(other.mentions(SizeIndicator.employees.chinese, in: .zh))
        // An indicator the group does not use may be absent.
        #expect(refusal("7310", revenue: nil, assets: nil) == nil)
    }

    @Test func negativeValues() throws {
        let error = try #require(refusal("3011", employees: -1))
        #expect(error.kind == .data)
        #expect(error.cause == .negativeValue)
        #expect(error.mentions(SizeIndicator.employees.english, in: .en))
        #expect(error.mentions(SizeIndicator.employees.chinese, in: .zh))
    }
}
