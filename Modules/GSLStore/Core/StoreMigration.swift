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
