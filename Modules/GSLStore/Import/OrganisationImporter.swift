import GRDB
import GSLCore
import GSLTabular

extension OrganisationRepository {
    /// Imports organisations from CSV/JSON/NDJSON in one transaction: a file with one bad row
    /// writes nothing and the error names file, line, column and reason. Enterprises are keyed by
    /// USCC; `options.onConflict` says what happens to ones that exist.
    public func importFile(
        _ options: ImportOptions, defaultKind: OrganisationKind?,
        context: MutationContext
    ) throws(GSLError) -> ImportReport {
        var timer = PhaseTimer(options.timings)
        let input = try ImportSupport(options, fields: OrganisationDraft.fields)
        timer.lap("read")
        let scales: [String: Int64] = [
            "revenue": input.headerText("revenue").map(OrganisationDraft.moneyScale(header:)) ?? 1,
            "assets": input.headerText("assets").map(OrganisationDraft.moneyScale(header:)) ?? 1,
        ]
        // Rows are parsed and checked on the other cores, a chunk at a time, while this thread
        // resolves and writes the chunks before them; they are taken in file order, so the first
        // bad row of the file is the one reported.
        let parsing = input.parseInChunks { (reader: FieldReader) throws(GSLError) in
            try OrganisationDraft.parse(reader, defaultKind: defaultKind, moneyScale: scales)
        }
        defer { parsing.cancelAndWait() }
        let rows = input.file.rows
        var report = ImportReport()
        report.rows = rows.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        let counts = try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var r = report
            var resolver = DraftResolver()
            var firstLineOfUSCC: [String: Int] = [:]
            firstLineOfUSCC.reserveCapacity(rows.count)
            let tableEmpty = try Int64.fetchOne(m.db, sql: "SELECT id FROM organisations LIMIT 1") == nil
            let lookup = try m.db.cachedStatement(sql: "SELECT id, version FROM organisations WHERE uscc = ?")
            // A chamber has no USCC: its natural key is its name among chambers without one.
            let chamberLookup = try m.db.cachedStatement(
                sql:
                    "SELECT id, version FROM organisations WHERE kind = 'chamber' AND uscc IS NULL AND name = ?"
            )
            var firstLineOfChamber: [String: Int] = [:]
            try SearchIndexing.bulkInserting(m, table: "organisations") {
                // Existing enterprises are handled row by row (skip, update or fail); new ones are
                // written as each chunk is resolved.
                // Parents and chambers are looked up by name while rows go in: keep that index.
                let byName = input.mapping.column("parent") != nil || input.mapping.column("chamber") != nil
                let bulk = try BulkInsert(
                    m, into: "organisations", entity: "organisation", columns: DraftResolver.columns,
                    expectedRows: rows.count, keeping: byName ? ["organisations_name"] : [])
                // Which file row each new record came from (to place a failure), and the new
                // records that join a chamber (done once they have ids).
                var freshRows: [Int] = []
                freshRows.reserveCapacity(rows.count)
                var joins: [(k: Int, row: TabularRow, draft: OrganisationDraft)] = []
                for chunk in 0..<parsing.chunkCount {
                    let (drafts, failure) = parsing.chunk(chunk)
                    let start = parsing.range(of: chunk).lowerBound
                    var values: [[DatabaseValue]] = []
                    values.reserveCapacity(drafts.count)
                    for (offset, draft) in drafts.enumerated() {
                        let row = rows[start + offset]
                        if let uscc = draft.uscc {
                            if let first = firstLineOfUSCC[uscc] {
                                throw GSLError(
                                    .data,
                                    Message(
                                        "统一社会信用代码 \(uscc) 重复（第\(first)行已出现）",
                                        en: "duplicate USCC \(uscc) (already on line \(first))"),
                                    at: input.location(row, "uscc")
                                ).because(.duplicateInFile)
                            }
                            firstLineOfUSCC[uscc] = row.line
                        } else if draft.kind == .chamber {
                            if let first = firstLineOfChamber[draft.name] {
                                throw GSLError(
                                    .data,
                                    Message(
                                        "商会「\(draft.name)」重复（第\(first)行已出现）",
                                        en: "duplicate chamber '\(draft.name)' (already on line \(first))"),
                                    at: input.location(row, "name"))
                            }
                            firstLineOfChamber[draft.name] = row.line
                        }
                        let locate = { (key: String) in input.location(row, key) }
                        do {
                            var existing: Row?
                            if !tableEmpty, let uscc = draft.uscc {
                                existing = try Row.fetchOne(lookup, arguments: [uscc])
                            } else if !tableEmpty, draft.kind == .chamber {
                                existing = try Row.fetchOne(chamberLookup, arguments: [draft.name])
                            }
                            if let existing {
                                let key =
                                    draft.uscc.map { Message("统一社会信用代码 \($0)", en: "USCC \($0)") }
                                    ?? Message("商会「\(draft.name)」", en: "chamber '\(draft.name)'")
                                switch options.onConflict {
                                case .fail:
                                    throw GSLError.conflict(
                                        "\(key.zh) 已存在（#\(existing["id"] as Int64)）",
                                        en: "\(key.en) already exists (#\(existing["id"] as Int64))"
                                    ).because(.importKeyExists)
                                case .skip:
                                    r.skipped += 1
                                case .update:
                                    let id: Int64 = existing["id"]
                                    let changes = try resolver.columnValues(
                                        draft, m, now: m.context.at, locate: locate
                                    )
                                    .filter { $0.0 != "created_at" && $0.0 != "updated_at" }
                                    // A row that matches the record as stored changes nothing (no new
                                    // version, no audit entry): an export imported back is a no-op.
                                    let stored = try Row.fetchOne(
                                        m.db, sql: "SELECT * FROM organisations WHERE id = ?", arguments: [id]
                                    )
                                    if let stored,
                                        changes.allSatisfy({ stored[$0.0] as DatabaseValue == $0.1 })
                                    {
                                        try resolver.joinChamber(draft, id: id, m, locate: locate)
                                        r.unchanged += 1
                                        continue
                                    }
                                    try m.update(
                                        table: "organisations", entity: "organisation", key: id.databaseValue,
                                        expectedVersion: existing["version"], changes: changes)
                                    try resolver.joinChamber(draft, id: id, m, locate: locate)
                                    r.updated += 1
                                }
                            } else {
                                values.append(
                                    try resolver.rowValues(draft, m, now: m.context.at, locate: locate))
                                if draft.chamberRef != nil { joins.append((freshRows.count, row, draft)) }
                                freshRows.append(start + offset)
                            }
                        } catch {
                            throw input.rowError(error, row: row)
                        }
                    }
                    if let failure { throw failure.error }
                    do {
                        try bulk.append(values)
                    } catch let failure as Mutation.BulkRowError {
                        throw input.rowError(failure.error, row: rows[freshRows[failure.index]])
                    }
                    options.progress?(parsing.range(of: chunk).upperBound, rows.count)
                }
                timer.lap("parse, resolve, rows")
                let firstID = try bulk.finish()
                timer.lap("indexes, audit")
                for join in joins {
                    do {
                        try resolver.joinChamber(
                            join.draft, id: firstID + Int64(join.k), m,
                            locate: { input.location(join.row, $0) })
                    } catch {
                        throw input.rowError(error, row: join.row)
                    }
                }
                r.inserted += freshRows.count
            }
            timer.lap("search index")
            return r
        }
        timer.lap("commit")
        return counts
    }
}
