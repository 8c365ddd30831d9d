import Foundation
import GRDB
import GSLCore
import GSLStore
import GSLTestSupport
import Testing

/// A fresh in-memory store with Ningbo's city and two counties, for one test.
func makeStore() throws -> Store {
    let store = try Store(inMemory: Store.coreMigrations)
    let dir = try Fixtures.temporaryDirectory()
    let path = dir.appendingPathComponent("regions.csv").path
    try
        "code,name,parent_code,kind\n33,浙江省,,省\n3302,宁波市,33,地级市\n330203,海曙区,3302,市辖区\n330226,宁海县,3302,县\n330203001,南门街道,330203,街道\n"
        .write(toFile: path, atomically: true, encoding: .utf8)
    _ = try RegionRepository(store: store).importFiles(
        [ImportOptions(path: path)], context: MutationContext(actor: "t", command: "setup"))
    return store
}

func draft(_ name: String, _ uscc: String, region: String? = "330203", note: String? = nil) throws
    -> OrganisationDraft
{
    try OrganisationDraft.parse(
        FieldReader(["name": name, "uscc": uscc, "region": region, "note": note]), defaultKind: .enterprise)
}

@Suite struct AuditChainTests {
    @Test func everyMutationIsChainedAndVerifies() throws {
        let store = try makeStore()
        let repo = OrganisationRepository(store: store)
        let org = try repo.add(
            try draft("宁波银行股份有限公司", "91330200711192037M"),
            context: MutationContext(actor: "王芳", command: "org add"))
        _ = try repo.edit(
            String(org.id), changes: ["note": "总行"], expectedVersion: 1,
            context: MutationContext(actor: "李明", command: "org edit"))
        let audit = AuditRepository(store: store)
        let entries = try audit.log(entity: "organisation:\(org.id)", actor: nil, since: nil, limit: nil)
        #expect(entries.map(\.action) == ["insert", "update"])
        #expect(entries.map(\.actor) == ["王芳", "李明"])
        #expect(entries[1].before?.contains("\"note\":null") == true)
        #expect(entries[1].after?.contains("\"note\":\"总行\"") == true)
        #expect(try audit.verify().problems.isEmpty)
    }

    @Test func appendOnlyTriggersRefuseEdits() throws {
        let store = try makeStore()
        #expect(throws: (any Error).self) {
            try store.writer.write { db in
                try db.execute(sql: "UPDATE audit_log SET actor = 'x' WHERE seq = 1")
            }
        }
        #expect(throws: (any Error).self) {
            try store.writer.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE seq = 1") }
        }
    }

    @Test func detectsAnEditedEntry() throws {
        let store = try makeStore()
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = '某人' WHERE seq = 2")
        }
        let problems = try AuditRepository(store: store).verify().problems
        #expect(problems.contains { $0.en.contains("entry 2 was altered") })
    }

    @Test func detectsADeletedEntryInTheMiddleAndAtTheEnd() throws {
        let store = try makeStore()
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE seq = 3")
        }
        let middle = try AuditRepository(store: store).verify().problems
        #expect(middle.contains { $0.en.contains("missing") })
        let other = try makeStore()
        try other.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
        }
        let tail = try AuditRepository(store: other).verify().problems
        #expect(tail.contains { $0.en.contains("head") })
    }
}

@Suite struct ConcurrencyTests {
    @Test func staleVersionIsAConflictAndNothingIsLost() throws {
        let store = try makeStore()
        let repo = OrganisationRepository(store: store)
        let org = try repo.add(
            try draft("宁波银行股份有限公司", "91330200711192037M"),
            context: MutationContext(actor: "a", command: "add"))
        _ = try repo.edit(
            String(org.id), changes: ["note": "甲"], expectedVersion: org.version,
            context: MutationContext(actor: "a", command: "edit"))
        #expect(throws: GSLError.self) {
            _ = try repo.edit(
                String(org.id), changes: ["note": "乙"], expectedVersion: org.version,
                context: MutationContext(actor: "b", command: "edit"))
        }
        do {
            _ = try repo.edit(
                String(org.id), changes: ["note": "乙"], expectedVersion: org.version,
                context: MutationContext(actor: "b", command: "edit"))
        } catch {
            #expect(error.kind == .conflict)
        }
        #expect(try repo.get(String(org.id)).note == "甲")
    }

    @Test func twoProcessesOnOneFileBothCommit() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("shared.sqlite").path
        let a = try Store(path: path, create: true)
        let b = try Store(path: path)
        let group = DispatchGroup()
        let errors = ErrorBox()
        for (i, store) in [a, b].enumerated() {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                do {
                    for n in 0..<50 {
                        let index = i * 50 + n
                        let code = SyntheticUSCC.make(index)
                        _ = try OrganisationRepository(store: store).add(
                            try OrganisationDraft.parse(
                                FieldReader(["name": "企业\(index)", "uscc": code]), defaultKind: .enterprise),
                            context: MutationContext(actor: "p\(i)", command: "add"))
                    }
                } catch {
                    errors.add(error)
                }
            }
        }
        group.wait()
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(try OrganisationRepository(store: a).count(OrganisationFilter()) == 100)
        #expect(try AuditRepository(store: b).verify().problems.isEmpty)
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func add(_ e: any Error) { lock.lock(); errors.append(e); lock.unlock() }
    var all: [any Error] { lock.lock(); defer { lock.unlock() }; return errors }
}

