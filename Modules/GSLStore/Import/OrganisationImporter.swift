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
        var timer = PhaseTimer()
        let input = try ImportSupport(options, fields: OrganisationDraft.fields)
        timer.lap("read")
        let scales: [String: Int64] = [
            "revenue": input.headerText("revenue").map(OrganisationDraft.moneyScale(header:)) ?? 1,
            "assets": input.headerText("assets").map(OrganisationDraft.moneyScale(header:)) ?? 1,
        ]
        let parsed = try input.parseRows { (reader: FieldReader) throws(GSLError) in
            try OrganisationDraft.parse(reader, defaultKind: defaultKind, moneyScale: scales)
        }
        timer.lap("parse")
        var drafts: [(TabularRow, OrganisationDraft)] = []
        drafts.reserveCapacity(parsed.count)
        var firstLineOfUSCC: [String: Int] = [:]
        firstLineOfUSCC.reserveCapacity(parsed.count)
        for (row, draft) in zip(input.file.rows, parsed) {
            if let uscc = draft.uscc {
                if let first = firstLineOfUSCC[uscc] {
                    throw GSLError(
                        .data,
                        Message(
                            "统一社会信用代码 \(uscc) 重复（第\(first)行已出现）",
                            en: "duplicate USCC \(uscc) (already on line \(first))"),
                        at: input.location(row, "uscc"))
                }
                firstLineOfUSCC[uscc] = row.line
            }
            drafts.append((row, draft))
        }
        timer.lap("check")
        var report = ImportReport()
        report.rows = drafts.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        let counts = try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var r = report
            var resolver = DraftResolver()
            let tableEmpty = try Int64.fetchOne(m.db, sql: "SELECT id FROM organisations LIMIT 1") == nil
            let lookup = try m.db.cachedStatement(sql: "SELECT id, version FROM organisations WHERE uscc = ?")
            try SearchIndexing.bulkInserting(m.db, table: "organisations") {
                // Existing enterprises are handled row by row (skip, update or fail); new ones are
                // collected with their references resolved and written together.
                var fresh: [(row: TabularRow, draft: OrganisationDraft)] = []
                var freshValues: [[DatabaseValue]] = []
                fresh.reserveCapacity(drafts.count)
                freshValues.reserveCapacity(drafts.count)
                for (row, draft) in drafts {
                    let locate = { (key: String) in input.location(row, key) }
                    do {
                        var existing: Row?
                        if !tableEmpty, let uscc = draft.uscc {
                            existing = try Row.fetchOne(lookup, arguments: [uscc])
                        }
                        if let existing {
                            switch options.onConflict {
                            case .fail:
                                throw GSLError.conflict(
                                    "统一社会信用代码 \(draft.uscc!) 已存在（#\(existing["id"] as Int64)），可用 --on-conflict skip|update",
                                    en:
                                        "USCC \(draft.uscc!) already exists (#\(existing["id"] as Int64)); use --on-conflict skip|update"
                                )
                            case .skip:
                                r.skipped += 1
                            case .update:
                                let id: Int64 = existing["id"]
                                let values = try resolver.columnValues(
                                    draft, m, now: m.context.at, locate: locate
                                )
                                .filter { $0.0 != "created_at" && $0.0 != "updated_at" }
                                try m.update(
                                    table: "organisations", entity: "organisation", key: id.databaseValue,
                                    expectedVersion: existing["version"], changes: values)
                                try resolver.joinChamber(draft, id: id, m, locate: locate)
                                r.updated += 1
                            }
                        } else {
                            freshValues.append(
                                try resolver.rowValues(draft, m, now: m.context.at, locate: locate))
                            fresh.append((row, draft))
                        }
                    } catch {
                        throw input.rowError(error, row: row)
                    }
                }
                timer.lap("resolve")
                let firstID: Int64
                do {
                    firstID = try m.insertMany(
                        into: "organisations", entity: "organisation", columns: DraftResolver.columns,
                        rows: freshValues)
                } catch let failure as Mutation.BulkRowError {
                    throw input.rowError(failure.error, row: fresh[failure.index].row)
                }
                for (k, item) in fresh.enumerated() where item.draft.chamberRef != nil {
                    do {
                        try resolver.joinChamber(
                            item.draft, id: firstID + Int64(k), m, locate: { input.location(item.row, $0) })
                    } catch {
                        throw input.rowError(error, row: item.row)
                    }
                }
                r.inserted += fresh.count
                timer.lap("rows")
            }
            timer.lap("search index")
            return r
        }
        timer.lap("commit")
        timer.report()
        return counts
    }
}
