import GSLCore
import GSLMatching
import GSLStore
import GSLTabular

extension PostingRepository {
    /// Posts every row of a file in one transaction: a bad row (unknown organisation, upside-down
    /// amount range, bad date …) writes nothing and names its line and column.
    public func importFile(_ options: ImportOptions, today: LocalDate, context: MutationContext)
        throws(GSLError) -> ImportReport
    {
        let input = try ImportSupport(options, fields: PostingFields.specs)
        var drafts: [(TabularRow, NewPosting)] = []
        var refs = FirstLines<String>()
        for row in input.file.rows {
            let reader = input.reader(row)
            let draft: NewPosting
            do {
                draft = try PostingFields.draft(reader, today: today)
            } catch {
                throw error.location?.line == nil ? input.rowError(error, row: row) : error
            }
            if let ref = draft.ref {
                try refs.record(
                    ref, line: row.line, at: input.location(row, "ref"),
                    Message("编号 \(ref) ", en: "reference \(ref)"))
            }
            drafts.append((row, draft))
        }
        var report = ImportReport()
        report.rows = drafts.count
        report.dryRun = options.dryRun
        report.notices = input.notices
        let base = report
        return try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var out = base
            for (row, new) in drafts {
                do {
                    _ = try Self.insert(new, m)
                } catch {
                    // A fault of one field (the reference, the organisation, the region) at its column.
                    var placed = input.rowError(error, row: row)
                    if let field = placed.location?.field, let at = input.location(row, field) {
                        placed.location?.column = at.column
                        placed.location?.field = at.field
                    }
                    throw placed
                }
                out.inserted += 1
            }
            return out
        }
    }
}
