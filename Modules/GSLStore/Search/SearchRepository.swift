import GRDB
import GSLCore

/// Chinese full-text search over every indexed entity. Queries of 3+ characters use the FTS5
/// trigram index (every trigram of the word, then the word itself); 1–2 character queries
/// (融资, 宁波) fall back to a substring scan of the index.
public struct SearchRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// Hits for `text` (all words must match), optionally of one entity type; names first.
    public func search(_ text: String, entity: String?, limit: Int) throws(GSLError) -> [SearchHit] {
        let terms = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !terms.isEmpty else {
            throw GSLError.usage("搜索词不能为空", en: "the search text is empty")
        }
        // Each word adds conditions to one SQL expression; SQLite refuses very deep ones ("Expression tree
        // is too large"), so the count is limited up front with a message.
        guard terms.count <= Self.maxTerms else {
            throw GSLError.usage(
                "搜索词过多：\(terms.count) 个，最多 \(Self.maxTerms) 个",
                en: "too many search words: \(terms.count), at most \(Self.maxTerms)"
            ).because(.storeSearchTooManyWords)
        }
        return try store.read { db in
            var clauses: [String] = []
            var args = StatementArguments()
            let long = terms.filter { $0.count >= 3 }
            let short = terms.filter { $0.count < 3 }
            if !long.isEmpty {
                // The index holds trigrams without positions: find rows having every trigram of
                // every word, then keep those where the word itself occurs.
                clauses.append("search_index MATCH ?")
                args += [Self.trigramQuery(long)]
                for term in long {
                    clauses.append("(instr(lower(title), lower(?)) > 0 OR instr(lower(body), lower(?)) > 0)")
                    args += [term, term]
                }
            }
            for term in short {
                clauses.append("(instr(title, ?) > 0 OR instr(body, ?) > 0)")
                args += [term, term]
            }
            if let entity {
                clauses.append("entity = ?")
                args += [entity]
            }
            let titleTerm = terms[0]
            let sql = """
                SELECT entity, CAST(entity_id AS TEXT) AS entity_id, title, body FROM search_index
                WHERE \(clauses.joined(separator: " AND "))
                ORDER BY (instr(title, ?) = 0), length(title), rowid
                LIMIT ?
                """
            args += [titleTerm, limit]
            var hits = try Row.fetchAll(db, sql: sql, arguments: args).map {
                SearchHit(
                    entity: $0["entity"], entityID: $0["entity_id"] ?? "", title: $0["title"] ?? "",
                    body: $0["body"] ?? "")
            }
            // Credit codes are found through their unique index (a prefix of 6+ characters), not the text index.
            let code = TextNormaliser.halfWidth(titleTerm).uppercased()
            if terms.count == 1, code.count >= 6,
                code.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }),
                entity == nil || entity == "organisation"
            {
                let byCode = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT CAST(id AS TEXT) AS id, name, uscc FROM organisations WHERE uscc >= ? AND uscc < ? ORDER BY uscc LIMIT ?
                        """, arguments: [code, code + "\u{FFFF}", limit]
                ).map {
                    SearchHit(entity: "organisation", entityID: $0["id"], title: $0["name"], body: $0["uscc"])
                }
                let seen = Set(byCode.map(\.entityID))
                hits = byCode + hits.filter { !($0.entity == "organisation" && seen.contains($0.entityID)) }
            }
            return Array(hits.prefix(limit))
        }
    }

    /// Most words in one search.
    public static let maxTerms = 64

    /// An FTS5 query matching rows that contain every trigram of every term (terms of 3+ characters).
    public static func trigramQuery(_ terms: [String]) -> String {
        var seen = Set<String>()
        var parts: [String] = []
        for term in terms {
            let characters = Array(term.unicodeScalars)
            for start in 0...(characters.count - 3) {
                var gram = String.UnicodeScalarView()
                gram.append(contentsOf: characters[start..<(start + 3)])
                let text = String(gram).lowercased()
                if seen.insert(text).inserted {
                    parts.append("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                }
            }
        }
        return parts.joined(separator: " AND ")
    }
}
