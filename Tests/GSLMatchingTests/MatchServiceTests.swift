import Foundation
import GSLCore
import GSLMatching
import GSLMatchingStore
import GSLStore
import GSLTestSupport
import Testing

/// The matching service on an in-memory store: postings, refusals that write nothing, the
/// follow-through log and the stats over it.
@Suite struct MatchServiceTests {
    static let context = MutationContext(
        actor: "测试", command: "matching test", at: "2025-03-01T02:00:00.000Z")
    static func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

    static func service() throws -> MatchService {
        let store = try Store(inMemory: Store.coreMigrations + MatchingSchema.migrations)
        let records = RecordsService(store: store)
        for (name, uscc) in [
            ("宁波甬恒模具有限公司", "91330200711190501X"), ("宁波三江注塑有限公司", "913302007111905021"),
            ("宁波银行", "913302007111905047"),
        ] {
            let draft = try OrganisationDraft.parse(
                FieldReader(["name": name, "uscc": uscc, "industry": "3511", "size": "small"]),
                defaultKind: .enterprise)
            _ = try records.addOrganisation(draft, allowDuplicateChamberName: false, context: context)
        }
        return try MatchService(store: store)
    }

    static func count(_ s: MatchService, _ table: String) throws -> Int {
        try s.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    static func post(_ s: MatchService, _ fields: [String: String?]) throws -> Posting {
        try s.post(fields: fields, today: day("2025-03-01"), context: context)
    }

    @Test func postingsAndRefusals() throws {
        let s = try Self.service()
        let d = try Self.post(
            s,
            [
                "ref": "D1", "side": "需求", "kind": "项目", "org": "宁波甬恒模具有限公司", "title": "寻求注塑模具合作",
                "amount": "500万", "deadline": "2025年6月30日",
            ])
        #expect(d.amount == Money(fen: 500_000_000) && d.deadline?.iso == "2025-06-30" && d.side == .demand)
        let unknown = #expect(throws: GSLError.self) {
            try Self.post(s, ["side": "demand", "kind": "project", "org": "不存在的公司", "title": "x"])
        }
        #expect(unknown?.cause == .storeReferenceNotFound)
        let upside = #expect(throws: GSLError.self) {
            try Self.post(
                s,
                [
                    "side": "supply", "kind": "credit", "org": "宁波银行", "title": "科创贷", "amount_min": "3000万",
                    "amount_max": "100万",
                ])
        }
        #expect(upside?.cause == .matchingAmountRange)
        #expect(try Self.count(s, "match_postings") == 1)
        #expect(try s.show("D1").id == d.id && s.show("#\(d.id)").id == d.id)
    }

    /// `recommend` reads the supplies column by column and compares texts from their stored bytes;
    /// it recommends what scoring every supply from its full posting recommends, with the same
    /// scores, for credit products (size classes, exclusions, amount ranges), talent (majors) and
    /// projects, texts with full-width letters and emoji included.
    @Test func recommendEqualsScoringEverySupply() throws {
        let s = try Self.service()
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("regions.csv").path
        try """
        code,name,parent_code,kind
        33,浙江省,,省
        3302,宁波市,33,地级市
        330203,海曙区,3302,市辖区
        330226,宁海县,3302,县
        330203001,南门街道,330203,街道
        """.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try RegionRepository(store: s.store).importFiles(
            [ImportOptions(path: path)], context: Self.context)
        var dice = SeededGenerator(seed: 11)
        let words = ["模具", "注塑", "跨境", "冷链", "融资", "贷款", "机械工程", "ＡＢＣ", "人才", "定制班", "😀", "数控", "的"]
        let orgs = ["宁波甬恒模具有限公司", "宁波三江注塑有限公司", "宁波银行"]
        let regions = ["330203", "330226", "330203001", ""]
        func text(_ n: Int) -> String { (0..<n).map { _ in words.randomElement(using: &dice)! }.joined() }
        func pick<T>(_ xs: [T]) -> T { xs.randomElement(using: &dice)! }
        func int(_ n: Int) -> Int { Int.random(in: 0..<n, using: &dice) }
        for kind in ["project", "credit", "talent"] {
            for i in 0..<120 {
                var fields: [String: String?] = [
                    "side": "supply", "kind": kind, "org": pick(orgs), "title": text(1 + int(3)),
                    "text": text(int(8)), "industry": pick(["3511", "3311", "6813", ""]),
                    "region": pick(regions), "deadline": pick(["2025-04-30", "2025-09-30", ""]),
                ]
                if kind == "credit" {
                    let low = 10 + int(500)
                    fields["amount_min"] = "\(low)万"
                    fields["amount_max"] = "\(low + int(3000))万"
                    fields["sizes"] = pick(["", "small,micro", "large"])
                    fields["exclude_industries"] = pick(["", "C", "33"])
                } else if kind == "talent" {
                    fields["majors"] = pick(["", "机械工程", "机械工程、材料科学"])
                } else {
                    fields["amount"] = pick(["", "200万", "1.5亿"])
                }
                if i % 40 == 0 { fields["title"] = "完全相同的标题" }
                _ = try Self.post(s, fields)
            }
            for j in 0..<6 {
                let demand = try Self.post(
                    s,
                    [
                        "ref": "D-\(kind)-\(j)", "side": "demand", "kind": kind, "org": pick(orgs),
                        "title": j == 0 ? "完全相同的标题" : text(2), "text": text(4),
                        "amount": pick(["", "300万"]), "deadline": pick(["2025-06-30", ""]),
                    ])
                let scorer = MatchScorer(profile: s.profile, kind: demand.kind)
                let all = ScoringItem.items(try s.postings.open(kind: demand.kind, side: .supply))
                let expected = scorer.recommend(ScoringItem(demand), among: all, top: 10)
                let got = try s.recommend(demand: "D-\(kind)-\(j)", top: 10)
                #expect(got.items.map(\.explanation.supplyID) == expected.map(\.supplyID), "\(kind) \(j)")
                #expect(got.items.map(\.explanation.score) == expected.map(\.score), "\(kind) \(j)")
                #expect(got.items.map(\.supply.id) == expected.map(\.supplyID))
                #expect(got.items.allSatisfy { !$0.supply.orgName.isEmpty && !$0.supply.title.isEmpty })
                #expect(got.considered == 120)
                // Read in ranges of ids (as a large market is, on all cores) and merged: the same.
                for parts in [2, 3, 7] {
                    let split = try s.recommend(demand: "D-\(kind)-\(j)", top: 10, parts: parts)
                    #expect(split.items.map(\.explanation.supplyID) == expected.map(\.supplyID), "\(parts)")
                    #expect(split.items.map(\.explanation.score) == expected.map(\.score))
                    #expect(split.considered == 120)
                }
            }
        }
    }

    /// The id ranges a large scan is split into cover the ids once, in order.
    @Test func scanRangesCoverTheIdsOnce() {
        #expect(MatchService.split(nil, parts: 4).count == 1)
        #expect(MatchService.split(1...100, parts: 1) == [nil])
        #expect(MatchService.split(5...5, parts: 4) == [nil])
        for (ids, parts) in [(1...100_000, 2), (7...19, 3), (1...3, 7), (10...1_000_013, 4)]
            as [(ClosedRange<Int64>, Int)]
        {
            let ranges = MatchService.split(ids, parts: parts).map { $0! }
            #expect(ranges.first?.lowerBound == ids.lowerBound && ranges.last?.upperBound == ids.upperBound)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound + 1 == $1.lowerBound })
            #expect(ranges.allSatisfy { !$0.isEmpty } && ranges.count == min(parts, ids.count))
        }
    }

    @Test func proposalsOfOneDemand() throws {
        let s = try Self.service()
        for (ref, org) in [("D1", "宁波甬恒模具有限公司"), ("D2", "宁波三江注塑有限公司")] {
            _ = try Self.post(
                s, ["ref": ref, "side": "demand", "kind": "project", "org": org, "title": "寻求模具合作"])
        }
        for (ref, org) in [("S1", "宁波三江注塑有限公司"), ("S2", "宁波银行")] {
            _ = try Self.post(
                s, ["ref": ref, "side": "supply", "kind": "project", "org": org, "title": "模具加工"])
        }
        for (d, sup) in [("D1", "S1"), ("D2", "S2"), ("D1", "S2")] {
            _ = try s.propose(
                demand: d, supply: sup, date: Self.day("2025-03-02"), note: nil, context: Self.context)
        }
        let d1 = try s.show("D1").id
        let mine = try s.proposalList(kind: nil, state: nil, runID: nil, demandID: d1, limit: 10)
        #expect(mine.map(\.id) == [1, 3] && mine.allSatisfy { $0.demandID == d1 })
        #expect(try s.proposalList(kind: nil, state: nil, runID: nil, limit: 10).count == 3)
        #expect(try s.proposalList(kind: nil, state: .deal, runID: nil, demandID: d1, limit: 10).isEmpty)
    }

    @Test func followThroughAndStats() throws {
        let s = try Self.service()
        _ = try Self.post(
            s,
            [
                "ref": "D1", "side": "demand", "kind": "project", "org": "宁波甬恒模具有限公司", "title": "寻求注塑模具合作",
                "amount": "500万",
            ])
        _ = try Self.post(
            s, ["ref": "S1", "side": "supply", "kind": "project", "org": "宁波三江注塑有限公司", "title": "注塑模具加工"])
        let top = try s.recommend(demand: "D1", top: 5)
        #expect(top.items.map(\.supply.ref) == ["S1"])
        let view = try s.propose(
            demand: "D1", supply: "S1", date: Self.day("2025-03-02"), note: nil, context: Self.context)
        let id = view.proposal.id
        #expect(view.proposal.score == top.items[0].explanation.score)
        let early = #expect(throws: GSLError.self) {
            try s.act(
                .deal(amount: Money(yuan: 1), hires: nil, salaryBand: nil), proposal: id,
                on: Self.day("2025-03-03"),
                note: nil, expectedVersion: nil, context: Self.context)
        }
        #expect(early?.cause == .matchingTransitionRefused)
        _ = try s.act(
            .introduce, proposal: id, on: Self.day("2025-03-05"), note: "对接会", expectedVersion: nil,
            context: Self.context)
        _ = try s.act(
            .negotiate, proposal: id, on: Self.day("2025-03-10"), note: nil, expectedVersion: nil,
            context: Self.context)
        let before = try Self.count(s, "match_events")
        let noAmount = #expect(throws: GSLError.self) {
            try s.act(
                .deal(amount: nil, hires: nil, salaryBand: nil), proposal: id, on: Self.day("2025-04-01"),
                note: nil,
                expectedVersion: nil, context: Self.context)
        }
        let after = try Self.count(s, "match_events")
        #expect(noAmount?.cause == .matchingStepInvalid && after == before)
        let backdated = #expect(throws: GSLError.self) {
            try s.act(
                .deal(amount: Money(yuan: 1), hires: nil, salaryBand: nil), proposal: id,
                on: Self.day("2025-03-08"),
                note: nil, expectedVersion: nil, context: Self.context)
        }
        #expect(backdated?.cause == .matchingStepInvalid)
        let deal = try s.act(
            .deal(amount: try Money.parse("1.2亿"), hires: nil, salaryBand: nil), proposal: id,
            on: Self.day("2025-04-01"), note: nil, expectedVersion: nil, context: Self.context)
        #expect(deal.proposal.state == .deal && deal.proposal.dealAmount == Money(fen: 12_000_000_000))
        #expect(deal.events.map(\.step) == [.propose, .introduce, .negotiate, .deal])
        #expect(deal.events.allSatisfy { $0.actor == "测试" })
        let stats = try s.stats(period: try Period.parse("2025"), kind: nil)
        #expect(stats.count == 2 && stats[0].kind == .project && stats[1].kind == nil)
        #expect(stats[1].proposals == 1 && stats[1].introductions == 1 && stats[1].deals == 1)
        #expect(
            stats[1].amount == Money(fen: 12_000_000_000) && stats[1].conversion == 1
                && stats[1].firmsHelped == 2)
        let q1 = try s.stats(period: try Period.parse("2025Q1"), kind: .project)
        #expect(q1.count == 1 && q1[0].deals == 0 && q1[0].proposals == 1 && q1[0].conversion == 0)
    }
}
