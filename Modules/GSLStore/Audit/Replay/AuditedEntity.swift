/// What the audit log's entity names mean for replay: the table whose rows an entity's entries
/// change, or none for entries that only record something (a disclosure). Each module lists its own
/// beside its migrations (`Store.coreAuditedEntities`, `CaseSchema.auditedEntities` …) and the app
/// concatenates them as it does the migrations.
public struct AuditedEntity: Sendable, Equatable {
    /// The entity as `Mutation` records it (`organisation`, `index_score`).
    public let entity: String
    /// The table its entries change; nil when its entries change no table.
    public let table: String?
    /// Whether only its row batches (`{"columns":…,"rows":…}`) change rows, its other entries
    /// being summaries (an index data import records its file and counts under the same entity).
    public let batchesOnly: Bool

    /// An entity whose entries change `table`; with `batchesOnly`, single-row entries are summaries.
    public static func table(_ table: String, entity: String, batchesOnly: Bool = false) -> AuditedEntity {
        AuditedEntity(entity: entity, table: table, batchesOnly: batchesOnly)
    }

    /// An entity whose entries record something without changing a table.
    public static func note(_ entity: String) -> AuditedEntity {
        AuditedEntity(entity: entity, table: nil, batchesOnly: false)
    }
}

extension Store {
    /// The core's audited entities: regions, organisations, people, memberships, and disclosures of
    /// unmasked personal data (notes). `contacts` has no writer yet, so no entity.
    public static let coreAuditedEntities: [AuditedEntity] = [
        .table("regions", entity: "region"),
        .table("organisations", entity: "organisation"),
        .table("people", entity: "person"),
        .table("memberships", entity: "membership"),
        .note("disclosure"),
    ]
}
