import GSLCore
import GSLMatching
import GSLOptimise
import Testing

/// Features, weights and hard filters of the score, by hand.
@Suite struct MatchScoringTests {
    static let day = LocalDate(year: 2025, month: 3, day: 1)!

    static func posting(
        _ id: Int64, _ side: PostingSide, kind: PostingKind = .project, org: Int64? = nil, title: String,
        industry: String? = nil, region: String? = nil, size: EnterpriseSize? = nil, amount: Money? = nil,
        range: (Money, Money)? = nil, sizes: [EnterpriseSize] = [], excluded: [String] = [],
        deadline: LocalDate? = nil
    ) -> Posting {
        Posting(
            id: id, side: side, kind: kind, orgID: org ?? id, orgName: "企业\(id)", orgSize: size, title: title,
            industryCode: industry, regionCode: region, amount: amount, amountMin: range?.0,
            amountMax: range?.1,
            eligibleSizes: sizes, excludedIndustries: excluded, deadline: deadline, postedOn: day)
    }

    @Test func industryClosenessFollowsTheTree() {
        func c(_ a: String, _ b: String) -> Double {
            Closeness.industry(Closeness.IndustryKey(a), Closeness.IndustryKey(b))
        }
        #expect(c("3011", "3011") == 1)
        #expect(c("3011", "3012") == 0.75)  // same group 301
        #expect(c("3011", "3021") == 0.5)  // same division 30
        #expect(c("3011", "3110") == 0.25)  // same section C
        #expect(c("3011", "0111") == 0)  // C against A
        #expect(c("C", "3011") == 0.25)
        #expect(Closeness.industry(nil, Closeness.IndustryKey("3011")) == 0)
    }

    @Test func regionClosenessFollowsTheDivisionTree() {
        func c(_ a: String, _ b: String) -> Double {
            Closeness.region(Closeness.regionKey(a), Closeness.regionKey(b))
        }
        #expect(c("330203001", "330203001") == 1)
        #expect(c("330203001001", "330203001002") == 0.9)
        #expect(c("330203001", "330203002") == 0.75)
        #expect(c("330203", "330205") == 0.5)
        #expect(c("330203", "330102") == 0.25)
        #expect(c("330203", "110101") == 0)
    }

    @Test func explanationSumsToTheScore() {
        let scorer = MatchScorer(profile: .standard, kind: .project)
        let d = ScoringItem(
            Self.posting(
                1, .demand, title: "寻求注塑模具合作", industry: "3511", region: "330203001", size: .small,
                amount: Money(yuan: 5_000_000)))
        let s = ScoringItem(
            Self.posting(
                2, .supply, title: "提供注塑加工", industry: "3512", region: "330203002", size: .large,
                range: (Money(yuan: 1_000_000), Money(yuan: 10_000_000))))
        let e = scorer.explain(d, s)
        #expect(e.score == scorer.score(d, s))
        #expect(e.score == e.parts.reduce(0) { $0 + $1.contribution })
        let parts = Dictionary(uniqueKeysWithValues: e.parts.map { ($0.feature, $0) })
        #expect(parts[.industry]?.value == 0.75 && parts[.region]?.value == 0.75)
        #expect(parts[.amount]?.value == 1)
        #expect(parts[.size]?.value == 1 - 2.0 / 3)  // small against large: two classes apart
        #expect(parts[.deadline]?.value == 1)
        #expect(parts[.text]!.value > 0 && parts[.text]!.value < 1)
        #expect(parts[.industry]?.weight == 0.25 && parts[.industry]?.contribution == 0.25 * 0.75)
        #expect(e.eligible)
    }

    @Test func amountAndDeadlineFit() {
        let scorer = MatchScorer(profile: .standard, kind: .credit)
        let d = ScoringItem(
            Self.posting(
                1, .demand, kind: .credit, title: "贷款", amount: Money(yuan: 500),
                deadline: LocalDate(year: 2025, month: 6, day: 30)))
        let s = ScoringItem(
            Self.posting(
                2, .supply, kind: .credit, title: "贷款", range: (Money(yuan: 1000), Money(yuan: 2000)),
                deadline: LocalDate(year: 2025, month: 5, day: 31)))
        let parts = Dictionary(
            uniqueKeysWithValues: scorer.explain(d, s).parts.map { ($0.feature, $0.value) })
        #expect(parts[.amount] == 0.5)  // 500 below a minimum of 1000
        #expect(parts[.deadline] == 1 - 30.0 / 90)  // closes 30 days before the demand needs it
    }

