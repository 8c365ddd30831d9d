import Foundation
import GRDB
import GSLCore

/// One table of a replay, in the source and in the replayed store.
public struct ReplayedTable: Sendable, Equatable {
    /// What the table is to replay.
    public var kind: StoreTableKind
    /// Its digest in the source store.
    public var source: TableDigest
    /// Its digest in the replayed store.
    public var replay: TableDigest

    /// The table's name.
    public var table: String { source.table }
    /// Whether both hold the same rows.
    public var isEqual: Bool { source.hash == replay.hash }
}

/// What `AuditReplay.replay(into:)` did and found.
public struct ReplayReport: Sendable, Equatable {
    /// The replayed store's path.
    public var target: String
    /// Audit entries replayed (all of the source's log, copied in order).
    public var entries: Int
    /// Entries that changed rows of a table.
    public var rowEntries: Int
    /// Entries carried over that change no table (disclosures, import summaries).
    public var notes: Int
    /// Every compared table, by name.
    public var tables: [ReplayedTable]
    /// Entries whose `before` did not describe the row as the replay held it (or whose row was
    /// missing): the source's row was changed around the log before that entry. The first 20.
    public var divergences: [Message]
    /// The first row that differs in the first table that must match, when one does.
    public var firstDifference: Message?
    /// Problems of the replayed store's own audit chain (none when the copy is faithful).
    public var chainProblems: [Message]

    /// The tables that must match (audited, unregistered, the log) but do not.
    public var differing: [ReplayedTable] { tables.filter { $0.kind.mustMatch && !$0.isEqual } }

    /// Whether the log accounts for every row of the source.
    public var isFaithful: Bool { differing.isEmpty && divergences.isEmpty && chainProblems.isEmpty }

    /// The first reason the replay is not faithful, nil when it is.
    public var firstProblem: Message? {
        if let first = differing.first {
            let detail = firstDifference ?? Message("", en: "")
            return Message(
                "重放结果与源库不一致：\(first.table) 表（源库 \(first.source.rows) 行，重放 \(first.replay.rows) 行，内容哈希不同）\(detail.zh.isEmpty ? "" : "；" + detail.zh)",
                en:
                    "the replay differs from the source: table \(first.table) (\(first.source.rows) rows in the source, \(first.replay.rows) replayed, content hashes differ)\(detail.en.isEmpty ? "" : "; " + detail.en)"
            )
        }
        return divergences.first ?? chainProblems.first
    }
}

/// Rebuilds a store from its audit log alone: a fresh store with the same migrations receives every
/// entry in sequence order — inserts, updates and deletes of single rows, row batches of bulk
/// imports and `writeRows` (upserts for entries recorded as `update`) — and the log itself, entry by
/// entry, so the copy's chain verifies. Entries that change no table (disclosures, import summaries)
/// are carried over only. Then every table is compared with the source by content hash: equal
/// audited tables prove that no write bypassed the log.
public struct AuditReplay: Sendable {
    /// The store whose log is replayed.
    public let source: Store
    /// Every module's audited entities (which table each entity's entries change).
    public let entities: [AuditedEntity]

    /// A replay of `source`'s log, reading entity names through `entities`.
    public init(source: Store, entities: [AuditedEntity]) {
        self.source = source
        self.entities = entities
    }

    /// Replays the log into a new store at `path` (refused when the path exists, exit 75) and
    /// compares it with the source. A source whose chain does not verify is refused (exit 65); an
    /// entry that cannot be applied stops the replay (exit 65, naming the entry) and removes the
    /// new file. A replay that finishes keeps the file, equal or not, for inspection.
    public func replay(into path: String) throws(GSLError) -> ReplayReport {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw GSLError.conflict(
                "目标文件已存在：\(path)（重放只写入新文件）", en: "target file exists: \(path) (replay writes a new file only)"
            ).because(.replayTargetExists)
        }
        let chain = try AuditRepository(store: source).verify()
        if let problem = chain.problems.first { throw GSLError(.data, problem).because(.auditChainBroken) }
        let target = try Store(path: path, migrations: source.migrations, create: true)
        do {
            let applied = try apply(into: target)
            var report = try compare(target)
            report.target = path
            report.entries = applied.entries
            report.rowEntries = applied.rowEntries
            report.notes = applied.notes
            report.divergences = applied.divergences
            try? target.writer.close()
            return report
        } catch {
            try? target.writer.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    /// Applies every entry of the source's log to `target` in one transaction (foreign keys checked
    /// at its end: a bulk import records its rows after the single-row entries made meanwhile).
    private func apply(into target: Store) throws(GSLError) -> ReplayApplier {
        let byName = Dictionary(entities.map { ($0.entity, $0) }, uniquingKeysWith: { first, _ in first })
        // Errors inside are the applier's own (naming the entry) or SQLite's, translated by the store.
        return try source.read { sourceDB in
            try target.writer.write { db in
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                var applier = ReplayApplier(db: db, entities: byName)
                let cursor = try AuditEntry.fetchCursor(sourceDB, sql: "SELECT * FROM audit_log ORDER BY seq")
                while let entry = try cursor.next() { try applier.apply(entry) }
                try applier.finish()
                return applier
            }
        }
    }

    /// Compares every table of the source with `replayed` (a store with the same migrations).
    public func compare(_ replayed: Store) throws(GSLError) -> ReplayReport {
        let entities = self.entities
        var report = try source.read { s in
            try replayed.read { r in
                let sourceTables = try TableContent.tables(s, entities: entities)
                let replayTables = Dictionary(
                    try TableContent.tables(r, entities: entities).map { ($0.name, $0.kind) },
                    uniquingKeysWith: { a, _ in a })
                var tables: [ReplayedTable] = []
                var first: Message?
                var seen = Set<String>()
                for (name, kind) in sourceTables {
                    seen.insert(name)
                    let mine = try TableContent.digest(s, table: name)
                    let theirs =
                        replayTables[name] == nil
                        ? TableDigest(table: name, rows: 0, hash: "")
                        : try TableContent.digest(r, table: name)
                    let table = ReplayedTable(kind: kind, source: mine, replay: theirs)
                    if first == nil, kind.mustMatch, !table.isEqual {
                        first =
                            replayTables[name] == nil
                            ? Message("重放结果中没有 \(name) 表", en: "the replay has no table \(name)")
                            : try TableContent.firstDifference(s, r, table: name)
                    }
                    tables.append(table)
                }
                for (name, kind) in replayTables.sorted(by: { $0.key < $1.key }) where !seen.contains(name) {
                    let table = ReplayedTable(
                        kind: kind, source: TableDigest(table: name, rows: 0, hash: ""),
                        replay: try TableContent.digest(r, table: name))
                    if first == nil, kind.mustMatch {
                        first = Message("源库中没有 \(name) 表", en: "the source has no table \(name)")
                    }
                    tables.append(table)
                }
                return ReplayReport(
                    target: replayed.path ?? "", entries: 0, rowEntries: 0, notes: 0, tables: tables,
                    divergences: [], firstDifference: first, chainProblems: [])
            }
        }
        report.chainProblems = try AuditRepository(store: replayed).verify().problems
        return report
    }
}
