import GSLCore
import GSLStore

/// The annual report as one self-contained HTML file: figure tables per section and inline SVG
/// charts, no scripts, fonts or images from the network; the print stylesheet gives A4 pages.
public enum AnnualReportHTML {
    static let palette = ["#3b73b9", "#e0a800", "#c0392b", "#7f8c8d"]
    /// Chart width in CSS pixels: fits the A4 text column (180 mm ≈ 680 px).
    static let chartWidth = 660.0
    static let font = 12.0

    /// The whole document.
    public static func html(_ report: AnnualReport, lang: Lang) -> String {
        let zh = lang == .zh
        let title = ReportFormatting.title(report, lang: lang)
        var h = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Markup.escape(title))</title>
            <style>
            body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:720px;color:#222;line-height:1.5}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:2px solid #3b73b9;padding-bottom:.2em;margin-top:1.6em}
            .prov{color:#555;font-size:.9em}
            table.figures{border-collapse:collapse;width:100%;margin:.6em 0;table-layout:fixed}
            table.figures td,table.figures th{border-bottom:1px solid #ddd;padding:4px 6px;text-align:right;overflow-wrap:anywhere}
            table.figures td:first-child,table.figures th:first-child{text-align:left}
            table.figures td.id{color:#777;font-family:monospace;font-size:.8em;text-align:left;word-break:break-all}
            figure{margin:1em 0}figcaption{font-weight:bold;margin-bottom:.3em}
            svg text{font-size:\(Int(font))px;font-family:inherit}
            .legend span{display:inline-block;margin-right:1em;font-size:.9em}.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
            @media print{@page{size:A4;margin:16mm 14mm}body{margin:0;max-width:none;font-size:10.5pt}section{break-inside:auto}figure,table.figures tr{break-inside:avoid}h2{break-after:avoid}}
            </style></head><body>
            <h1>\(Markup.escape(title))</h1>
            <p class="prov">\(Markup.escape(ReportFormatting.provenance(lang: lang)))</p>

            """
        for (i, section) in FigureSection.allCases.enumerated() {
            let figures = report.figures(in: section)
            let charts = report.charts.filter { $0.definition.section == section }
            if figures.isEmpty && charts.isEmpty { continue }
            h +=
                "<section id=\"\(section.rawValue)\">\n<h2>\(ReportFormatting.ordinal(i, lang: lang))\(Markup.escape(section.title.text(lang)))</h2>\n"
            h += table(figures, report: report, lang: lang)
            for chart in charts { h += figure(chart, lang: lang) }
            h += "</section>\n"
        }
        return h + "</body></html>\n"
    }

    static func table(_ figures: [ReportFigure], report: AnnualReport, lang: Lang) -> String {
        let zh = lang == .zh
        var cols = ["44%", "18%"]
        var head = "<th>\(zh ? "指标" : "Figure")</th><th>\(report.year)</th>"
        if let compare = report.compareYear {
            head += "<th>\(compare)</th><th>\(zh ? "变化" : "Change")</th>"
            cols = ["26%", "17%", "17%", "22%"]
        }
        head += "<th>\(zh ? "编号" : "Id")</th>"
        var t =
            "<table class=\"figures\"><colgroup>" + cols.map { "<col style=\"width:\($0)\">" }.joined()
            + "<col></colgroup>\n<tr>\(head)</tr>\n"
        for f in figures {
            t +=
                "<tr data-figure=\"\(f.definition.id)\" title=\"\(Markup.escape(f.definition.definition.text(lang)))\">"
            t += "<td>\(Markup.escape(f.definition.label.text(lang)))</td>"
            t += "<td>\(Markup.escape(ReportFormatting.value(f.value, f.definition, lang: lang)))</td>"
            if let p = f.previous {
                t += "<td>\(Markup.escape(ReportFormatting.value(p, f.definition, lang: lang)))</td>"
                t += "<td>\(Markup.escape(ReportFormatting.change(f, lang: lang)))</td>"
            }
            t += "<td class=\"id\">\(f.definition.id)</td></tr>\n"
        }
        return t + "</table>\n"
    }

    static func figure(_ chart: ReportChart, lang: Lang) -> String {
        var f =
            "<figure data-chart=\"\(chart.definition.id)\"><figcaption>\(Markup.escape(chart.definition.title.text(lang)))</figcaption>\n"
        if chart.definition.columns.count > 1 && chart.definition.id != "match.deals-by-kind" {
            f += "<div class=\"legend\">"
            for (i, c) in chart.definition.columns.enumerated() {
                f +=
                    "<span><i style=\"background:\(color(i, chart))\"></i>\(Markup.escape(c.text(lang)))</span>"
            }
            f += "</div>\n"
        }
        switch chart.definition.id {
        case "events.by-month": f += columns(chart, lang: lang)
        case "pair.coverage-by-county": f += bars(chart, lang: lang, overlay: true)
        case "match.deals-by-kind": f += bars(chart, lang: lang, onlyFirst: true)
        default: f += bars(chart, lang: lang)
        }
        return f + "</figure>\n"
    }

    /// The colour of column `i` (the coverage chart draws the total light and the paired dark).
    static func color(_ i: Int, _ chart: ReportChart) -> String {
        if chart.definition.id == "pair.coverage-by-county" { return i == 0 ? palette[0] : "#cfd8e6" }
        return palette[i % palette.count]
    }

    static func number(_ x: Double, _ unit: FigureUnit) -> String {
        unit == .score
            ? Markup.fixed(x, 1) : x == x.rounded() ? ReportFormatting.grouped(Int64(x)) : Markup.fixed(x, 2)
    }

    /// Horizontal bars, one row per label: stacked columns, or (`overlay`) the second column drawn
    /// behind the first, or (`onlyFirst`) the first column with the others written after it.
    static func bars(_ chart: ReportChart, lang: Lang, overlay: Bool = false, onlyFirst: Bool = false)
        -> String
    {
        let rows = chart.rows
        if rows.isEmpty { return empty(lang) }
        let rowH = 22.0
        let labels = rows.map { chart.label($0.label, lang: lang) }
        let labelW = min(190, max(60, (labels.map { Markup.textWidth($0) }.max() ?? 0) + 10))
        let valueText: ([Double]) -> String = { v in
            if overlay {
                return number(v[0], chart.definition.unit) + " / " + number(v[1], chart.definition.unit)
            }
            if onlyFirst {
                return number(v[0], chart.definition.unit)
                    + zip(chart.definition.columns.dropFirst(), v.dropFirst()).map {
                        "  " + $0.text(lang) + " " + Markup.fixed($1, 2)
                    }.joined()
            }
            return number(v.reduce(0, +), chart.definition.unit)
        }
        let valueW = (rows.map { Markup.textWidth(valueText($0.values)) }.max() ?? 0) + 8
        let barW = chartWidth - labelW - valueW - 10
        let total: ([Double]) -> Double = { v in overlay ? v.max() ?? 0 : onlyFirst ? v[0] : v.reduce(0, +) }
        let maxV = max(rows.map { total($0.values) }.max() ?? 1, 1e-9)
        let height = Double(rows.count) * rowH + 8
        var s = svgOpen(chart, height: height)
        for (i, row) in rows.enumerated() {
            let y = 4 + Double(i) * rowH
            let label = Markup.fit(labels[i], width: labelW - 10)
            s +=
                "<text x=\"\(Markup.fixed(labelW - 6, 1))\" y=\"\(Markup.fixed(y + 15, 1))\" text-anchor=\"end\">\(Markup.escape(label))</text>"
            var x = labelW
            let parts: [(Int, Double)] =
                overlay
                ? [(1, row.values[1]), (0, row.values[0])]
                : onlyFirst ? [(0, row.values[0])] : Array(row.values.enumerated())
            for (c, v) in parts {
                let w = max(0, v / maxV * barW)
                let bx = overlay ? labelW : x
                s +=
                    "<rect class=\"bar\" x=\"\(Markup.fixed(bx, 1))\" y=\"\(Markup.fixed(y + 3, 1))\" width=\"\(Markup.fixed(w, 1))\" height=\"\(Markup.fixed(rowH - 6, 1))\" fill=\"\(color(c, chart))\"><title>\(Markup.escape(chart.definition.columns[c].text(lang))): \(number(v, chart.definition.unit))</title></rect>"
                if !overlay { x += w }
            }
            let end = labelW + total(row.values) / maxV * barW
            s +=
                "<text x=\"\(Markup.fixed(end + 4, 1))\" y=\"\(Markup.fixed(y + 15, 1))\">\(Markup.escape(valueText(row.values)))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// Vertical stacked columns, one per label (months), with the total above each.
    static func columns(_ chart: ReportChart, lang: Lang) -> String {
        let rows = chart.rows
        if rows.isEmpty { return empty(lang) }
        let height = 220.0, top = 18.0, bottom = 22.0, left = 8.0
        let slot = (chartWidth - 2 * left) / Double(rows.count)
        let colW = min(36, slot * 0.7)
        let maxV = max(rows.map { $0.values.reduce(0, +) }.max() ?? 1, 1e-9)
        let plotH = height - top - bottom
        var s = svgOpen(chart, height: height)
        for (i, row) in rows.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            var y = height - bottom
            for (c, v) in row.values.enumerated() {
                let h = v / maxV * plotH
                y -= h
                s +=
                    "<rect class=\"bar\" x=\"\(Markup.fixed(cx - colW / 2, 1))\" y=\"\(Markup.fixed(y, 1))\" width=\"\(Markup.fixed(colW, 1))\" height=\"\(Markup.fixed(h, 1))\" fill=\"\(color(c, chart))\"><title>\(Markup.escape(chart.definition.columns[c].text(lang))): \(number(v, chart.definition.unit))</title></rect>"
            }
            let label = String(row.label.suffix(2))
            s +=
                "<text x=\"\(Markup.fixed(cx, 1))\" y=\"\(Markup.fixed(y - 4, 1))\" text-anchor=\"middle\">\(number(row.values.reduce(0, +), chart.definition.unit))</text>"
            s +=
                "<text x=\"\(Markup.fixed(cx, 1))\" y=\"\(Markup.fixed(height - 6, 1))\" text-anchor=\"middle\">\(Markup.escape(lang == .zh ? label + "月" : label))</text>\n"
        }
        return s + "</svg>\n"
    }

    static func svgOpen(_ chart: ReportChart, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"\(chart.definition.id)\" width=\"\(Int(chartWidth))\" height=\"\(Int(height.rounded(.up)))\" viewBox=\"0 0 \(Int(chartWidth)) \(Int(height.rounded(.up)))\" role=\"img\">\n"
    }

    static func empty(_ lang: Lang) -> String {
        "<p class=\"prov\">\(lang == .zh ? "本年度无数据。" : "No data for the year.")</p>\n"
    }
}
