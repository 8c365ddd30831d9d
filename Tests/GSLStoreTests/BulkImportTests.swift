import Foundation
import GRDB
import GSLCore
import GSLDemo
import GSLStore
import GSLTabular
import GSLTestSupport
import Testing

/// The bulk path of imports: new rows written through one statement, audited in entries of
/// `Mutation.bulkAuditRows` rows, plain indexes rebuilt when the table was small.
@Suite struct BulkImportTests {
    /// A CSV of `count` synthetic enterprises in the test store's regions.
    func firms(_ count: Int, from start: Int = 0) throws -> String {
        let generator = SyntheticOrganisations(regionCodes: ["330203", "330226", "330203001"])
        var csv = SyntheticOrganisations.header.joined(separator: ",") + "\n"
        for i in start..<(start + count) { csv += generator.row(i, seed: 7).joined(separator: ",") + "\n" }
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("firms.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func importFirms(_ store: Store, _ path: String, onConflict: ConflictPolicy = .fail) throws
        -> ImportReport
    {
        var options = ImportOptions(path: path)
        options.onConflict = onConflict
        return try OrganisationRepository(store: store).importFile(
            options, defaultKind: .enterprise, context: MutationContext(actor: "导入员", command: "org import"))
    }

    @Test func auditEntriesCoverRangesAndNarrowToOneRow() throws {
        let store = try makeStore()
        let report = try importFirms(store, try firms(2_500))
        #expect(report.inserted == 2_500)
        let audit = AuditRepository(store: store)
        let entries = try audit.log(entity: "organisation", actor: nil, since: nil, limit: nil)
        #expect(entries.map(\.entityID) == ["1..1000", "1001..2000", "2001..2500"])
        #expect(entries.allSatisfy { $0.action == "insert" && $0.actor == "导入员" })
        #expect(try audit.verify().problems.isEmpty)

        // One record's history finds the bulk entry; narrowed, it reads like a single insert.
        let found = try audit.log(entity: "organisation:1500", actor: nil, since: nil, limit: nil)
        #expect(found.map(\.entityID) == ["1001..2000"])
        let org = try OrganisationRepository(store: store).get("1500")
        let one = found[0].narrowed(to: 1500).after ?? ""
        #expect(one.hasPrefix("{\"address\":null,"))
        #expect(one.contains("\"id\":1500,"))
        #expect(one.contains("\"name\":\(JSONText.quoted(org.name))"))
        #expect(one.contains("\"uscc\":\"\(org.uscc!)\""))
        #expect(try audit.log(entity: "organisation:2501", actor: nil, since: nil, limit: nil).isEmpty)
    }

    @Test func anEditedBulkEntryIsDetected() throws {
        let store = try makeStore()
        _ = try importFirms(store, try firms(1_200))
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(
                sql:
                    "UPDATE audit_log SET after = replace(after, '\"employees\"', '\"staff\"') WHERE entity_id = '1001..1200'"
            )
        }
        let problems = try AuditRepository(store: store).verify().problems
        #expect(problems.contains { $0.en.contains("was altered") })
    }

    @Test func indexesAreRebuiltOnAnEmptyTableAndMaintainedOnALargeOne() throws {
        let store = try makeStore()
        let indexSQL =
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'organisations' ORDER BY name"
        let before = try store.read { try String.fetchAll($0, sql: indexSQL) }
        _ = try importFirms(store, try firms(300))
        // A second, smaller file goes through maintained indexes.
        _ = try importFirms(store, try firms(100, from: 300))
        let after = try store.read { try String.fetchAll($0, sql: indexSQL) }
        #expect(after == before)
        #expect(after.contains("organisations_region"))
        try store.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let plan = try Row.fetchAll(
                db,
                sql:
                    "EXPLAIN QUERY PLAN SELECT id FROM organisations WHERE region_code = '330226' ORDER BY id"
            )
            #expect(plan.contains { ($0["detail"] as String).contains("organisations_region") })
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM organisations WHERE region_code = '330226'")
                    == Int.fetchOne(
                        db,
                        sql:
                            "SELECT count(*) FROM organisations INDEXED BY organisations_region WHERE region_code = '330226'"
                    ))
        }
        // Search finds rows from both files.
        let org = try OrganisationRepository(store: store).get("350")
        let hits = try SearchRepository(store: store).search(org.name, entity: "organisation", limit: 500)
        #expect(hits.contains { $0.entityID == "350" })
    }

    @Test func chambersNamedInTheFileAreJoinedInBulk() throws {
        let store = try makeStore()
        let repo = OrganisationRepository(store: store)
        let chamber = try repo.add(
            try OrganisationDraft.parse(
                FieldReader(["name": "宁波市青年企业家商会", "kind": "chamber", "chamber_type": "直属"]),
                defaultKind: nil),
            context: MutationContext(actor: "t", command: "add"))
        let generator = SyntheticOrganisations(regionCodes: ["330203"])
        var csv = (SyntheticOrganisations.header + ["所属商会", "职务"]).joined(separator: ",") + "\n"
        for i in 0..<300 {
            let extra = i % 3 == 0 ? ["宁波市青年企业家商会", "理事"] : ["", ""]
            csv += (generator.row(i, seed: 9) + extra).joined(separator: ",") + "\n"
        }
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("members.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try importFirms(store, path).inserted == 300)
        let (members, roles, check) = try store.read { db in
            (
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM memberships WHERE chamber_id = ? AND end_date IS NULL",
                    arguments: [chamber.id]),
                try String.fetchAll(db, sql: "SELECT DISTINCT role FROM memberships"),
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            )
        }
        #expect(members == 100)
        #expect(roles == ["理事"])
        #expect(check == "ok")
    }

    @Test func updatesAndInsertsMixInOneFile() throws {
        let store = try makeStore()
        _ = try importFirms(store, try firms(50))
        // The 30 known firms come back renamed (an unchanged row would write nothing).
        let second = try firms(80, from: 20)
        let lines = try String(contentsOfFile: second, encoding: .utf8).split(separator: "\n")
        let renamed = [lines[0]] + lines[1...30].map { "改" + $0 } + lines[31...]
        try (renamed.joined(separator: "\n") + "\n").write(toFile: second, atomically: true, encoding: .utf8)
        let report = try importFirms(store, second, onConflict: .update)
        #expect(report.updated == 30)
        #expect(report.inserted == 50)
        #expect(try OrganisationRepository(store: store).count(OrganisationFilter()) == 100)
        #expect(try AuditRepository(store: store).verify().problems.isEmpty)
        let entries = try AuditRepository(store: store).log(
            entity: "organisation", actor: nil, since: nil, limit: nil)
        #expect(entries.filter { $0.action == "update" }.count == 30)
        #expect(entries.last?.entityID == "51..100")
    }

    @Test func theFirstBadRowOfALongFileIsReportedWhateverItsKind() throws {
        let store = try makeStore()
        let generator = SyntheticOrganisations(regionCodes: ["330203", "330226"])
        var lines = [SyntheticOrganisations.header.joined(separator: ",")]
        for i in 0..<10_000 {
            var row = generator.row(i, seed: 3)
            if i == 5_000 { row[2] = "330299" }  // an unknown division: found when resolving
            if i == 8_000 { row[7] = "2023年2月30日" }  // no such date: found when parsing
            lines.append(row.joined(separator: ","))
        }
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("long.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try importFirms(store, path)
            Issue.record("expected a failure")
        } catch let error as GSLError {
            #expect(error.location?.line == 5_002, "\(error.message.en)")
            #expect(error.kind == .data)
        }
        // Without the bad division, the bad date in a later chunk is reported.
        lines[5_001] = generator.row(5_000, seed: 3).joined(separator: ",")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try importFirms(store, path)
            Issue.record("expected a failure")
        } catch let error as GSLError {
            #expect(error.location?.line == 8_002, "\(error.message.en)")
            #expect(error.cause == .invalidDate)
            #expect(error.mentions("2023年2月30日"), "\(error.message.zh)")
        }
        #expect(try OrganisationRepository(store: store).count(OrganisationFilter()) == 0)
        let indexes = try store.read {
            try Int.fetchOne(
                $0,
                sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'organisations'")
        }
        #expect(indexes == 7)
    }

    @Test func aRowRefusedBySQLiteNamesItsIndexAndWritesNothing() throws {
        let store = try makeStore()
        let context = MutationContext(actor: "t", command: "bulk")
        let values: (String) -> [DatabaseValue] = { name in
            ["enterprise".databaseValue, name.databaseValue, "t".databaseValue, "t".databaseValue]
        }
        var failedIndex: Int?
        do {
            try store.write(context) { m in
                do {
                    try m.insertMany(
                        into: "organisations", entity: "organisation",
                        columns: ["kind", "name", "created_at", "updated_at"],
                        rows: [values("甲"), values("")])
                } catch let failure as Mutation.BulkRowError {
                    failedIndex = failure.index
                    throw failure
                }
            }
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .conflict)
            #expect(error.cause == .storeConstraintViolated)
            // SQLite's own reason is passed on.
            #expect(error.mentions("CHECK constraint failed"))
        }
        #expect(failedIndex == 1)
        #expect(try OrganisationRepository(store: store).count(OrganisationFilter()) == 0)
        #expect(
            try AuditRepository(store: store).log(entity: "organisation", actor: nil, since: nil, limit: nil)
                .isEmpty)
    }
}

