import GRDB
import GSLCore

/// The result of checking the audit chain.
public struct AuditVerification: Sendable, Equatable {
    /// Entries checked.
    public var entries: Int
    /// Edits, deletions and breaks found; empty when the chain is intact.
    public var problems: [Message]
}

/// Reads and verifies the audit log.
public struct AuditRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// Entries, newest last, filtered by entity (type, or `type:id`), actor and start instant/date.
    public func log(entity: String?, actor: String?, since: String?, limit: Int?) throws(GSLError)
        -> [AuditEntry]
    {
        try store.read { db in
            var clauses: [String] = []
            var args = StatementArguments()
            if let entity {
                let parts = entity.split(separator: ":", maxSplits: 1).map(String.init)
                clauses.append("entity = ?")
                args += [parts[0]]
                if parts.count == 2 {
                    if let id = Int64(parts[1]) {
                        // Bulk imports record rows in entries whose id is a range `first..last`.
                        clauses.append(
                            """
                            (entity_id = ? OR (instr(entity_id, '..') > 0
                                AND CAST(substr(entity_id, 1, instr(entity_id, '..') - 1) AS INTEGER) <= ?
                                AND CAST(substr(entity_id, instr(entity_id, '..') + 2) AS INTEGER) >= ?))
                            """)
                        args += [parts[1], id, id]
                    } else {
                        clauses.append("entity_id = ?")
                        args += [parts[1]]
                    }
                }
            }
            if let actor {
                clauses.append("actor = ?")
                args += [actor]
            }
            if let since {
                clauses.append("at >= ?")
                args += [since]
            }
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            var sql = "SELECT * FROM (SELECT * FROM audit_log\(whereSQL) ORDER BY seq DESC"
            if let limit {
                sql += " LIMIT ?"
                args += [limit]
            }
            sql += ") ORDER BY seq"
            return try AuditEntry.fetchAll(db, sql: sql, arguments: args)
        }
    }

    /// Walks the whole chain: each hash must match its fields, each entry must point at the one
    /// before, numbering must have no gaps, and the head record must match the last entry.
    public func verify() throws(GSLError) -> AuditVerification {
        try store.read { db in
            var problems: [Message] = []
            var previousHash = ""
            var expectedSeq: Int64 = 1
            var count = 0
            let cursor = try AuditEntry.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
            while let entry = try cursor.next() {
                count += 1
                if entry.seq != expectedSeq {
                    problems.append(
                        Message(
                            "审计日志缺少第 \(expectedSeq)–\(entry.seq - 1) 条（已被删除）",
                            en: "audit entries \(expectedSeq)–\(entry.seq - 1) are missing (deleted)"))
                }
                if entry.prevHash != previousHash {
                    problems.append(
                        Message(
                            "第 \(entry.seq) 条的前序哈希不符（链条断裂）",
                            en: "entry \(entry.seq): previous hash does not match (chain broken)"))
                }
                if !entry.isIntact {
                    problems.append(
                        Message(
                            "第 \(entry.seq) 条内容已被改动（哈希不符）",
                            en: "entry \(entry.seq) was altered (hash mismatch)"))
                }
                previousHash = entry.hash
                expectedSeq = entry.seq + 1
                if problems.count > 50 { break }
            }
            if let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1") {
                let seq: Int64 = head["seq"]
                let hash: String = head["hash"]
                if seq != expectedSeq - 1 || hash != previousHash {
                    problems.append(
                        Message(
                            "审计日志末尾与记录的链头（第 \(seq) 条）不符：末尾条目被删除或改动",
                            en:
                                "the end of the audit log does not match the recorded head (entry \(seq)): trailing entries deleted or altered"
                        ))
                }
            } else if count > 0 {
                problems.append(Message("缺少审计链头记录", en: "the audit head record is missing"))
            }
            return AuditVerification(entries: count, problems: problems)
        }
    }
}

extension AuditRepository {
    /// The newest entry of the chain (seq and hash), nil when the log is empty.
    public func head() throws(GSLError) -> (seq: Int64, hash: String)? {
        try store.read { db in
            try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").map {
                ($0["seq"] as Int64, $0["hash"] as String)
            }
        }
    }

    /// Signs the chain's head with `key` at instant `at` (nothing is written to the database: the
    /// anchor is kept outside it). Refused on an empty log or a chain that does not verify.
    public func anchor(with key: AuditSigningKey, at: String) throws(GSLError) -> AuditAnchor {
        let chain = try verify()
        guard chain.problems.isEmpty else {
            throw GSLError(.data, chain.problems[0]).because(.auditChainBroken)
        }
        guard let head = try head() else {
            throw GSLError.data("审计日志为空，无可签名的链头", en: "the audit log is empty: no head to sign")
        }
        return try key.anchor(seq: head.seq, hash: head.hash, at: at)
    }

    /// Checks anchors against the chain: each signature must be valid (and by `publicKey` when
    /// given), and the chain must still hold each anchored entry with the anchored hash. An edit
    /// anywhere at or before an anchored entry changes that entry's hash (the chain covers every
    /// earlier entry), so it fails here even when every hash after the edit was recomputed.
    public func verify(anchors: [AuditAnchor], publicKey: String?) throws(GSLError) -> [Message] {
        var problems: [Message] = []
        let hashes: [Int64: String] = try store.read { db in
            var out: [Int64: String] = [:]
            for anchor in anchors {
                out[anchor.seq] = try String.fetchOne(
                    db, sql: "SELECT hash FROM audit_log WHERE seq = ?", arguments: [anchor.seq])
            }
            return out
        }
        for anchor in anchors {
            if let publicKey, anchor.publicKey.lowercased() != publicKey.lowercased() {
                problems.append(
                    Message(
                        "锚点（第 \(anchor.seq) 条）不是由指定的公钥签名",
                        en: "the anchor of entry \(anchor.seq) was not signed by the given public key"))
            } else if !anchor.signatureIsValid {
                problems.append(
                    Message(
                        "锚点（第 \(anchor.seq) 条）的签名无效",
                        en: "the anchor of entry \(anchor.seq) has an invalid signature"))
            } else if let stored = hashes[anchor.seq] {
                if stored != anchor.hash {
                    problems.append(
                        Message(
                            "审计链已不再经过签名的链头：第 \(anchor.seq) 条的哈希与锚点（\(anchor.at)）不符",
                            en:
                                "the chain no longer reaches the signed head: entry \(anchor.seq) differs from its anchor of \(anchor.at)"
                        ))
                }
            } else {
                problems.append(
                    Message(
                        "审计链缺少锚点所签的第 \(anchor.seq) 条",
                        en: "the chain lacks entry \(anchor.seq) signed by an anchor"))
            }
        }
        return problems
    }
}
