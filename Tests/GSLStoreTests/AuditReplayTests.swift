import Foundation
import GRDB
import GSLCore
import GSLStore
import GSLTestSupport
import Testing

/// `AuditReplay`: a store rebuilt from its audit log alone holds the same rows, whichever
/// `Mutation` method wrote them; a change made around the log makes the comparison fail.
@Suite struct AuditReplayTests {
    /// The core schema plus a keyed table for `writeRows` (inserts and upserts).
    static let migrations =
        Store.coreMigrations + [
            StoreMigration(
                "replay-test-1-scores",
                sql: """
                    CREATE TABLE replay_scores (
                        run INTEGER NOT NULL, unit TEXT NOT NULL, score REAL, note TEXT,
                        PRIMARY KEY (run, unit)
                    ) STRICT, WITHOUT ROWID;
                    """)
        ]
    /// The core's entities and the test table's.
    static let entities = Store.coreAuditedEntities + [.table("replay_scores", entity: "replay_score")]

    /// A fresh file path in a scratch folder.
    static func target() throws -> String {
        try Fixtures.temporaryDirectory().appendingPathComponent("replay.sqlite").path
    }

    /// A row of values (nil is NULL).
    static func values(_ items: (any DatabaseValueConvertible)?...) -> [DatabaseValue] {
        items.map { $0?.databaseValue ?? .null }
    }

    /// A store written through every `Mutation` method.
    static func writtenStore() throws -> Store {
        let store = try Store(inMemory: migrations)
        let context = MutationContext(actor: "王芳", command: "test", at: "2025-03-01T02:00:00Z")
        try store.write(context) { m in
            for (code, name, level, parent) in [
                ("33", "浙江省", "province", nil), ("3302", "宁波市", "city", "33"),
                ("330203", "海曙区", "county", "3302"),
            ] as [(String, String, String, String?)] {
                try m.insert(
                    into: "regions", entity: "region",
                    values: [
                        ("code", code.databaseValue), ("name", name.databaseValue),
                        ("level", level.databaseValue), ("parent_code", parent.databaseValue),
                    ], key: code)
            }
            // A keyed insert of a table with an integer id: the id is recorded too.
            try m.insert(
                into: "organisations", entity: "organisation",
                values: [
                    ("kind", "chamber".databaseValue), ("name", "宁波市青年企业家商会".databaseValue),
                    ("chamber_type", "direct".databaseValue), ("region_code", "3302".databaseValue),
                    ("created_at", context.at.databaseValue), ("updated_at", context.at.databaseValue),
                ], key: "宁波市青年企业家商会")
            try m.insertMany(
                into: "organisations", entity: "organisation",
                columns: [
                    "kind", "name", "uscc", "region_code", "employees", "note", "created_at", "updated_at",
                ],
                rows: (1...5).map { k in
                    values(
                        "enterprise", "宁波甬联\(k)号科技有限公司", nil, "330203", Int64(k * 10),
                        k == 2 ? "含\"引号\"、换行\n与\u{2028}和😀" : nil, context.at, context.at)
                })
            try m.insertMany(
                into: "people", entity: "person",
                columns: ["kind", "name", "phone", "organisation_id", "created_at", "updated_at"],
                rows: [
                    values("entrepreneur", "陈海波", "13805741234", 2, context.at, context.at),
                    values("staff", "李娜", nil, nil, context.at, context.at),
                ])
        }
        let later = MutationContext(actor: "李娜", command: "test 2", at: "2025-03-02T02:00:00Z")
        try store.write(later) { m in
            try m.update(
                table: "organisations", entity: "organisation", key: 3.databaseValue, expectedVersion: 1,
                changes: [("name", "宁波甬联新材料有限公司".databaseValue), ("employees", 42.databaseValue)])
            try m.update(
                table: "regions", entity: "region", keyColumn: "code", key: "330203".databaseValue,
                expectedVersion: nil, changes: [("kind", "市辖区".databaseValue)])
            try m.insert(
                into: "memberships", entity: "membership",
                values: [
                    ("chamber_id", 1.databaseValue), ("member_org_id", 2.databaseValue),
                    ("role", "理事".databaseValue), ("created_at", later.at.databaseValue),
                    ("updated_at", later.at.databaseValue),
                ])
            try m.delete(table: "people", entity: "person", key: 2.databaseValue)
            try m.delete(table: "organisations", entity: "organisation", key: 6.databaseValue)
            try m.writeRows(
                into: "replay_scores", entity: "replay_score", entityID: "run 1",
                columns: ["run", "unit", "score", "note"],
                rows: [
                    values(1, "330203", 3.0, "整数值的实数"), values(1, "330205", 0.1 + 0.2, nil),
                    values(1, "330206", -1e-7, nil), values(1, "330211", nil, "缺失"),
                ])
            // An upsert: two rows replaced, one new.
            try m.writeRows(
                into: "replay_scores", entity: "replay_score", entityID: "run 1",
                columns: ["run", "unit", "score", "note"], conflict: ["run", "unit"],
                rows: [
                    values(1, "330203", 4.5, nil), values(1, "330211", 2.0, "补齐"),
                    values(1, "330212", 1e20, nil),
                ])
        }
        // A note: a disclosure changes no table.
        try AuditRepository(store: store).recordDisclosure(later, subject: "person:*", rows: 1)
        return store
    }

