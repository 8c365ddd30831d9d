import GSLCore

/// Renders rows of cells as an aligned table, CSV, JSON or NDJSON.
public enum TableRenderer {
    /// The whole output as one string (the same text `write` produces).
    public static func render(columns: [Column], rows: [[Cell]], format: OutputFormat, options: RenderOptions)
        -> String
    {
        var out = ""
        write(columns: columns, rows: rows, format: format, options: options) { out += $0 }
        return out
    }

    /// Writes the output piece by piece to `sink`; CSV, JSON and NDJSON stream one row at a time,
    /// a table reads all rows first to size its columns.
    public static func write<S: Sequence>(
        columns: [Column], rows: S, format: OutputFormat, options: RenderOptions,
        to sink: (String) -> Void
    ) where S.Element == [Cell] {
        switch format {
        case .table:
            sink(table(columns: columns, rows: Array(rows), options: options))
        case .csv:
            let end = options.crlf ? "\r\n" : "\n"
            sink(
                (options.bom ? "\u{FEFF}" : "")
                    + columns.map { CSVText.quoted($0.title) }.joined(separator: ",") + end)
            for row in rows {
                sink(
                    columns.indices.map { CSVText.field($0 < row.count ? row[$0] : .null) }.joined(
                        separator: ",") + end)
            }
        case .json:
            var first = true
            for row in rows {
                sink((first ? "[\n" : ",\n") + object(columns: columns, row: row))
                first = false
            }
            sink(first ? "[]\n" : "\n]\n")
        case .ndjson:
            for row in rows {
                sink(object(columns: columns, row: row) + "\n")
            }
        }
    }

    /// One row as a compact JSON object keyed by column key.
    static func object(columns: [Column], row: [Cell]) -> String {
        JSONText.object(
            columns.indices.map { (columns[$0].key, ($0 < row.count ? row[$0] : .null).jsonText) })
    }

    /// The aligned table: header, a rule of `─`, then the rows; trailing spaces trimmed.
    static func table(columns: [Column], rows: [[Cell]], options: RenderOptions) -> String {
        let limit = options.maxColumnWidth
        func fit(_ text: String) -> String {
            // Line breaks inside a cell would break the grid.
            let flat =
                text.contains(where: { $0.isNewline })
                ? text.split(whereSeparator: { $0.isNewline }).joined(separator: " ") : text
            guard let limit else { return flat }
            return DisplayWidth.truncate(flat, to: max(limit, 1))
        }
        let titles = columns.map { fit($0.title) }
        let texts = rows.map { row in
            columns.indices.map { fit(($0 < row.count ? row[$0] : .null).tableText) }
        }
        var widths = titles.map { DisplayWidth.of($0) }
        for row in texts {
            for (column, text) in row.enumerated() {
                widths[column] = max(widths[column], DisplayWidth.of(text))
            }
        }
        let right = columns.indices.map { column in
            if columns[column].alignRight { return true }
            var sawNumber = false
            for row in rows where column < row.count {
                if row[column] == .null { continue }
                guard row[column].isNumeric else { return false }
                sawNumber = true
            }
            return sawNumber
        }
        func line(_ cells: [String]) -> String {
            var text = cells.indices.map { DisplayWidth.pad(cells[$0], to: widths[$0], right: right[$0]) }
                .joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        var out = line(titles)
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in texts { out += line(row) }
        return out
    }
}
