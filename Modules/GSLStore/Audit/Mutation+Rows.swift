import GRDB
import GSLCore
import GSLTabular

extension Mutation {
    /// Inserts (or, with `conflict`, upserts) many rows of a table without an integer id of its own
    /// (scores of a run, values of a dataset) through one prepared statement, and records them in
    /// the audit log in entries of `Mutation.bulkAuditRows` rows: action `insert`, or `update` for
    /// an upsert (the rows as they now stand, whether new or replaced),
    /// entity id `entityID#k` (k counts the entries from 1), and as `after` the rows themselves,
    /// `{"columns":[…],"rows":[[…],…]}` in the order given. With `conflict` (the unique key's
    /// columns) a row whose key exists replaces the other columns' values.
    public func writeRows(
        into table: String, entity: String, entityID: String, columns: [String], conflict: [String]? = nil,
        rows: [[DatabaseValue]]
    ) throws {
        guard !rows.isEmpty else { return }
        var sql =
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        if let conflict {
            let others = columns.filter { !conflict.contains($0) }
            sql +=
                " ON CONFLICT (\(conflict.joined(separator: ", "))) "
                + (others.isEmpty
                    ? "DO NOTHING"
                    : "DO UPDATE SET " + others.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
        }
        let statement = try db.cachedStatement(sql: sql)
        try writing { for row in rows { try statement.execute(arguments: StatementArguments(row)) } }
        let header =
            "{\"columns\":[" + columns.map { JSONText.quoted($0) }.joined(separator: ",") + "],\"rows\":["
        var entry = 0
        for start in stride(from: 0, to: rows.count, by: Mutation.bulkAuditRows) {
            entry += 1
            var json = header
            for (offset, row) in rows[start..<min(start + Mutation.bulkAuditRows, rows.count)].enumerated() {
                json += offset == 0 ? "[" : ",["
                for (k, value) in row.enumerated() {
                    if k > 0 { json += "," }
                    AuditJSON.appendValue(value, to: &json)
                }
                json += "]"
            }
            json += "]}"
            try audit(
                action: conflict == nil ? "insert" : "update", entity: entity,
                entityID: "\(entityID)#\(entry)",
                before: nil, after: json)
        }
    }
}