    @Test func aStoreWrittenThroughEveryMutationMethodReplaysToTheSameRows() throws {
        let store = try Self.writtenStore()
        let path = try Self.target()
        let report = try AuditReplay(source: store, entities: Self.entities).replay(into: path)
        #expect(report.isFaithful, "\(report.firstProblem?.en ?? "")")
        #expect(report.divergences.isEmpty)
        #expect(report.chainProblems.isEmpty)
        let logged = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") }
        #expect(report.entries == logged)
        #expect(report.notes == 1)
        #expect(report.rowEntries == report.entries - 1)
        let byName = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.table, $0) })
        for table in ["regions", "organisations", "people", "memberships", "replay_scores", "audit_log"] {
            #expect(byName[table]?.kind == (table == "audit_log" ? .log : .audited), "\(table)")
            #expect(byName[table]?.isEqual == true, "\(table)")
            #expect((byName[table]?.source.rows ?? 0) > 0, "\(table)")
        }
        #expect(byName["contacts"]?.kind == .unregistered)
        #expect(byName["search_index"]?.kind == .derived)
        #expect(byName["search_index"]?.isEqual == true)
        #expect(byName["search_index_data"] == nil)
        #expect(byName["replay_scores"]?.source.rows == 5)
        // The replayed file is a store of its own whose chain verifies and whose rows are readable.
        let replayed = try Store(path: path, migrations: Self.migrations)
        #expect(try AuditRepository(store: replayed).verify().problems.isEmpty)
        #expect(try replayed.contentDigest(of: "organisations") == store.contentDigest(of: "organisations"))
        let note = try replayed.read { db in
            try String.fetchOne(db, sql: "SELECT note FROM organisations WHERE id = 3")
        }
        #expect(note == "含\"引号\"、换行\n与\u{2028}和😀")
    }

    @Test func aKeyedInsertRecordsTheRowID() throws {
        let store = try Self.writtenStore()
        let entry = try AuditRepository(store: store).log(
            entity: "organisation:宁波市青年企业家商会", actor: nil, since: nil, limit: nil
        ).first
        #expect(entry?.after?.contains("\"id\":1") == true, "\(entry?.after ?? "")")
    }

    @Test func aRowChangedAroundTheLogMakesTheReplayDiffer() throws {
        let store = try Self.writtenStore()
        try store.writer.write { db in
            try db.execute(sql: "UPDATE organisations SET employees = 999 WHERE id = 4")
        }
        let report = try AuditReplay(source: store, entities: Self.entities).replay(into: Self.target())
        #expect(!report.isFaithful)
        #expect(report.differing.map(\.table) == ["organisations"])
        #expect(report.firstDifference?.en.contains("id=4") == true, "\(report.firstDifference?.en ?? "")")
        #expect(report.firstDifference?.en.contains("employees") == true)
        #expect(report.firstProblem?.en.contains("organisations") == true)
    }

    @Test func anAuditedChangeAfterABypassIsReportedAsADivergence() throws {
        let store = try Self.writtenStore()
        try store.writer.write { db in
            try db.execute(sql: "UPDATE organisations SET note = '绕过' WHERE id = 5")
        }
        try store.write(MutationContext(actor: "t", command: "later", at: "2025-03-03T02:00:00Z")) { m in
            try m.update(
                table: "organisations", entity: "organisation", key: 5.databaseValue, expectedVersion: nil,
                changes: [("employees", 7.databaseValue)])
        }
        let report = try AuditReplay(source: store, entities: Self.entities).replay(into: Self.target())
        // The update carried the bypassed value along, so the tables agree; its `before` does not.
        #expect(report.differing.isEmpty)
        #expect(report.divergences.count == 1)
        #expect(report.divergences.first?.en.contains("note") == true, "\(report.divergences)")
        #expect(!report.isFaithful)
    }

    @Test func anExistingTargetIsRefusedUntouched() throws {
        let store = try Self.writtenStore()
        let path = try Self.target()
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: GSLError.self) {
            try AuditReplay(source: store, entities: Self.entities).replay(into: path)
        }
        #expect(error?.cause == .replayTargetExists)
        #expect(error?.kind == .conflict)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("keep".utf8))
    }

    @Test func anUnregisteredEntityStopsTheReplayAndLeavesNoFile() throws {
        let store = try Self.writtenStore()
        try store.write(MutationContext(actor: "t", command: "x", at: "2025-03-03T02:00:00Z")) { m in
            try m.audit(action: "insert", entity: "mystery", entityID: "1", before: nil, after: "{}")
        }
        let path = try Self.target()
        let error = #expect(throws: GSLError.self) {
            try AuditReplay(source: store, entities: Self.entities).replay(into: path)
        }
        #expect(error?.cause == .replayUnknownEntity)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
