import GRDB
import GSLCore
import GSLStore
import GSLTestSupport
import Testing

/// A batch (the generated year) is one transaction: all of it commits or none of it does, and its
/// reads see its own writes.
@Suite struct StoreBatchTests {
    @Test func aBatchCommitsWholeOrNotAtAll() throws {
        let store = try makeStore()
        let repo = OrganisationRepository(store: store)
        let context = MutationContext(actor: "王芳", command: "demo generate")
        func count(_ table: String) throws(GSLError) -> Int {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
        }
        func organisations() throws(GSLError) -> Int { try count("organisations") }
        var seen = 0
        let first = try draft("宁波银行股份有限公司", "91330200711192037M")
        let second = try draft("宁波甬联科技有限公司", "91350100M000100Y43")
        try store.batch { () throws(GSLError) in
            _ = try repo.add(first, context: context)
            seen = try organisations()
        }
        // Reads inside the batch see its writes.
        #expect(seen == 1)
        #expect(try organisations() == 1)
        // A failure halfway rolls back what the batch wrote before it, audit entries included.
        let entries = try count("audit_log")
        #expect(throws: GSLError.self) {
            try store.batch { () throws(GSLError) in
                _ = try repo.add(second, context: context)
                throw GSLError.data("中途失败", en: "failed halfway")
            }
        }
        #expect(try organisations() == 1)
        #expect(try count("audit_log") == entries)
    }

    /// A stress batch leaves WAL for a rollback journal and comes back to it, committed or rolled
    /// back; a batch that cannot have the file to itself stays in WAL and still works.
    @Test func aStressBatchRunsOutsideTheWALAndComesBack() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("batch.sqlite").path
        let store = try Store(path: path, create: true)
        let repo = OrganisationRepository(store: store)
        let context = MutationContext(actor: "王芳", command: "demo generate")
        func mode() throws(GSLError) -> String {
            try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
        }
        func organisations() throws(GSLError) -> Int {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM organisations") ?? 0 }
        }
        #expect(try mode() == "wal")
        let first = try draft("宁波银行股份有限公司", "91330200711192037M", region: nil)
        let second = try draft("宁波甬联科技有限公司", "91350100M000100Y43", region: nil)
        var inside = ""
        try store.batch(rollbackJournal: true) { () throws(GSLError) in
            _ = try repo.add(first, context: context)
            inside = try mode()
        }
        #expect(inside == "truncate")
        #expect(try mode() == "wal" && organisations() == 1)
        #expect(throws: GSLError.self) {
            try store.batch(rollbackJournal: true) { () throws(GSLError) in
                _ = try repo.add(second, context: context)
                throw GSLError.data("中途失败", en: "failed halfway")
            }
        }
        #expect(try mode() == "wal" && organisations() == 1)
        // Another connection on the file: the batch stays in WAL.
        let other = try Store(path: path)
        _ = try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM organisations") }
        try other.read { _ in
            try store.batch(rollbackJournal: true) { () throws(GSLError) in
                _ = try repo.add(second, context: context)
                inside = try mode()
            }
        }
        #expect(inside == "wal")
        #expect(try mode() == "wal" && organisations() == 2)
        #expect(try AuditRepository(store: store).verify().problems.isEmpty)
    }
}
