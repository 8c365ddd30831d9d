import Foundation
import GSLCore

/// What `gsl audit verify` found: the chain first, then (when it is intact and an anchor file was
/// given) the signed anchors.
public struct AuditCheck: Sendable, Equatable {
    /// Entries checked.
    public let entries: Int
    /// Edits, deletions and breaks in the chain; empty when intact.
    public let chainProblems: [Message]
    /// Anchors the chain no longer passes through or with bad signatures; empty when all hold.
    public let anchorProblems: [Message]
    /// Anchors in the file; nil when no file was given or the chain is broken (not read then).
    public let anchored: Int?
}

/// The audit log as `gsl audit log` and `gsl audit verify` use it: one call each. The log comes
/// back with a bulk import's entry narrowed to the one record asked about, and the disclosure
/// recorded when the entries are shown unmasked.
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

    /// Verifies the chain and then, when it is intact, the signed anchors in `anchorFile` (by
    /// `publicKey` when given); the file is read only after the chain has been checked.
    public func verify(anchorFile: String?, publicKey: String?) throws(GSLError) -> AuditCheck {
        let chain = try audit.verify()
        guard chain.problems.isEmpty, let anchorFile else {
            return AuditCheck(
                entries: chain.entries, chainProblems: chain.problems, anchorProblems: [], anchored: nil)
        }
        guard let text = try? String(contentsOfFile: anchorFile, encoding: .utf8) else {
            throw GSLError.notFound("无法读取锚点文件：\(anchorFile)", en: "cannot read anchor file: \(anchorFile)")
        }
        let list = try AuditAnchor.parseFile(text, file: anchorFile)
        let problems = try audit.verify(anchors: list, publicKey: publicKey)
        return AuditCheck(
            entries: chain.entries, chainProblems: [], anchorProblems: problems, anchored: list.count)
    }
}
