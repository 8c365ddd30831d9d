import GSLCore

/// The first line of each key an import file has named, so that a key named again is refused
/// (`import.duplicate-row`, 65) with the line of its first occurrence, whatever `--on-conflict`
/// says: two rows for one record in one file are a fault of the file, not a clash with the store.
public struct FirstLines<Key: Hashable & Sendable>: Sendable {
    /// The first line of each key seen.
    private var lines: [Key: Int] = [:]

    /// None seen yet.
    public init() {}

    /// Records `key` on `line`, or refuses it at `location` when an earlier line had it; `what`
    /// names the key in the message ("编号 D9" / "reference D9").
    public mutating func record(_ key: Key, line: Int, at location: SourceLocation?, _ what: Message)
        throws(GSLError)
    {
        if let first = lines[key] {
            throw GSLError(
                .data,
                Message("\(what.zh)重复（第\(first)行已出现）", en: "duplicate \(what.en) (already on line \(first))"),
                at: location
            ).because(.importDuplicateRow)
        }
        lines[key] = line
    }
}
