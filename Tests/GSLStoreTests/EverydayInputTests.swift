import Foundation
import GRDB
import GSLCore
import GSLTestSupport
import Testing

@testable import GSLStore

/// Region names as people write them, and a search index that `db check` watches.
@Suite struct EverydayInputTests {
    @Test(arguments: [
        ("宁波市海曙区", "330203"), ("浙江省宁波市海曙区南门街道", "330203001"), ("海曙", "330203"), ("南门", "330203001"),
        ("宁海", "330226"),
    ])
    func regionNamesWithTheCityOrWithoutTheSuffixResolve(name: String, code: String) throws {
        let store = try makeStore()
        #expect(try RegionRepository(store: store).path(name).path.last?.code == code)
    }

    @Test func anUnknownRegionNameSuggestsSimilarOnes() throws {
        let store = try makeStore()
        do {
            _ = try RegionRepository(store: store).path("海曙镇")
            Issue.record("resolved a region that does not exist")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.cause == .storeReferenceNotFound)
            // The message suggests the region meant, with its code.
            #expect(error.mentions("海曙区") && error.mentions("330203"), "\(error)")
        }
    }

    @Test func dbCheckFindsADroppedOrStaleSearchIndex() throws {
        let store = try makeStore()
        #expect(try MaintenanceRepository(store: store).check().isEmpty)
        try store.writer.write { try $0.execute(sql: "DROP TRIGGER regions_search_insert") }
        try store.writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO regions (code, name, level, parent_code) VALUES ('330205', '江北区', 'county', '3302')"
            )
        }
        let problems = try MaintenanceRepository(store: store).check().map(\.en)
        #expect(problems.contains { $0.contains("regions_search_insert") }, "\(problems)")
        #expect(problems.contains { $0.contains("out of step with regions") }, "\(problems)")
        try store.writer.write { try $0.execute(sql: "DROP TABLE search_index") }
        #expect(
            try MaintenanceRepository(store: store).check().contains {
                $0.en.contains("search_index is missing")
            })
    }
}