/// Valid, distinct USCCs for tests.
enum SyntheticUSCC {
    static func make(_ index: Int) -> String {
        let body = String(format: "%09d", index)
        let first17 = "91330203" + body
        return first17 + String(USCC.checkCharacter(forFirst17: first17)!)
    }
}

@Suite struct SearchTests {
    @Test func findsOneTwoAndManyCharacterQueriesAndFollowsEdits() throws {
        let store = try makeStore()
        let repo = OrganisationRepository(store: store)
        let org = try repo.add(
            try draft("宁波甬联融资担保有限公司", "91330200711192037M", note: "服务小微企业"),
            context: MutationContext(actor: "a", command: "add"))
        let search = SearchRepository(store: store)
        #expect(try search.search("融资", entity: nil, limit: 10).map(\.title) == ["宁波甬联融资担保有限公司"])
        #expect(try search.search("甬", entity: "organisation", limit: 10).count == 1)
        #expect(try search.search("融资担保", entity: nil, limit: 10).count == 1)
        #expect(try search.search("小微企业", entity: nil, limit: 10).count == 1)
        #expect(try search.search("海曙", entity: "region", limit: 10).map(\.entityID) == ["330203"])
        // Credit codes (whole or a 6+ character prefix, any case) are found through their index.
        #expect(
            try search.search("91330200711192037m", entity: nil, limit: 10).map(\.entityID) == [
                String(org.id)
            ])
        #expect(try search.search("9133020071", entity: "organisation", limit: 10).count == 1)
        #expect(try search.search("9133020071", entity: "person", limit: 10).isEmpty)
        _ = try repo.edit(
            String(org.id), changes: ["name": "宁波甬联科技有限公司"], expectedVersion: nil,
            context: MutationContext(actor: "a", command: "edit"))
        #expect(try search.search("融资担保", entity: nil, limit: 10).isEmpty)
        #expect(try search.search("甬联科技", entity: nil, limit: 10).count == 1)
    }

    @Test func aWordMustOccurWholeNotJustItsTrigrams() throws {
        let store = try makeStore()
        let repo = OrganisationRepository(store: store)
        // Holds 海曙区 and 曙区文 (every trigram of 海曙区文) but not 海曙区文 itself.
        _ = try repo.add(
            try draft("宁波海曙区商贸与曙区文创有限公司", "91330200711192037M", note: "Smart Port 项目"),
            context: MutationContext(actor: "a", command: "add"))
        let search = SearchRepository(store: store)
        #expect(try search.search("海曙区文", entity: nil, limit: 10).isEmpty)
        #expect(try search.search("曙区文创", entity: nil, limit: 10).count == 1)
        // Latin text matches in any case, in the body too.
        #expect(try search.search("smart port", entity: "organisation", limit: 10).count == 1)
        #expect(try search.search("SMART", entity: "organisation", limit: 10).count == 1)
        #expect(try search.search("Smart\"", entity: "organisation", limit: 10).isEmpty)
        #expect(
            SearchRepository.trigramQuery(["海曙区文", "Ab\"c"]) == #""海曙区" AND "曙区文" AND "ab""" AND "b""c""#)
    }
}

@Suite struct ImportTransactionTests {
    @Test func aBadRowLateInTheFileWritesNothing() throws {
        let store = try makeStore()
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("firms.csv").path
        var csv = "名称,统一社会信用代码,所在地区\n"
        for i in 0..<20 { csv += "企业\(i),\(SyntheticUSCC.make(i)),330203\n" }
        csv += "最后一家,\(SyntheticUSCC.make(99)),330299\n"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let repo = OrganisationRepository(store: store)
        do {
            _ = try repo.importFile(
                ImportOptions(path: path), defaultKind: .enterprise,
                context: MutationContext(actor: "a", command: "import"))
            Issue.record("expected a failure")
        } catch {
            #expect(error.location?.line == 22)
            #expect(error.location?.column == 3)
            #expect(error.kind == .data)
        }
        #expect(try repo.count(OrganisationFilter()) == 0)
        #expect(
            try AuditRepository(store: store).log(entity: "organisation", actor: nil, since: nil, limit: nil)
                .isEmpty)
    }

    @Test func dryRunReportsWithoutWriting() throws {
        let store = try makeStore()
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("firms.csv").path
        try "名称,统一社会信用代码,所在地区\n企业,\(SyntheticUSCC.make(1)),海曙区\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let report = try OrganisationRepository(store: store).importFile(
            ImportOptions(path: path, dryRun: true), defaultKind: nil,
            context: MutationContext(actor: "a", command: "import"))
        #expect(report.inserted == 1)
        #expect(report.dryRun)
        #expect(try OrganisationRepository(store: store).count(OrganisationFilter()) == 0)
    }
}

@Suite struct RegionTests {
    @Test func pathAndRefusals() throws {
        let store = try makeStore()
        let repo = RegionRepository(store: store)
        #expect(try repo.path("南门街道").path.map(\.code) == ["33", "3302", "330203", "330203001"])
        let dir = try Fixtures.temporaryDirectory()
        let orphan = dir.appendingPathComponent("orphan.csv").path
        try "code,name\n330205001,某街道\n".write(toFile: orphan, atomically: true, encoding: .utf8)
        #expect(throws: GSLError.self) {
            _ = try repo.importFiles(
                [ImportOptions(path: orphan)], context: MutationContext(actor: "a", command: "x"))
        }
    }
}
