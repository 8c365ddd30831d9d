import Foundation
import GSLCore
import GSLPairing
import GSLPairingStore
import GSLStore
import GSLTestSupport
import Testing

/// The lists the full-screen app's pairing screen reads: a town's villagers' committees with their
/// profile and figures, and one village's workshops.
@Suite struct PairServiceListsTests {
    static let context = MutationContext(actor: "测试", command: "pairing test", at: "2025-03-01T02:00:00.000Z")
    static func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

    static func service() throws -> PairService {
        let store = try Store(inMemory: Store.coreMigrations + PairingSchema.migrations)
        let records = RecordsService(store: store)
        _ = try records.loadReferenceDivisions(
            root: Fixtures.datasets.appendingPathComponent("reference").path, dryRun: false, context: context)
        for (name, uscc) in [("宁波甬联科技有限公司", "91330200711192037M"), ("宁波天一模具有限公司", "91330200704800698F")] {
            let draft = try OrganisationDraft.parse(
                FieldReader(["name": name, "uscc": uscc, "region": "330226102"]), defaultKind: .enterprise)
            _ = try records.addOrganisation(draft, allowDuplicateChamberName: false, context: context)
        }
        let service = PairService(store: store)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "村档案-\(UUID().uuidString).csv")
        try "村代码,村集体经济收入,薄弱村,人口\n330226102208,12万,是,1200\n330226102215,80万元,否,2300\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try service.importVillages(ImportOptions(path: file.path), context: context)
        for org in ["宁波甬联科技有限公司", "宁波天一模具有限公司"] {
            _ = try service.add(
                organisation: org, village: "330226102208", campaign: "商会联村2025", on: day("2025-02-01"),
                context: context)
        }
        let ended = try service.add(
            organisation: "宁波甬联科技有限公司", village: "330226102215", campaign: "商会联村2025", on: day("2024-03-01"),
            context: context)
        try service.end(pairing: ended, on: day("2024-12-31"), reason: "项目完成", context: context)
        for (village, name, opened, jobs) in [
            ("330226102208", "甬联共富工坊", "2025-05-01", 40), ("330226102208", "天一来料加工点", "2026-01-10", 12),
            ("330226102215", "茶叶电商直播间", "2024-06-01", 8),
        ] {
            _ = try service.addWorkshop(
                .init(
                    village: village, organisation: "宁波天一模具有限公司", name: name, kind: .processing,
                    opened: day(opened),
                    jobs: jobs, wages: "10万"), context: context)
        }
        return service
    }

    @Test func villagesOfATownWithProfilesAndFigures() throws {
        let service = try Self.service()
        let villages = try service.villages(town: "330226102", period: Period.parse("2025"), limit: 100)
        // Only villagers' committees (last three digits 200–399), by code.
        #expect(
            !villages.isEmpty
                && villages.allSatisfy { (try? DivisionCode($0.code))?.villageKind == .villagersCommittee })
        #expect(villages.map(\.code) == villages.map(\.code).sorted())
        let weak = try #require(villages.first { $0.code == "330226102208" })
        #expect(weak.weak == true && weak.incomeFen == 12_000_000 && weak.population == 1200)
        // Two partners active in 2025; one workshop opened by its end (the 2026 one is later).
        #expect(weak.partners == 2 && weak.workshops == 1 && weak.jobs == 40)
        let other = try #require(villages.first { $0.code == "330226102215" })
        // Its pairing ended in 2024: no partner in 2025; its 2024 workshop counts.
        #expect(other.weak == false && other.partners == 0 && other.workshops == 1 && other.jobs == 8)
        #expect(
            try service.villages(town: "330226102", period: Period.parse("2024"), limit: 100)
                .first { $0.code == "330226102215" }?.partners == 1)
        // A village without a profile is listed with none.
        #expect(villages.contains { $0.weak == nil && $0.incomeFen == nil && $0.partners == 0 })
        #expect(try service.villages(town: "330226102", period: Period.parse("2025"), limit: 1).count == 1)
        let notTown = #expect(throws: GSLError.self) {
            try service.villages(town: "330226", period: Period.parse("2025"), limit: 10)
        }
        #expect(notTown?.cause == .invalidDivisionCode)
    }

    @Test func workshopsOfOneVillage() throws {
        let service = try Self.service()
        #expect(try service.workshops(limit: 10).count == 3)
        let shops = try service.workshops(village: "330226102208", limit: 10)
        #expect(shops.map(\.name) == ["甬联共富工坊", "天一来料加工点"] && shops.map(\.jobs) == [40, 12])
        #expect(try service.workshops(village: "330226102215", limit: 10).map(\.name) == ["茶叶电商直播间"])
        let community = #expect(throws: GSLError.self) {
            try service.workshops(village: "330226102001", limit: 10)
        }
        #expect(community?.cause == .pairingNotVillage)
    }
}
