import Foundation
import GSLCore

/// Turns rows of text (already read from CSV or a spreadsheet) into a `Dataset` checked against a framework.
public enum DataImport {
    /// Parses a number cell: empty, `NA`, `NaN`, `-` and `—` are missing; anything else must be a number.
    public static func number(_ text: String, line: Int, column: Int, field: String) throws(GSLError)
        -> Double
    {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty || t == "NA" || t == "NaN" || t == "nan" || t == "-" || t == "—" || t == "null" {
            return .nan
        }
        guard let d = Double(t), d.isFinite else {
            throw GSLError.data(
                "数值列中有文本：“\(t)”（第 \(line) 行，\(field) 列）",
                en: "text in a number column: \"\(t)\" (line \(line), column \(field))",
                at: SourceLocation(line: line, column: column, field: field)
            ).because(.textInNumberColumn)
        }
        return d
    }

    private static func known(_ framework: Framework) -> Set<String> {
        Set(framework.indicatorCodes + framework.denominators.map(\.code))
    }

    private static func checkUnit(
        _ unit: String, _ knownUnits: Set<String>?, line: Int, column: Int, field: String
    ) throws(GSLError) {
        if unit.isEmpty {
            throw GSLError.data(
                "单位代码为空（第 \(line) 行）", en: "empty unit code (line \(line))",
                at: SourceLocation(line: line, column: column, field: field)
            ).because(.valueRequired)
        }
        if let k = knownUnits, !k.contains(unit) {
            throw GSLError.data(
                "未知单位：\(unit)（第 \(line) 行）", en: "unknown unit: \(unit) (line \(line))",
                at: SourceLocation(line: line, column: column, field: field)
            ).because(.unknownUnit)
        }
    }

    /// Long rows `unit, period, indicator, value` (header names case-insensitive; 单位/时期/指标/值 accepted).
    /// Line numbers in errors count the header as line 1.
    public static func long(
        header: [String], rows: [[String]], framework: Framework,
        knownUnits: Set<String>? = nil
    ) throws(GSLError) -> Dataset {
        func col(_ names: [String]) throws(GSLError) -> Int {
            let lower = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            for n in names { if let i = lower.firstIndex(of: n) { return i } }
            throw .data(
                "缺少列：\(names[0])", en: "missing column: \(names[0])",
                at: SourceLocation(line: 1, field: names[0]))
        }
        let cu = try col(["unit", "单位"]), cp = try col(["period", "时期", "年份", "year"])
        let ci = try col(["indicator", "指标", "variable"]), cv = try col(["value", "值", "数值"])
        let allowed = known(framework)
        var data = Dataset()
        var seen = Set<Dataset.Key>()
        for (r, row) in rows.enumerated() {
            let line = r + 2
            func cell(_ i: Int) -> String { i < row.count ? row[i].trimmingCharacters(in: .whitespaces) : "" }
            let unit = cell(cu), period = cell(cp), ind = cell(ci)
            try checkUnit(unit, knownUnits, line: line, column: cu + 1, field: header[cu])
            if !allowed.contains(ind) {
                throw GSLError.data(
                    "未知指标：\(ind)（第 \(line) 行）", en: "unknown indicator: \(ind) (line \(line))",
                    at: SourceLocation(line: line, column: ci + 1, field: header[ci])
                ).because(.unknownIndicator)
            }
            let v = try number(cell(cv), line: line, column: cv + 1, field: header[cv])
            if !seen.insert(Dataset.Key(unit: unit, period: period, variable: ind)).inserted {
                throw GSLError.data(
                    "重复行：\(unit) / \(period) / \(ind)（第 \(line) 行）",
                    en: "duplicate row: \(unit) / \(period) / \(ind) (line \(line))",
                    at: SourceLocation(line: line)
                ).because(.importDuplicateRow)
            }
            data.set(unit: unit, period: period, variable: ind, value: v)
            if v.isNaN { data.addUnit(unit) }
        }
        return data
    }

    /// Wide rows: one row per unit (and period), one column per variable. `groupColumns` become unit
    /// groups, `nameColumn` unit names, `ignoredColumns` are skipped; any other unknown column is an error.
    public static func wide(
        header: [String], rows: [[String]], framework: Framework, unitColumn: String,
        periodColumn: String? = nil, period: String = "0", nameColumn: String? = nil,
        groupColumns: [String] = [], ignoredColumns: [String] = [],
        knownUnits: Set<String>? = nil
    ) throws(GSLError) -> Dataset {
        guard let cu = header.firstIndex(of: unitColumn) else {
            throw .data(
                "缺少单位列：\(unitColumn)", en: "missing unit column: \(unitColumn)",
                at: SourceLocation(line: 1, field: unitColumn))
        }
        let cp = periodColumn.flatMap { header.firstIndex(of: $0) }
        if let periodColumn, cp == nil {
            throw .data(
                "缺少时期列：\(periodColumn)", en: "missing period column: \(periodColumn)",
                at: SourceLocation(line: 1, field: periodColumn))
        }
        let allowed = known(framework)
        var valueColumns: [(Int, String)] = []
        var groupIdx: [(Int, String)] = []
        for (i, h) in header.enumerated() {
            if i == cu || i == cp { continue }
            if h == nameColumn || ignoredColumns.contains(h) { continue }
            if groupColumns.contains(h) { groupIdx.append((i, h)); continue }
            guard allowed.contains(h) else {
                throw GSLError.data(
                    "未知指标列：\(h)", en: "unknown indicator column: \(h)",
                    at: SourceLocation(line: 1, column: i + 1, field: h)
                ).because(.unknownIndicator)
            }
            valueColumns.append((i, h))
        }
        let nameIdx = nameColumn.flatMap { header.firstIndex(of: $0) }
        var data = Dataset()
        var seen = Set<String>()
        for (r, row) in rows.enumerated() {
            let line = r + 2
            func cell(_ i: Int) -> String { i < row.count ? row[i].trimmingCharacters(in: .whitespaces) : "" }
            let unit = cell(cu)
            try checkUnit(unit, knownUnits, line: line, column: cu + 1, field: unitColumn)
            let per = cp.map { cell($0) } ?? period
            if !seen.insert("\(unit)\u{1F}\(per)").inserted {
                throw GSLError.data(
                    "重复行：\(unit) / \(per)（第 \(line) 行）", en: "duplicate row: \(unit) / \(per) (line \(line))",
                    at: SourceLocation(line: line, column: cu + 1, field: unitColumn)
                ).because(.importDuplicateRow)
            }
            data.addUnit(unit)
            if let nameIdx { data.unitNames[unit] = cell(nameIdx) }
            for (i, g) in groupIdx { data.groups[g, default: [:]][unit] = cell(i) }
            for (i, code) in valueColumns {
                let v = try number(cell(i), line: line, column: i + 1, field: code)
                data.set(unit: unit, period: per, variable: code, value: v)
            }
        }
        return data
    }
}
