import GRDB
import GSLCore
import GSLStore
import Testing

/// Signed anchors make tampering visible to someone who can rewrite the file and recompute every
/// hash of the chain: they cannot sign the new head.
@Suite struct AuditAnchorTests {
    func storeWithEntries() throws -> Store {
        let store = try makeStore()
        let repo = OrganisationRepository(store: store)
        _ = try repo.add(
            try draft("宁波银行股份有限公司", "91330200711192037M"),
            context: MutationContext(actor: "王芳", command: "org add", at: "2025-01-02T03:04:05.000Z"))
        return store
    }

    /// What a file editor who can run code does: edit an entry, then recompute the hash of it and
    /// of every entry after it and the head, so that the plain chain verifies again.
    func rewriteHistory(_ store: Store, editing seq: Int64) throws {
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(
                sql: "UPDATE audit_log SET actor = '某人' WHERE seq = ?", arguments: [seq])
            var previous =
                try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE seq = ?", arguments: [seq - 1])
                ?? ""
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq", arguments: [seq])
            {
                let hash = AuditEntry.computeHash(
                    seq: row["seq"], at: row["at"], actor: row["actor"], command: row["command"],
                    action: row["action"], entity: row["entity"], entityID: row["entity_id"],
                    before: row["before"],
                    after: row["after"], prevHash: previous)
                try db.execute(
                    sql: "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                    arguments: [previous, hash, row["seq"] as Int64])
                previous = hash
            }
            try db.execute(sql: "UPDATE audit_head SET hash = ? WHERE id = 1", arguments: [previous])
        }
    }

    @Test func anAnchorSurvivesHonestWorkAndCatchesARewrittenChain() throws {
        let store = try storeWithEntries()
        let audit = AuditRepository(store: store)
        let key = AuditSigningKey.generate()
        let anchor = try audit.anchor(with: key, at: "2025-01-02T05:00:00.000Z")
        #expect(anchor.signatureIsValid)
        #expect(try audit.verify(anchors: [anchor], publicKey: key.publicKeyHex).isEmpty)
        // More honest work after the anchor: the chain still reaches the signed head.
        _ = try OrganisationRepository(store: store).add(
            try draft("宁波甬联科技有限公司", "91350100M000100Y43"),
            context: MutationContext(actor: "李明", command: "org add"))
        #expect(try audit.verify(anchors: [anchor], publicKey: nil).isEmpty)

        try rewriteHistory(store, editing: 2)
        #expect(try audit.verify().problems.isEmpty, "the plain chain is fooled by a full rewrite")
        let problems = try audit.verify(anchors: [anchor], publicKey: nil)
        #expect(problems.count == 1)
        #expect(problems.first?.en.contains("no longer reaches the signed head") == true)
    }

    @Test func forgedOrForeignAnchorsAreRefused() throws {
        let store = try storeWithEntries()
        let audit = AuditRepository(store: store)
        let key = AuditSigningKey.generate(), other = AuditSigningKey.generate()
        var anchor = try audit.anchor(with: key, at: "2025-01-02T05:00:00.000Z")
        #expect(try audit.verify(anchors: [anchor], publicKey: other.publicKeyHex).count == 1)
        anchor.hash = String(repeating: "0", count: 64)
        #expect(!anchor.signatureIsValid)
        #expect(try audit.verify(anchors: [anchor], publicKey: nil).count == 1)
    }

    @Test func anchorLinesAndKeyFilesRoundTripAndBadOnesSayWhere() throws {
        let key = AuditSigningKey.generate()
        let again = try AuditSigningKey(fileText: key.fileText, file: "k")
        #expect(again.publicKeyHex == key.publicKeyHex)
        let anchor = try key.anchor(
            seq: 7, hash: String(repeating: "a", count: 64), at: "2025-01-01T00:00:00.000Z")
        let parsed = try AuditAnchor.parseFile("# anchors\n\n" + anchor.line + "\n", file: "a.txt")
        #expect(parsed == [anchor])
        #expect(parsed[0].signatureIsValid)
        let bad = #expect(throws: GSLError.self) {
            try AuditAnchor.parseFile(anchor.line + "\ngsl-audit-anchor v1 seq=x\n", file: "a.txt")
        }
        #expect(bad?.cause == .auditAnchorMalformed)
        #expect(bad?.location == SourceLocation(file: "a.txt", line: 2))
        let badKey = #expect(throws: GSLError.self) { try AuditSigningKey(fileText: "not a key", file: "k") }
        #expect(badKey?.cause == .auditKeyMalformed)
    }
}
