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
        for row in input.file.rows {
            let reader = input.reader(row)
            do {
                drafts.append((row, try PostingFields.draft(reader, today: today)))
            } catch {
                throw error.location?.line == nil ? input.rowError(error, row: row) : error
            }
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
                    throw input.rowError(error, row: row)
                }
                out.inserted += 1
            }
            return out
        }
    }
}
