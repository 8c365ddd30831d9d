import GRDB
import GSLCore

extension MaintenanceRepository {
    /// The core search triggers that keep `search_index` in step with its tables.
    static let searchTriggers = ["organisations", "people", "regions"].flatMap { table in
        ["insert", "update", "delete"].map { "\(table)_search_\($0)" }
    }

    /// Problems with the full-text search index: missing table or triggers, rows out of step with
    /// their tables, or an index that fails FTS5's own integrity check.
    public func searchIndexProblems() throws(GSLError) -> [Message] {
        let fix = Message(
            "（搜索将找不到记录；请从备份恢复）",
            en: " (searches will miss records; restore from a backup)")
        var problems = try store.read { db -> [Message] in
            var out: [Message] = []
            let objects = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master"))
            guard objects.contains("search_index") else {
                return [
                    Message(
                        "全文搜索索引 search_index 不存在" + fix.zh,
                        en: "the search index search_index is missing" + fix.en)
                ]
            }
            for trigger in Self.searchTriggers where !objects.contains(trigger) {
                out.append(
                    Message(
                        "全文搜索触发器 \(trigger) 不存在，新改动不会进入索引",
                        en: "search trigger \(trigger) is missing; new changes do not reach the index"))
            }
            for (entity, table) in [
                ("organisation", "organisations"), ("person", "people"), ("region", "regions"),
            ] {
                let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                let indexed =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM search_index WHERE entity = ?", arguments: [entity])
                    ?? 0
                if rows != indexed {
                    out.append(
                        Message(
                            "全文搜索索引与 \(table) 不一致：表中 \(rows) 行，索引中 \(indexed) 行",
                            en:
                                "the search index is out of step with \(table): \(rows) rows, \(indexed) indexed"
                        ))
                }
            }
            return out
        }
        // FTS5's own check reads every index structure; it is written as an INSERT, so it needs a
        // writable connection (it changes nothing).
        if !store.isReadOnly, problems.isEmpty {
            do {
                try store.writer.writeWithoutTransaction { db in
                    try db.execute(sql: "INSERT INTO search_index(search_index) VALUES ('integrity-check')")
                }
            } catch {
                problems.append(
                    Message(
                        "全文搜索索引已损坏：\((error as? DatabaseError)?.message ?? "\(error)")",
                        en: "the search index is damaged: \((error as? DatabaseError)?.message ?? "\(error)")"
                    ))
            }
        }
        return problems
    }
}
