import GRDB
import GSLCore
import GSLStore
import Testing

/// Every write passes the audited path: a row that a module changes inside `Store.write` other
/// than through `Mutation` fails the whole write, which leaves nothing.
@Suite struct AuditedWritesTests {
    /// An audited write: 江北区 as a bulk entry (`batch#1`).
    static func addJiangbei(_ m: Mutation) throws {
        try m.writeRows(
            into: "regions", entity: "region", entityID: "batch",
            columns: ["code", "name", "parent_code", "level"],
            rows: [["330205", "江北区", "3302", "county"].map { $0.databaseValue }])
    }

    static func regionCount(_ store: Store) throws -> Int? {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM regions") }
    }

    @Test func aWriteAroundTheAuditLogIsRefusedAndLeavesNothing() throws {
        let store = try makeStore()
        let context = MutationContext(actor: "t", command: "test")
        let before = try Self.regionCount(store)
        let error = #expect(throws: GSLError.self) {
            try store.write(context) { m in
                try m.db.execute(sql: "DELETE FROM regions WHERE code = '330226'")
            }
        }
        #expect(error?.cause == .writeBypassedAudit)
        #expect(error?.kind == .internalError)
        #expect(error?.message.en.contains("bypassed the audit log") == true)
        let after = try Self.regionCount(store)
        #expect(after == before)
    }

    @Test func readsAndAuditedWritesWorkInsideTheSameTransaction() throws {
        let store = try makeStore()
        let context = MutationContext(actor: "t", command: "test")
        let seqBefore = try store.read { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM audit_log") }
        try store.write(context) { m in
            let count = try Int.fetchOne(m.db, sql: "SELECT count(*) FROM regions")
            #expect(count == 5)
            try Self.addJiangbei(m)
            #expect(try String.fetchOne(m.db, sql: "SELECT name FROM regions WHERE code = '330205'") == "江北区")
        }
        let names = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM regions WHERE code = '330205'")
        }
        #expect(names == ["江北区"])
        let entries = try AuditRepository(store: store).log(
            entity: "region", actor: nil, since: nil, limit: nil)
        #expect(entries.contains { $0.entityID == "batch#1" && ($0.seq > (seqBefore ?? 0)) })
        #expect(try AuditRepository(store: store).verify().problems.isEmpty)
    }

    @Test func aWriteAroundTheLogAfterAnAuditedOneFailsTheWholeWrite() throws {
        let store = try makeStore()
        let context = MutationContext(actor: "t", command: "test")
        let seqBefore = try store.read { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM audit_log") }
        let error = #expect(throws: GSLError.self) {
            try store.write(context) { m in
                try Self.addJiangbei(m)
                try m.db.execute(sql: "UPDATE regions SET name = '江北' WHERE code = '330205'")
                // The next audited write finds the stray change before making its own.
                try m.insert(
                    into: "regions", entity: "region",
                    values: [
                        ("code", "330206".databaseValue), ("name", "北仑区".databaseValue),
                        ("parent_code", "3302".databaseValue), ("level", "county".databaseValue),
                    ], key: "330206")
                Issue.record("the audited insert after a stray change went through")
            }
        }
        #expect(error?.cause == .writeBypassedAudit)
        let left = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM regions WHERE code IN ('330205', '330206')")
        }
        #expect(left == 0)
        let seqAfter = try store.read { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM audit_log") }
        #expect(seqAfter == seqBefore)
    }

    @Test func aWriteAroundTheLogInABatchReadFailsTheBatch() throws {
        let store = try makeStore()
        let context = MutationContext(actor: "t", command: "test")
        let before = try Self.regionCount(store)
        let error = #expect(throws: GSLError.self) {
            try store.batch { () throws(GSLError) in
                try store.write(context) { m in
                    try Self.addJiangbei(m)
                }
                try store.read { db in try db.execute(sql: "DELETE FROM regions WHERE code = '330226'") }
            }
        }
        #expect(error?.cause == .writeBypassedAudit)
        let after = try Self.regionCount(store)
        #expect(after == before)
    }
}

/// The core tables' enumeration CHECKs, after migration, admit exactly the Swift enums' values
/// (the historical migrations spell the lists out; this keeps them from drifting).
@Suite struct CoreEnumerationCheckTests {
    @Test(arguments: [
        ("regions", "level", DivisionLevel.allCases.map(\.rawValue)),
        ("organisations", "kind", OrganisationKind.allCases.map(\.rawValue)),
        ("organisations", "size", EnterpriseSize.allCases.map(\.rawValue)),
        ("organisations", "chamber_type", ChamberType.allCases.map(\.rawValue)),
        ("people", "kind", PersonKind.allCases.map(\.rawValue)),
    ])
    func checkMatchesTheEnum(table: String, column: String, values: [String]) throws {
        let store = try Store(inMemory: Store.coreMigrations)
        let sql =
            try store.read { db in
                try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                    arguments: [table])
            } ?? ""
        #expect(sql.contains(SQLEnumeration.oneOf(column, values)), "\(table).\(column): \(sql)")
    }
}
