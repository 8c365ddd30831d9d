import GSLCore
import GSLTabular

/// Shared steps of every import: read the file, map its header, build a field reader per row.
struct ImportSupport {
    let file: TabularFile
    let mapping: HeaderMapping

    init(_ options: ImportOptions, fields: [FieldSpec]) throws(GSLError) {
        let file = try TabularReader.read(path: options.path, format: options.format, encoding: options.encoding)
        self.file = file
        self.mapping = try HeaderMapping(header: file.header, fields: fields, file: file.path, allowUnknown: true)
    }

    /// A field reader for one row with positions in the file.
    func reader(_ row: TabularRow) -> FieldReader {
        let file = self.file
        let mapping = self.mapping
        return FieldReader(
            raw: { key in mapping.value(key, in: row) },
            location: { key in file.location(row: row, column: mapping.column(key)) })
    }

    /// Notices to report: conversions and ignored columns.
    var notices: [Message] {
        var out = file.notices
        if !mapping.ignored.isEmpty {
            let names = mapping.ignored.joined(separator: ", ")
            out.append(Message("已忽略未识别的列：\(names)", en: "ignored unrecognised columns: \(names)"))
        }
        return out
    }

    /// The header text of a field's column, if present.
    func headerText(_ key: String) -> String? { mapping.column(key).map { file.header[$0] } }

    /// A failure while applying one row, placed at the row; a missing reference is bad data here.
    func rowError(_ error: any Error, row: TabularRow) -> GSLError {
        var gsl = Store.translate(error, path: file.path).at(file.location(row: row, column: nil))
        if gsl.kind == .notFound { gsl.kind = .data }
        return gsl
    }

    /// Runs `work` for real or as a dry run.
    static func apply<T>(_ store: Store, _ options: ImportOptions, _ context: MutationContext,
                         _ work: (Mutation) throws -> T) throws(GSLError) -> T {
        options.dryRun ? try store.dryRun(context, work) : try store.write(context, work)
    }
}
