import GSLCore
import GSLTabular

/// What to do when an imported record's key (USCC, ID card, code) already exists.
public enum ConflictPolicy: String, Sendable, CaseIterable {
    /// Refuse the whole file (default).
    case fail
    /// Keep the stored record, ignore the row.
    case skip
    /// Overwrite the stored record with the row.
    case update
}

/// Called as an import goes: rows done so far, rows in the file.
public typealias ImportProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// How to read and apply an import file.
public struct ImportOptions: Sendable {
    /// The file path.
    public var path: String
    /// Format, or nil to infer from the extension.
    public var format: TabularFormat?
    /// Text encoding of CSV input.
    public var encoding: InputEncoding
    /// The sheet of a workbook to read (nil: the first).
    public var sheet: String?
    /// Behaviour on existing keys.
    public var onConflict: ConflictPolicy
    /// Validate and report without writing.
    public var dryRun: Bool
    /// Told of progress (organisation and person imports), e.g. to draw a bar on a terminal.
    public var progress: ImportProgress?
    /// Told how long each phase of a long import took (organisation imports), for tuning.
    public var timings: (@Sendable (String, Duration) -> Void)?

    /// Options for one import.
    public init(
        path: String, format: TabularFormat? = nil, encoding: InputEncoding = .auto,
        onConflict: ConflictPolicy = .fail, dryRun: Bool = false, progress: ImportProgress? = nil
    ) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.onConflict = onConflict
        self.dryRun = dryRun
        self.progress = progress
    }
}

/// What an import did (or, on a dry run, would do).
public struct ImportReport: Sendable, Equatable {
    /// Data rows read.
    public var rows: Int = 0
    /// New records.
    public var inserted: Int = 0
    /// Existing records overwritten.
    public var updated: Int = 0
    /// Rows skipped because the record existed.
    public var skipped: Int = 0
    /// Rows under `--on-conflict update` that matched the stored record exactly (nothing written).
    public var unchanged: Int = 0
    /// Whether nothing was written.
    public var dryRun: Bool = false
    /// Notices such as an encoding conversion or ignored columns.
    public var notices: [Message] = []

    /// An empty report.
    public init() {}
}
