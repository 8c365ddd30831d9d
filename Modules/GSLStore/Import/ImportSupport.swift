import Foundation
import GSLCore
import GSLTabular

/// Shared steps of every import: read the file, map its header, build a field reader per row.
public struct ImportSupport: Sendable {
    /// The file read.
    public let file: TabularFile
    /// Its header mapped to the fields.
    public let mapping: HeaderMapping

    /// Reads `options.path` and maps its header to `fields`.
    public init(_ options: ImportOptions, fields: [FieldSpec]) throws(GSLError) {
        let file = try TabularReader.read(
            path: options.path, format: options.format, encoding: options.encoding)
        self.file = file
        self.mapping = try HeaderMapping(
            header: file.header, fields: fields, file: file.path, allowUnknown: true)
    }

    /// A field reader for one row with positions in the file.
    public func reader(_ row: TabularRow) -> FieldReader {
        let file = self.file
        let mapping = self.mapping
        return FieldReader(
            raw: { key in mapping.value(key, in: row) },
            location: { key in file.location(row: row, column: mapping.column(key)) })
    }

    /// Where a field of a row sits in the file.
    public func location(_ row: TabularRow, _ key: String) -> SourceLocation? {
        file.location(row: row, column: mapping.column(key))
    }

    /// Notices to report: conversions and ignored columns.
    public var notices: [Message] {
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
    public func rowError(_ error: any Error, row: TabularRow) -> GSLError {
        var gsl = Store.translate(error, path: file.path).at(file.location(row: row, column: nil))
        if gsl.kind == .notFound { gsl.kind = .data }
        return gsl
    }

    /// Parses every row with `parse` on all cores; returns the values in file order, or the error of
    /// the earliest bad row (so the message is the same as a sequential read would give).
    func parseRows<T: Sendable>(_ parse: @escaping @Sendable (FieldReader) throws(GSLError) -> T)
        throws(GSLError) -> [T]
    {
        let rows = file.rows
        let n = rows.count
        let workers = n < 2_000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let results = UnsafeMutableBufferPointer<Result<T, GSLError>?>.allocate(capacity: n)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let shared = results
        let support = self
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let start = n * w / workers, end = n * (w + 1) / workers
            for i in start..<end {
                do throws(GSLError) {
                    shared[i] = .success(try parse(support.reader(rows[i])))
                } catch {
                    shared[i] = .failure(error)
                    return  // later rows of this slice cannot matter: an earlier error wins
                }
            }
        }
        var out: [T] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            switch results[i] {
            case .success(let value): out.append(value)
            case .failure(let error): throw error
            case nil: break
            }
        }
        return out
    }

    /// Runs `work` for real or as a dry run.
    public static func apply<T>(
        _ store: Store, _ options: ImportOptions, _ context: MutationContext,
        _ work: (Mutation) throws -> T
    ) throws(GSLError) -> T {
        options.dryRun ? try store.dryRun(context, work) : try store.write(context, work)
    }
}
