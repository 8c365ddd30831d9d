/// How a command prints its results (`--format`).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal, padded by display width.
    case table
    /// Comma-separated values, safe for Excel.
    case csv
    /// A JSON array of objects with sorted keys.
    case json
    /// One JSON object per line.
    case ndjson
}
