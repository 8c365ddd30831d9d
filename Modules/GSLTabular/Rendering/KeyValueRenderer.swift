import GSLCore

/// Renders one record as labelled lines (table), a two-row CSV, or one JSON object.
public enum KeyValueRenderer {
    /// One labelled value.
    public struct Field: Sendable {
        /// The JSON key.
        public let key: String
        /// The label shown in tables and as the CSV header.
        public let label: String
        /// The value.
        public let value: Cell

        /// A field with its key, label and value.
        public init(key: String, label: String, value: Cell) {
            self.key = key
            self.label = label
            self.value = value
        }
    }

    /// The record in `format`: table lines `label  value` (labels padded by display width), CSV with a
    /// header row of labels and one value row, a pretty JSON object with sorted keys, or it on one line.
    public static func render(_ fields: [Field], format: OutputFormat, options: RenderOptions) -> String {
        switch format {
        case .table:
            let width = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
            return fields.map { field in
                var value = field.value.tableText
                if value.contains(where: { $0.isNewline }) {
                    value = value.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
                }
                if let limit = options.maxColumnWidth {
                    value = DisplayWidth.truncate(value, to: max(limit, 1))
                }
                var line = DisplayWidth.pad(field.label, to: width, right: false) + "  " + value
                while line.last == " " { line.removeLast() }
                return line + "\n"
            }.joined()
        case .csv:
            let end = options.crlf ? "\r\n" : "\n"
            return (options.bom ? "\u{FEFF}" : "")
                + fields.map { CSVText.quoted($0.label) }.joined(separator: ",") + end
                + fields.map { CSVText.field($0.value) }.joined(separator: ",") + end
        case .json:
            return JSONText.object(fields.map { ($0.key, $0.value.jsonText) }, pretty: true) + "\n"
        case .ndjson:
            return JSONText.object(fields.map { ($0.key, $0.value.jsonText) }) + "\n"
        }
    }
}