    @Test func hardFiltersExcludeSizesAndIndustries() {
        let scorer = MatchScorer(profile: .standard, kind: .credit)
        let product = ScoringItem(
            Self.posting(9, .supply, kind: .credit, title: "科创贷", sizes: [.small, .micro], excluded: ["K"]))
        let micro = ScoringItem(
            Self.posting(1, .demand, kind: .credit, title: "贷款", industry: "3011", size: .micro))
        let large = ScoringItem(
            Self.posting(2, .demand, kind: .credit, title: "贷款", industry: "3011", size: .large))
        let estate = ScoringItem(
            Self.posting(3, .demand, kind: .credit, title: "贷款", industry: "7010", size: .small))
        #expect(scorer.explain(micro, product).eligible)
        #expect(
            scorer.explain(large, product).ineligible == [
                .sizeNotAccepted(.large, accepted: [.small, .micro])
            ])
        #expect(scorer.explain(estate, product).ineligible == [.industryExcluded("K")])
        #expect(scorer.recommend(large, among: [product], top: 5).isEmpty)
        #expect(scorer.recommend(micro, among: [product], top: 5).map(\.supplyID) == [9])
    }

    @Test func recommendKeepsTheBestInOrder() {
        let scorer = MatchScorer(profile: .standard, kind: .project)
        let d = ScoringItem(
            Self.posting(1, .demand, title: "寻求跨境电商合作", industry: "5292", region: "330203001"))
        let supplies = [
            Self.posting(10, .supply, title: "提供冷链仓储", industry: "0111", region: "110101"),
            Self.posting(11, .supply, title: "跨境电商代运营", industry: "5292", region: "330203001"),
            Self.posting(12, .supply, title: "跨境物流", industry: "5291", region: "330205001"),
            Self.posting(13, .supply, title: "跨境电商代运营", industry: "5292", region: "330203001"),
        ].map(ScoringItem.init)
        let top = scorer.recommend(d, among: supplies, top: 3)
        #expect(top.map(\.supplyID) == [11, 13, 12])  // 11 and 13 tie: lower id first
        let all = supplies.map { scorer.score(d, $0) }
        #expect(top.map(\.score) == [all[1], all[3], all[2]])
    }
}

