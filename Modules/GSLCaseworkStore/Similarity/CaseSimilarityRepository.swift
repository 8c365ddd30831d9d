import GRDB
import GSLCasework
import GSLCore
import GSLStore

/// Duplicate search among open requests (character n-gram similarity, same enterprise, same
/// category).
public struct CaseSimilarityRepository: Sendable {
    /// The store (with `CaseSchema.migrations`).
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// Open requests ranked by similarity to request `id` (text, same enterprise, same category).
    public func similar(to id: Int64, limit: Int = 10) throws(GSLError) -> [(CaseRecord, Double)] {
        let target = try CaseRepository(store: store).get(id)
        let open = try store.read { db in
            try Row.fetchAll(
                db,
                sql: CaseRepository.select + " WHERE \(CaseSQL.openStates) AND c.id <> ?",
                arguments: [id]
            ).map(CaseRecord.init(row:))
        }
        func item(_ r: CaseRecord) -> SimilarityItem {
            SimilarityItem(
                id: String(r.id), text: r.title + " " + (r.description ?? ""), enterprise: String(r.orgID),
                category: r.category)
        }
        let byID = Dictionary(uniqueKeysWithValues: open.map { ($0.id, $0) })
        return SimilarCases.rank(item(target), candidates: open.map(item), limit: limit).compactMap { hit in
            Int64(hit.id).flatMap { byID[$0] }.map { ($0, hit.score) }
        }
    }
}
