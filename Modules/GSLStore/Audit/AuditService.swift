import GSLCore

/// The audit log as `gsl audit log` reads it: one call returning the entries (a bulk import's
/// entry narrowed to the one record asked about), with the disclosure recorded when the entries
/// are shown unmasked.
public struct AuditService: Sendable {
    /// The store.
    public let store: Store
    /// The log.
    public let audit: AuditRepository

    /// The service over `store`.
    public init(store: Store) {
        self.store = store
        audit = AuditRepository(store: store)
    }

    /// The latest `limit` entries about `entity` (a type, or `type:id`), by `actor`, since an
    /// instant. Asked about one record (`type:id`), a bulk import's entry shows only that record's
    /// row. With `unmask`, the disclosure of the entries is recorded.
    public func log(
        entity: String?, actor: String?, since: String?, limit: Int?, unmask: Bool, context: MutationContext
    ) throws(GSLError) -> [AuditEntry] {
        var entries = try audit.log(entity: entity, actor: actor, since: since, limit: limit)
        if let entity, entity.contains(":"),
            let id = entity.split(separator: ":", maxSplits: 1).last.flatMap({ Int64($0) })
        {
            entries = entries.map { $0.narrowed(to: id) }
        }
        if unmask { try audit.recordDisclosure(context, subject: "audit_log:*", rows: entries.count) }
        return entries
    }
}