/// The allocation-free paths agree with the explained ones.
@Suite struct MatchScoringFastPathTests {
    @Test func scoreAndEligibilityAgreeWithExplain() {
        var rng = SeededGenerator(seed: 5)
        let industries = ["3011", "3012", "3110", "7010", "5292", nil]
        let regions = ["330203001", "330203002", "330205", "110101", nil]
        func posting(_ id: Int64, _ side: PostingSide) -> Posting {
            func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
            return Posting(
                id: id, side: side, kind: .credit, orgID: Int64(rng.next() % 4), orgName: "x",
                orgSize: pick([EnterpriseSize.small, .large, nil]), title: pick(["模具贷款", "注塑", "跨境电商贷"]),
                industryCode: pick(industries), regionCode: pick(regions),
                amount: side == .demand ? Money(yuan: Int64(rng.next() % 1000)) : nil,
                amountMin: side == .supply ? Money(yuan: 100) : nil,
                amountMax: side == .supply ? Money(yuan: 500) : nil,
                eligibleSizes: side == .supply && rng.next() % 2 == 0 ? [.small] : [],
                excludedIndustries: side == .supply && rng.next() % 2 == 0 ? ["K"] : [],
                deadline: LocalDate(dayNumber: 20_000 + Int(rng.next() % 200)),
                postedOn: LocalDate(dayNumber: 20_000))
        }
        let scorer = MatchScorer(profile: .standard, kind: .credit)
        for i in 0..<200 {
            let d = ScoringItem(posting(Int64(i), .demand)),
                s = ScoringItem(posting(Int64(1000 + i), .supply))
            let e = scorer.explain(d, s)
            #expect(scorer.score(d, s) == e.score)
            #expect(MatchScorer.isEligible(d, s) == e.eligible)
        }
        // The streamed top-k (TopMatches over items, and SupplyScan over stored fields, which
        // recommendations use) equals the straightforward one: explain every supply, drop the
        // ineligible, sort by score then id, take k.
        let supplies = (0..<3000).map { ScoringItem(posting(Int64(5000 + $0), .supply)) }
        var builder = ScoringItem.Builder()
        let built = supplies.map { builder.item($0.posting) }
        let builtTexts: [TextVector] = built.map(\.text), texts: [TextVector] = supplies.map(\.text)
        #expect(builtTexts == texts)
        let builtChains: [Set<String>] = built.map(\.industryChain)
        let chains: [Set<String>] = supplies.map(\.industryChain)
        #expect(builtChains == chains)
        for i in 0..<20 {
            let d = ScoringItem(posting(Int64(i), .demand))
            let all: [MatchExplanation] = supplies.map { scorer.explain(d, $0) }
            let eligible = all.filter { $0.eligible }
            let sorted = eligible.sorted { (a: MatchExplanation, b: MatchExplanation) -> Bool in
                a.score > b.score || (a.score == b.score && a.supplyID < b.supplyID)
            }
            let plain = Array(sorted.prefix(10))
            var best = TopMatches(scorer: scorer, demand: d, top: 10)
            for s in built { best.consider(s) }
            let fast = best.explanations()
            var scan = SupplyScan(scorer: scorer, demand: d, top: 10)
            for s in supplies { scan.consider(s.posting) }
            #expect(scan.kept.map(\.id) == plain.map(\.supplyID))
            #expect(scan.kept.map(\.score) == plain.map(\.score))
            #expect(scan.considered == supplies.count)
            // Scanned in parts and merged (as on all cores): the same.
            var merged = SupplyScan(scorer: scorer, demand: d, top: 10)
            for part in stride(from: 0, to: supplies.count, by: 700) {
                var piece = SupplyScan(scorer: scorer, demand: d, top: 10)
                for s in supplies[part..<min(part + 700, supplies.count)] { piece.consider(s.posting) }
                merged.merge(piece)
            }
            #expect(merged.kept.map(\.id) == plain.map(\.supplyID))
            #expect(merged.kept.map(\.score) == plain.map(\.score))
            #expect(merged.considered == supplies.count)
            #expect(fast.map(\.supplyID) == plain.map(\.supplyID))
            #expect(fast.map(\.score) == plain.map(\.score))
            #expect(best.supplies.map(\.posting.id) == fast.map(\.supplyID))
            for e in fast {
                var sum = 0.0
                for part in e.parts { sum += part.contribution }
                #expect(sum == e.score)
            }
        }
        // The market's candidate graph (text compared only above the bounds) equals the one from
        // scoring every pair, ties included, for several k.
        let demands = (0..<150).map { ScoringItem(posting(Int64($0), .demand)) }
        let market = Array(supplies.prefix(400))
        for k in [1, 3, 10] {
            let plain = CandidateGenerator.nearest(rows: demands.count, columns: market.count, k: k) { i, j in
                guard MatchScorer.isEligible(demands[i], market[j]) else { return nil }
                let s = scorer.score(demands[i], market[j])
                return s > 0 ? -s : nil
            }
            let fast = MarketSolver.candidates(demands: demands, supplies: market, scorer: scorer, k: k)
            #expect(!plain.isEmpty && fast == plain)
            // Demands split into ranges scored apart (as on all cores), their bests merged: the same.
            for parts in [2, 3, 8, 150] {
                let split = MarketSolver.candidates(
                    demands: demands, supplies: market, scorer: scorer, k: k, parts: parts)
                #expect(split == plain, "k \(k), \(parts) parts")
            }
        }
    }
}
