import GSLCore

/// Which column of a file holds which field, found by matching header texts to keys and aliases.
public struct HeaderMapping: Sendable {
    /// Column index for each field key that the file has.
    private let columns: [String: Int]
    /// Header names matched to no field (only when unknown columns are allowed).
    public let ignored: [String]

    /// Matches `header` to `fields`; errors name the file, the columns and the fields involved.
    public init(header: [String], fields: [FieldSpec], file: String, allowUnknown: Bool) throws(GSLError) {
        var lookup: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            for name in [field.key] + field.aliases {
                let normal = HeaderNormaliser.normalise(name)
                if !normal.isEmpty && lookup[normal] == nil { lookup[normal] = index }
            }
        }
        var columns: [String: Int] = [:]
        var ignored: [String] = []
        for (column, name) in header.enumerated() {
            let normal = HeaderNormaliser.normalise(name)
            if normal.isEmpty { continue }
            guard let fieldIndex = lookup[normal] else {
                ignored.append(name)
                continue
            }
            let key = fields[fieldIndex].key
            if let earlier = columns[key] {
                throw GSLError.data(
                    "第 \(earlier + 1) 列“\(header[earlier])”和第 \(column + 1) 列“\(name)”都对应字段\(fields[fieldIndex].displayName)，请删除其中一列",
                    en:
                        "columns \(earlier + 1) \"\(header[earlier])\" and \(column + 1) \"\(name)\" both map to field \(key); remove one",
                    at: SourceLocation(file: file, field: name)
                ).because(.importDuplicateColumn)
            }
            columns[key] = column
        }
        // A title above the header ("2024年会员企业名录" in A1, the rest of the row empty): line 1
        // was taken as the header.
        let filled = header.filter { !HeaderNormaliser.normalise($0).isEmpty }
        if columns.isEmpty, filled.count == 1, header.count >= 2 {
            throw GSLError.data(
                "第 1 行被当作表头，但它像是标题行（“\(filled[0])”）；请删除表头上方的标题行后再导入",
                en:
                    "line 1 was taken as the header, but it looks like a title (\"\(filled[0])\"); delete the rows above the header and import again",
                at: SourceLocation(file: file, line: 1)
            ).because(.titleRowAsHeader)
        }
        let missing = fields.filter { $0.required && columns[$0.key] == nil }
        if !missing.isEmpty {
            let zh = missing.map(\.displayName).joined(separator: "、")
            let en = missing.map(\.key).joined(separator: ", ")
            throw GSLError.data("\(file) 缺少必需的列：\(zh)", en: "\(file) lacks required column(s): \(en)")
                .because(.importColumnMissing)
        }
        if !allowUnknown && !ignored.isEmpty {
            let names = ignored.map { "“\($0)”" }.joined(separator: "、")
            let known = fields.map(\.displayName).joined(separator: "、")
            throw GSLError.data(
                "无法识别的列：\(names)；可用的列：\(known)",
                en:
                    "unknown column(s): \(ignored.map { "\"\($0)\"" }.joined(separator: ", ")); known: \(fields.map(\.key).joined(separator: ", "))",
                at: SourceLocation(file: file)
            ).because(.importUnknownColumn)
        }
        self.columns = columns
        self.ignored = ignored
    }

    /// The header index of the field `key`, or nil when the file has no such column.
    public func column(_ key: String) -> Int? { columns[key] }

    /// The trimmed value of field `key` in `row`; nil when the column is absent or the value empty.
    public func value(_ key: String, in row: TabularRow) -> String? {
        guard let column = columns[key], column < row.values.count else { return nil }
        let text = TabularReader.trimmed(row.values[column])
        return text.isEmpty ? nil : text
    }
}
