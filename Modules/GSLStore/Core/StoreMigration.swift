import Foundation
import GRDB

/// One schema step that a module registers; steps run in list order, once each.
public struct StoreMigration: Sendable {
    /// A stable identifier such as `core-1-regions`; never rename a shipped one.
    public let identifier: String
    /// The SQL work of this step.
    public let apply: @Sendable (Database) throws -> Void

    /// A migration step.
    public init(_ identifier: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.apply = apply
    }

    /// A migration step made of SQL statements.
    public init(_ identifier: String, sql: String) {
        self.identifier = identifier
        self.apply = { db in try db.execute(sql: sql) }
    }
}

extension StoreMigration {
    /// A step that rewrites the `column IN ('a', 'b', …)` CHECK constraints of `tables` as
    /// `(column = 'a' OR column = 'b' OR …)`. Both accept and refuse the same values (NULL passes
    /// either), but SQLite builds a temporary lookup table for an IN list each time it checks a row,
    /// which made CHECKs the largest cost of bulk inserts. The table definitions are edited in place
    /// (SQLite's documented procedure for changing CHECK constraints without rebuilding a table),
    /// so existing files keep their rows and indexes.
    public static func comparisonChecks(_ identifier: String, tables: [String]) -> StoreMigration {
        StoreMigration(identifier) { db in
            var edits: [(String, String)] = []
            for table in tables {
                guard
                    let sql = try String.fetchOne(
                        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                        arguments: [table])
                else { continue }
                let rewritten = SchemaText.inListsAsComparisons(sql)
                if rewritten != sql { edits.append((table, rewritten)) }
            }
            try editTableDefinitions(db, edits)
        }
    }

    /// A step that replaces `old` by `new` in the definition of `table` (a CHECK that allows one
    /// more enumeration value), in place like `comparisonChecks`; nothing happens when the
    /// definition does not hold `old` (a file created with the new text already).
    public static func replacingInTable(_ identifier: String, table: String, _ old: String, with new: String)
        -> StoreMigration
    {
        StoreMigration(identifier) { db in
            guard
                let sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                    arguments: [table]),
                sql.contains(old)
            else { return }
            try editTableDefinitions(db, [(table, sql.replacingOccurrences(of: old, with: new))])
        }
    }

    /// Writes new definitions of tables into the schema table (SQLite's documented procedure for
    /// changing CHECK constraints without rebuilding a table); a SQLite built in defensive mode
    /// refuses, and the definitions then stay as they are.
    static func editTableDefinitions(_ db: Database, _ edits: [(String, String)]) throws {
        guard !edits.isEmpty else { return }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(sql: "SAVEPOINT comparison_checks")
        do {
            for (table, sql) in edits {
                try db.execute(
                    sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                    arguments: [sql, table])
            }
            try db.execute(sql: "RELEASE comparison_checks")
        } catch {
            try db.execute(sql: "ROLLBACK TO comparison_checks")
            try db.execute(sql: "RELEASE comparison_checks")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
            return
        }
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        db.clearSchemaCache()
        // The edited definitions must parse: reading each table's columns reloads the schema.
        for (table, _) in edits { _ = try db.columns(in: table) }
    }
}

/// Text transformations of schema SQL.
public enum SchemaText {
    /// `x IN ('a', 'b')` → `(x = 'a' OR x = 'b')` wherever the left side is a column or a function
    /// of one (`length(code)`) and the list holds only plain string literals (no quote or comma
    /// inside) or integers; other text (including `NOT IN`) is left as it is.
    public static func inListsAsComparisons(_ sql: String) -> String {
        let literal = #"(?:'[^',]*'|-?[0-9]+)"#
        let operand = #"[A-Za-z_][A-Za-z0-9_]*(?:\([A-Za-z_][A-Za-z0-9_]*\))?"#  // a column or f(column)
        let pattern =
            #"\b("# + operand + #")\s+IN\s*\(\s*("# + literal + #"(?:\s*,\s*"# + literal
            + #")*)\s*\)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return sql }
        let text = sql as NSString
        var out = ""
        var last = 0
        for match in regex.matches(in: sql, range: NSRange(location: 0, length: text.length)) {
            let column = text.substring(with: match.range(at: 1))
            if column.uppercased() == "NOT" { continue }  // `x NOT IN (…)` stays as written
            let values = text.substring(with: match.range(at: 2))
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            out += text.substring(with: NSRange(location: last, length: match.range.location - last))
            out += "(" + values.map { "\(column) = \($0)" }.joined(separator: " OR ") + ")"
            last = match.range.location + match.range.length
        }
        out += text.substring(from: last)
        return out
    }
}
