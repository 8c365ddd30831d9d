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
            path: options.path, format: options.format, encoding: options.encoding, sheet: options.sheet)
        self.file = file
        self.mapping = try HeaderMapping(
            header: file.header, fields: fields, file: file.path, allowUnknown: true)
        try file.refuseHeaderOnly()
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

    /// Starts parsing every row with `parse` on other cores, in chunks the caller takes in file
    /// order (`ChunkedParse.chunk(_:)`) while it writes earlier ones.
    func parseInChunks<T: Sendable>(
        chunkSize: Int = 4_096, _ parse: @escaping @Sendable (FieldReader) throws(GSLError) -> T
    ) -> ChunkedParse<T> {
        ChunkedParse(support: self, chunkSize: chunkSize, parse: parse)
    }

    /// Runs `work` for real or as a dry run.
    public static func apply<T>(
        _ store: Store, _ options: ImportOptions, _ context: MutationContext,
        _ work: (Mutation) throws -> T
    ) throws(GSLError) -> T {
        options.dryRun ? try store.dryRun(context, work) : try store.write(context, work)
    }
}

/// Rows parsed on other cores in chunks of consecutive rows, taken by one consumer in order.
final class ChunkedParse<T: Sendable>: @unchecked Sendable {
    let chunkSize: Int
    let chunkCount: Int
    private let rowCount: Int
    // One slot per chunk, each written by one worker and read by the consumer after its signal.
    private let results: UnsafeMutableBufferPointer<[T]>
    private let failures: UnsafeMutableBufferPointer<(offset: Int, error: GSLError)?>
    private let ready: [DispatchSemaphore]
    private let group = DispatchGroup()
    private let cancelled = CancelFlag()

    init(
        support: ImportSupport, chunkSize: Int, parse: @escaping @Sendable (FieldReader) throws(GSLError) -> T
    ) {
        let rows = support.file.rows
        rowCount = rows.count
        self.chunkSize = chunkSize
        chunkCount = (rows.count + chunkSize - 1) / chunkSize
        results = .allocate(capacity: chunkCount)
        results.initialize(repeating: [])
        failures = .allocate(capacity: chunkCount)
        failures.initialize(repeating: nil)
        ready = (0..<chunkCount).map { _ in DispatchSemaphore(value: 0) }
        let count = chunkCount
        DispatchQueue.global().async(group: group) { [self] in
            DispatchQueue.concurrentPerform(iterations: count) { chunk in
                defer { ready[chunk].signal() }
                guard !cancelled.isSet else { return }
                let range = self.range(of: chunk)
                var values: [T] = []
                values.reserveCapacity(range.count)
                for i in range {
                    do throws(GSLError) {
                        values.append(try parse(support.reader(rows[i])))
                    } catch {
                        failures[chunk] = (i - range.lowerBound, error)
                        break  // later rows of the chunk cannot matter: the consumer stops here
                    }
                }
                results[chunk] = values
            }
        }
    }

    deinit {
        group.wait()
        results.deinitialize()
        results.deallocate()
        failures.deinitialize()
        failures.deallocate()
    }

    /// The rows of `chunk` (indices into the file's rows).
    func range(of chunk: Int) -> Range<Int> {
        (chunk * chunkSize)..<min(rowCount, (chunk + 1) * chunkSize)
    }

    /// Waits for `chunk` (taken once, in order): its values up to the first bad row, and that row's
    /// error if any.
    func chunk(_ chunk: Int) -> (values: [T], failure: (offset: Int, error: GSLError)?) {
        ready[chunk].wait()
        defer { results[chunk] = [] }  // each chunk is taken once; its drafts are let go
        return (results[chunk], failures[chunk])
    }

    /// Stops work not yet started and waits for the rest (call before the rows go away).
    func cancelAndWait() {
        cancelled.set()
        group.wait()
    }
}

/// A flag set once by the consumer and read by the workers.
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
