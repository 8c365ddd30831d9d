import GSLCasework
import GSLCore
import GSLTestSupport
import Testing

@Suite struct ServiceRatesTests {
    struct Row {
        let department: String
        let callback: Callback?
    }

    static let rows: [Row] = [
        Row(department: "市经信局", callback: Callback(contacted: true, solved: true, satisfaction: .satisfied)),
        Row(
            department: "市经信局",
            callback: Callback(contacted: true, solved: true, satisfaction: .basicallySatisfied)),
        Row(
            department: "市人社局", callback: Callback(contacted: true, solved: false, satisfaction: .unsatisfied)
        ),
        Row(department: "市人社局", callback: Callback(contacted: false, solved: false, satisfaction: nil)),
        Row(
            department: "市人社局",
            callback: Callback(contacted: true, solved: true, satisfaction: .satisfied, valid: false)),
        Row(department: "市资规局", callback: nil),
    ]

    func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-12
    }

    @Test func defaultWeightsByHand() {
        let rates = ServiceRates.compute(cases: Self.rows) { $0.callback }
        #expect(rates.cases == 6)
        #expect(rates.validCallbacks == 4)
        #expect(rates.contacted == 3)
        #expect(rates.solved == 2)
        #expect(rates.satisfied == 1 && rates.basicallySatisfied == 1 && rates.unsatisfied == 1)
        #expect(close(rates.responseRate, 0.75))  // 3 / 4
        #expect(close(rates.resolutionRate, 0.5))  // 2 / 4
        #expect(close(rates.satisfactionRate, 0.475))  // (1 + 0.9) / 4
        #expect(close(rates.composite, 0.515))  // 0.1·0.75 + 0.5·0.5 + 0.4·0.475
    }

    @Test func customWeights() {
        let weights = RateWeights(
            response: 1.0 / 3, resolution: 1.0 / 3, satisfaction: 1.0 / 3,
            basicallySatisfiedCredit: 0.5)
        let rates = ServiceRates.compute(callbacks: Self.rows.map(\.callback), weights: weights)
        #expect(close(rates.satisfactionRate, 0.375))  // (1 + 0.5) / 4
        #expect(close(rates.composite, (0.75 + 0.5 + 0.375) / 3))
    }

    @Test func groupedByDepartment() {
        let groups = ServiceRates.grouped(Self.rows, by: \.department) { $0.callback }
        #expect(groups.count == 3)
        let industry = groups["市经信局"]!
        #expect(close(industry.responseRate, 1))
        #expect(close(industry.resolutionRate, 1))
        #expect(close(industry.satisfactionRate, 0.95))  // (1 + 0.9) / 2
        #expect(close(industry.composite, 0.98))  // 0.1 + 0.5 + 0.38
        let labour = groups["市人社局"]!
        #expect(labour.cases == 3 && labour.validCallbacks == 2)
        #expect(close(labour.responseRate, 0.5))
        #expect(close(labour.resolutionRate, 0))
        #expect(close(labour.satisfactionRate, 0))
        #expect(close(labour.composite, 0.05))
        let land = groups["市资规局"]!
        #expect(land.cases == 1)
        #expect(land.responseRate == nil && land.composite == nil)
    }

    @Test func satisfactionParsing() throws {
        #expect(try Satisfaction.parse("基本满意") == .basicallySatisfied)
        #expect(try Satisfaction.parse("unsatisfied") == .unsatisfied)
        #expect(throws: GSLError.self) { try Satisfaction.parse("还行") }
    }
}

@Suite struct CaseTaxonomyTests {
    @Test func defaultCategoriesInOrder() throws {
        let taxonomy = CaseTaxonomy.standard
        #expect(
            taxonomy.categories.map(\.zh) == [
                "融资信贷", "用工人才", "用地用房", "政策兑现", "审批服务", "权益保护",
                "拖欠账款", "市场拓展", "科技创新", "基础设施", "其他",
            ])
        #expect(Set(taxonomy.categories.map(\.code)).count == 11)
        #expect(try taxonomy.category(named: "拖欠账款").code == "arrears")
        #expect(try taxonomy.category(named: "financing").zh == "融资信贷")
        #expect(try taxonomy.category(named: "labour and talent").code == "labour")
    }

    @Test func unknownCategoryListsKnownOnes() {
        do {
            _ = try CaseTaxonomy.standard.category(named: "环保")
            Issue.record("环保 is not a default category")
        } catch {
            #expect(error.kind == .data)
            #expect(error.cause == .caseUnknownValue)
            #expect(error.mentions("环保"))
            // The known categories, by code in English and by name in Chinese.
            for category in CaseTaxonomy.standard.categories {
                #expect(error.mentions(category.code, in: .en) && error.mentions(category.zh, in: .zh))
            }
        }
    }

    @Test func configurableTaxonomy() throws {
        let custom = CaseTaxonomy(categories: [
            CaseCategory(code: "env", zh: "环保安全", en: "Environment and safety")
        ])
        #expect(try custom.category(named: "环保安全").code == "env")
        #expect(throws: GSLError.self) { try custom.category(named: "融资信贷") }
    }

    @Test func sourcesAndPriorities() throws {
        #expect(
            CaseSource.allCases.map(\.rawValue) == [
                "visit", "hotline", "online", "chamber", "letter", "event",
            ])
        #expect(CaseSource.original == Array(CaseSource.allCases.dropLast()))  // the first schema's CHECK
        #expect(try CaseSource.parse("商会") == .chamber)
        #expect(try CaseSource.parse("活动") == .event)
        #expect(throws: GSLError.self) { try CaseSource.parse("email") }
        #expect(try CasePriority.parse("特急") == .urgent)
        #expect(CasePriority.urgent < .low)
        #expect(CasePriority.allCases.sorted().first == .urgent)
    }
}