@Suite struct ComparisonCheckTests {
    @Test func inListsBecomeComparisonsAndOtherTextStays() {
        let sql = """
            CREATE TABLE t (kind TEXT NOT NULL CHECK (kind IN ('a', 'b_c')),
                flag INTEGER CHECK (flag IN (0, 1)), state TEXT CHECK (state IN ('x',
                    'y')), odd TEXT CHECK (odd IN ('has,comma', 'z')), n TEXT CHECK (n NOT IN ('q')))
            """
        let out = SchemaText.inListsAsComparisons(sql)
        #expect(out.contains("CHECK ((kind = 'a' OR kind = 'b_c'))"))
        #expect(out.contains("CHECK ((flag = 0 OR flag = 1))"))
        #expect(out.contains("CHECK ((state = 'x' OR state = 'y'))"))
        // A literal with a comma inside is left alone, and so is NOT IN.
        #expect(out.contains("odd IN ('has,comma', 'z')"))
        #expect(out.contains("n NOT IN ('q')"))
        #expect(
            SchemaText.inListsAsComparisons("CHECK (length(code) IN (2, 4) AND code NOT GLOB '*[^0-9]*')")
                == "CHECK ((length(code) = 2 OR length(code) = 4) AND code NOT GLOB '*[^0-9]*')")
    }

    @Test func rewrittenChecksStillRefuseAndAllow() throws {
        let store = try makeStore()
        let sql = try store.read {
            try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'organisations'")
        }
        #expect(sql?.contains(" IN (") == false)
        #expect(sql?.contains("kind = 'enterprise'") == true)
        let insert =
            "INSERT INTO organisations (kind, name, size, created_at, updated_at) VALUES (?, '甲', ?, 't', 't')"
        #expect(throws: (any Error).self) {
            try store.writer.write { try $0.execute(sql: insert, arguments: ["company", nil]) }
        }
        #expect(throws: (any Error).self) {
            try store.writer.write { try $0.execute(sql: insert, arguments: ["enterprise", "huge"]) }
        }
        try store.writer.write { try $0.execute(sql: insert, arguments: ["enterprise", nil]) }
        try store.writer.write { try $0.execute(sql: insert, arguments: ["bank", "small"]) }
        let check = try store.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }

    @Test func aFileMadeBeforeTheRewriteIsMigratedWithItsRows() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("old.sqlite").path
        do {
            let old = try Store(path: path, migrations: Array(Store.coreMigrations.prefix(5)), create: true)
            try old.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO organisations (kind, name, created_at, updated_at) VALUES ('bank', '乙', 't', 't')"
                )
            }
            let sql = try old.read {
                try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'people'")
            }
            #expect(sql?.contains("kind IN (") == true)
        }
        let store = try Store(path: path)
        let (sql, count, check) = try store.read { db in
            (
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'people'"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM organisations"),
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            )
        }
        #expect(sql?.contains("kind IN (") == false)
        #expect(sql?.contains("(kind = 'entrepreneur' OR kind = 'staff' OR kind = 'other')") == true)
        #expect(count == 1)
        #expect(check == "ok")
    }
}

