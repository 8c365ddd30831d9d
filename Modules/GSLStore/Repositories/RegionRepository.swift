import Foundation
import GRDB
import GSLCore
import GSLTabular

/// Administrative divisions: import, list, and the path from the city down.
public struct RegionRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// The fields of a division file.
    public static let fields: [FieldSpec] = [
        FieldSpec("code", aliases: ["区划代码", "代码", "统计用区划代码"], required: true),
        FieldSpec("name", aliases: ["名称", "区划名称"], required: true),
        FieldSpec("parent_code", aliases: ["上级代码", "上级区划代码", "parent"]),
        FieldSpec("kind", aliases: ["类型", "类别"]),
        FieldSpec("urban_rural_code", aliases: ["城乡分类代码", "城乡分类"]),
        FieldSpec("urban_rural_label", aliases: ["城乡分类名称"]),
    ]

    /// Imports division files in one transaction (several files: parents first). Existing codes are
    /// updated when the name or kind changed, so loading twice is harmless.
    public func importFiles(_ files: [ImportOptions], context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        var parsed: [(ImportSupport, TabularRow, Region)] = []
        var seen: [String: (String, Int)] = [:]
        var notices: [Message] = []
        for options in files {
            let input = try ImportSupport(options, fields: Self.fields)
            notices += input.notices
            for row in input.file.rows {
                let r = input.reader(row)
                let code = try r.parse("code") { (t: String) throws(GSLError) in try DivisionCode(t) }!
                let name = try r.required("name", label: Message("名称", en: "name"))
                var parent = code.parent?.rawValue
                if let given = try r.parse(
                    "parent_code", { (t: String) throws(GSLError) in try DivisionCode(t).rawValue })
                {
                    guard given == parent || code.isAncestorChain(contains: given) else {
                        throw r.failure(
                            "parent_code", "上级代码 \(given) 与区划代码 \(code.rawValue) 不相符",
                            en: "parent code \(given) does not match division code \(code.rawValue)")
                    }
                    parent = given
                }
                if let (file, line) = seen[code.rawValue] {
                    throw GSLError(
                        .data,
                        Message(
                            "区划代码 \(code.rawValue) 重复（\(file) 第\(line)行已出现）",
                            en: "duplicate division code \(code.rawValue) (already in \(file) line \(line))"),
                        at: r.location("code"))
                }
                seen[code.rawValue] = (input.file.path, row.line)
                parsed.append(
                    (
                        input, row,
                        Region(
                            code: code.rawValue, name: name, level: code.level, parentCode: parent,
                            kind: r.text("kind"), urbanRuralCode: r.text("urban_rural_code"))
                    ))
            }
        }
        var report = ImportReport()
        report.rows = parsed.count
        report.notices = notices
        report.dryRun = files.contains { $0.dryRun }
        let options = files.first ?? ImportOptions(path: "")
        return try ImportSupport.apply(store, options, context) { m -> ImportReport in
            var r = report
            let existing = try Row.fetchAll(
                m.db, sql: "SELECT code, name, kind, parent_code, urban_rural_code FROM regions")
            var known: [String: Row] = [:]
            for row in existing { known[row["code"]] = row }
            for (input, row, region) in parsed {
                do {
                    if let parent = region.parentCode, known[parent] == nil,
                        !parsed.contains(where: { $0.2.code == parent })
                    {
                        throw GSLError(
                            .data,
                            Message("上级区划 \(parent) 不存在", en: "parent division \(parent) does not exist"),
                            at: input.reader(row).location("parent_code")
                                ?? input.reader(row).location("code"))
                    }
                    if let old = known[region.code] {
                        if (old["name"] as String) != region.name || (old["kind"] as String?) != region.kind
                            || (old["parent_code"] as String?) != region.parentCode
                            || (old["urban_rural_code"] as String?) != region.urbanRuralCode
                        {
                            try m.update(
                                table: "regions", entity: "region", keyColumn: "code",
                                key: region.code.databaseValue,
                                expectedVersion: nil,
                                changes: [
                                    ("name", region.name.databaseValue), ("kind", region.kind.databaseValue),
                                    ("parent_code", region.parentCode.databaseValue),
                                    ("urban_rural_code", region.urbanRuralCode.databaseValue),
                                ])
                            r.updated += 1
                        } else {
                            r.skipped += 1
                        }
                    } else {
                        try m.insert(
                            into: "regions", entity: "region",
                            values: [
                                ("code", region.code.databaseValue), ("name", region.name.databaseValue),
                                ("level", region.level.rawValue.databaseValue),
                                ("parent_code", region.parentCode.databaseValue),
                                ("kind", region.kind.databaseValue),
                                ("urban_rural_code", region.urbanRuralCode.databaseValue),
                            ], key: region.code)
                        r.inserted += 1
                    }
                } catch {
                    throw input.rowError(error, row: row)
                }
            }
            return r
        }
    }

    /// Divisions under `parent` (direct children), or of one level, or all.
    public func list(parent: String?, level: DivisionLevel?, limit: Int?) throws(GSLError) -> [Region] {
        try store.read { db in
            var clauses: [String] = []
            var args = StatementArguments()
            if let parent {
                let code = try References.regionCode(db, parent)
                if level == nil {
                    clauses.append("parent_code = ?")
                    args += [code]
                } else {
                    clauses.append("code > ? AND code < ?")
                    args += [code, CodeRange.upperBound(ofPrefix: code)]
                }
            }
            if let level {
                clauses.append("level = ?")
                args += [level.rawValue]
            }
            var sql =
                "SELECT * FROM regions"
                + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")) + " ORDER BY code"
            if let limit {
                sql += " LIMIT ?"
                args += [limit]
            }
            return try Region.fetchAll(db, sql: sql, arguments: args)
        }
    }

    /// A division and its ancestors, from the top down, with child counts.
    public func path(_ ref: String) throws(GSLError) -> (path: [Region], children: Int) {
        try store.read { db in
            let code = try References.regionCode(db, ref)
            var chain: [Region] = []
            var next: String? = code
            while let c = next,
                let region = try Region.fetchOne(
                    db, sql: "SELECT * FROM regions WHERE code = ?", arguments: [c])
            {
                chain.insert(region, at: 0)
                next = region.parentCode
            }
            let children =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM regions WHERE parent_code = ?", arguments: [code]) ?? 0
            return (chain, children)
        }
    }
}

extension DivisionCode {
    /// Whether `code` is this code's parent or a further ancestor.
    func isAncestorChain(contains code: String) -> Bool {
        ancestors.contains { $0.rawValue == code }
    }
}
