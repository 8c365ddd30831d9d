import GSLCore
import GSLReports
import GSLStore
import GSLTabular

/// Presents the annual report's machine-readable forms and a figure's provenance.
enum ReportPresenter {
    /// A figure value as an exact JSON value.
    static func value(_ v: FigureValue) -> JSONValue {
        switch v {
        case .integer(let n): .int(n)
        case .real(let x): .number(x)
        case .none: .null
        }
    }

    /// A figure value as an exact cell.
    static func cell(_ v: FigureValue?) -> Cell {
        switch v {
        case .some(.integer(let n)): .int(n)
        case .some(.real(let x)): .double(x)
        case .some(.none), nil: .null
        }
    }

    /// The report as one JSON document: every figure with its id, section, label, unit and exact value.
    static func json(_ report: AnnualReport) -> JSONValue {
        .object([
            ("year", .int(Int64(report.year))),
            ("compare", report.compareYear.map { .int(Int64($0)) } ?? .null),
            (
                "figures",
                .array(
                    report.figures.map { f in
                        var pairs: [(String, JSONValue)] = [
                            ("id", .string(f.definition.id)),
                            ("section", .string(f.definition.section.rawValue)),
                            ("label_zh", .string(f.definition.label.zh)),
                            ("label_en", .string(f.definition.label.en)),
                            ("unit", .string(f.definition.unit.rawValue)), ("value", value(f.value)),
                        ]
                        if let p = f.previous { pairs.append(("previous", value(p))) }
                        return .object(pairs)
                    })
            ),
            (
                "charts",
                .array(
                    report.charts.map { c in
                        .object([
                            ("id", .string(c.definition.id)),
                            ("columns", .array(c.definition.columns.map { .string($0.en) })),
                            (
                                "rows",
                                .array(
                                    c.rows.map { r in
                                        .object([
                                            ("label", .string(r.label)),
                                            ("values", .array(r.values.map { .number($0) })),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    /// Every figure: id, section, label, value, unit and its query.
    static func figures(_ report: AnnualReport, _ output: Output) {
        var columns = [
            Column("id", title: output.t("编号", "id")), Column("section", title: output.t("部分", "section")),
            Column("label", title: output.t("指标", "figure")),
            Column("value", title: String(report.year), alignRight: true),
        ]
        if let compare = report.compareYear {
            columns.append(Column("previous", title: String(compare), alignRight: true))
        }
        columns += [
            Column("unit", title: output.t("单位", "unit")), Column("query", title: output.t("查询", "query")),
        ]
        let rows = report.figures.map { f -> [Cell] in
            var row: [Cell] = [
                .text(f.definition.id), .text(f.definition.section.title.text(output.lang)),
                .text(f.definition.label.text(output.lang)),
                output.format == .table
                    ? .text(ReportFormatting.value(f.value, f.definition, lang: output.lang)) : cell(f.value),
            ]
            if report.compareYear != nil {
                row.append(
                    output.format == .table
                        ? .text(
                            f.previous.map { ReportFormatting.value($0, f.definition, lang: output.lang) }
                                ?? "")
                        : cell(f.previous))
            }
            let query = f.definition.valueSQL.split(separator: "\n").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            .joined(separator: " ")
            row += [
                .text(f.definition.unit.rawValue),
                .text(output.format == .table ? String(query.prefix(60)) + "…" : query),
            ]
            return row
        }
        output.table(columns, rows)
    }

    /// A figure's definition, query, value, record count and first records.
    static func explain(_ e: FigureExplanation, _ output: Output) {
        let d = e.definition
        if output.isJSON {
            output.document(
                .object([
                    ("id", .string(d.id)), ("label_zh", .string(d.label.zh)),
                    ("label_en", .string(d.label.en)),
                    ("definition", .string(d.definition.text(output.lang))), ("from", .string(e.from.iso)),
                    ("to", .string(e.to.iso)), ("unit", .string(d.unit.rawValue)), ("value", value(e.value)),
                    ("query", .string(d.valueSQL)), ("records_query", .string(d.recordsSQL)),
                    ("record_count", .int(Int64(e.recordCount))),
                    ("columns", .array(e.columns.map { .string($0) })),
                    (
                        "records",
                        .array(e.rows.map { row in .array(row.map { $0.map(JSONValue.string) ?? .null }) })
                    ),
                ]))
            return
        }
        if output.format == .table {
            output.line(
                "\(d.label.text(output.lang))（\(d.id)）：\(ReportFormatting.value(e.value, d, lang: output.lang))"
            )
            output.line(output.t("口径：", "definition: ") + d.definition.text(output.lang))
            output.line(output.t("期间：", "period: ") + "\(e.from.iso) … \(e.to.iso)")
            output.line(output.t("查询：", "query:"))
            output.line(d.valueSQL)
            output.line(output.t("明细查询（\(e.recordCount) 条记录）：", "records query (\(e.recordCount) records):"))
            output.line(d.recordsSQL)
            output.line(output.t("前 \(e.rows.count) 条：", "first \(e.rows.count):"))
        }
        output.table(e.columns.map { Column($0) }, e.rows.map { $0.map { $0.map(Cell.text) ?? .null } })
    }
}