/// The fast paths of field parsing agree with the general ones.
@Suite struct DraftFieldTests {
    func parse(_ fields: [String: String?], scale: Int64 = 1) throws(GSLError) -> OrganisationDraft {
        var all: [String: String?] = ["name": "宁波甲公司", "uscc": "91330200711192037M"]
        all.merge(fields) { $1 }
        return try OrganisationDraft.parse(
            FieldReader(all), defaultKind: .enterprise, moneyScale: ["revenue": scale, "assets": scale])
    }

    @Test func phonesNumbersAndAmounts() throws {
        #expect(try parse(["phone": "0574-87654321转8001"]).phone == "0574-87654321转8001")
        #expect(try parse(["phone": "０５７４-８７６５４３２１"]).phone == "0574-87654321")
        #expect(throws: GSLError.self) { try parse(["phone": "0574-8765abc"]) }
        #expect(try parse(["employees": "120"]).employees == 120)
        #expect(try parse(["employees": "１２０人"]).employees == 120)
        #expect(try parse(["employees": "1,200"]).employees == 1_200)
        #expect(throws: GSLError.self) { try parse(["employees": "-5"]) }
        #expect(throws: GSLError.self) { try parse(["employees": "十二"]) }
        // In a 万元 column plain numbers are 万元; an amount with its own unit keeps it.
        #expect(try parse(["revenue": "3500"], scale: 10_000).revenue?.fen == 3_500 * 10_000 * 100)
        #expect(try parse(["revenue": "3.6亿"], scale: 10_000).revenue?.fen == 36_000 * 10_000 * 100)
        #expect(try parse(["revenue": "250万元"], scale: 10_000).revenue?.fen == 250 * 10_000 * 100)
    }
}
