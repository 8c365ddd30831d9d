import GSLCore

/// Reads named text fields of one input record (a CSV row, JSON object or command-line flags) and
/// turns parse failures into errors that point at the field.
public struct FieldReader {
    /// The raw text of a field, nil when absent or empty.
    public let raw: (String) -> String?
    /// Where a field sits in the input (file, line, column, header).
    public let location: (String) -> SourceLocation?

    /// A reader over closures.
    public init(raw: @escaping (String) -> String?, location: @escaping (String) -> SourceLocation?) {
        self.raw = raw
        self.location = location
    }

    /// A reader over a dictionary (command-line flags): no positions.
    public init(_ values: [String: String?]) {
        self.raw = { key in
            guard let v = values[key] ?? nil else { return nil }
            let t = v.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        self.location = { key in SourceLocation(field: key) }
    }

    /// The trimmed text, or nil.
    public func text(_ key: String) -> String? { raw(key) }

    /// The text, or an error naming the missing field.
    public func required(_ key: String, label: Message) throws(GSLError) -> String {
        guard let value = raw(key) else {
            throw GSLError(
                .data, Message("缺少必填字段「\(label.zh)」", en: "missing required field '\(label.en)'"),
                at: location(key)
            ).because(.valueRequired)
        }
        return value
    }

    /// Parses a field with `parse`, attaching the field's location to a failure.
    public func parse<T>(_ key: String, _ parse: (String) throws(GSLError) -> T) throws(GSLError) -> T? {
        guard let value = raw(key) else { return nil }
        do {
            return try parse(value)
        } catch {
            throw location(key).map { error.at($0) } ?? error
        }
    }

    /// A failure at a field.
    public func failure(_ key: String, _ zh: String, en: String) -> GSLError {
        GSLError(.data, Message(zh, en: en), at: location(key))
    }

    /// A whole number (full-width digits and thousands separators accepted).
    public func integer(_ key: String, label: Message, range: ClosedRange<Int>? = nil) throws(GSLError)
        -> Int?
    {
        try parse(key) { (text: String) throws(GSLError) -> Int in
            // Plain ASCII digits (the common case) are read as they are; otherwise full-width
            // digits, thousands separators and a trailing 人 are removed first.
            let plain = text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && text.utf8.count < 19
            let cleaned =
                plain
                ? text
                : String(
                    TextNormaliser.halfWidth(text).unicodeScalars.filter { $0 != "," && $0 != "人" }.map(
                        Character.init))
            guard let n = Int(cleaned) else {
                throw GSLError.data(
                    "「\(label.zh)」应为整数，实际为「\(text)」",
                    en: "'\(label.en)' must be a whole number, found '\(text)'"
                ).because(.textInNumberColumn)
            }
            if let range, !range.contains(n) {
                throw GSLError.data(
                    "「\(label.zh)」超出范围 \(range.lowerBound)–\(range.upperBound)：\(n)",
                    en: "'\(label.en)' out of range \(range.lowerBound)–\(range.upperBound): \(n)"
                ).because(.fieldOutOfRange)
            }
            return n
        }
    }
}
