import GSLCore
import GSLStore

/// How report figures are written for people (machine formats carry the exact values instead).
public enum ReportFormatting {
    /// `n` with thousands separators.
    static func grouped(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A figure's value with its unit: `3,300家`, `61.08亿元`, `93.4%`, `78.52`; "—" when missing.
    public static func value(_ value: FigureValue, _ figure: FigureDefinition, lang: Lang) -> String {
        switch (value, figure.unit) {
        case (.none, _): return "—"
        case (.integer(let n), .fen): return Money(fen: n).formatted(.auto, lang: lang)
        case (.integer(let n), .count): return grouped(n) + (lang == .zh ? figure.measure.zh : "")
        case (_, .share): return Markup.fixed((value.double ?? 0) * 100, 1) + "%"
        case (_, .score): return Markup.fixed(value.double ?? 0, 2)
        case (.real(let x), _): return Markup.fixed(x, 2)
        }
    }

    /// The change against the comparison year: `+120家 (+3.8%)`, `+2.1个百分点`.
    public static func change(_ f: ReportFigure, lang: Lang) -> String {
        guard let change = f.change else { return "" }
        let sign = change > 0 ? "+" : change < 0 ? "−" : "±"
        let magnitude = abs(change)
        let absolute: String
        switch f.definition.unit {
        case .fen: absolute = Money(fen: Int64(magnitude)).formatted(.auto, lang: lang)
        case .count: absolute = grouped(Int64(magnitude)) + (lang == .zh ? f.definition.measure.zh : "")
        case .share: absolute = Markup.fixed(magnitude * 100, 1) + (lang == .zh ? "个百分点" : " pp")
        case .score: absolute = Markup.fixed(magnitude, 2)
        }
        guard f.definition.unit != .share, let rel = f.relativeChange else { return sign + absolute }
        return sign + absolute + " (" + (rel >= 0 ? "+" : "−") + Markup.fixed(abs(rel) * 100, 1) + "%)"
    }

    /// A figure's row for people: label, value, and with a comparison year its value then and the change.
    public static func cells(_ f: ReportFigure, lang: Lang) -> [String] {
        var row = [f.definition.label.text(lang), value(f.value, f.definition, lang: lang)]
        if let p = f.previous { row += [value(p, f.definition, lang: lang), change(f, lang: lang)] }
        return row
    }

    /// The report's title.
    public static func title(_ report: AnnualReport, lang: Lang) -> String {
        lang == .zh ? "\(report.year) 年度工作报告（数据篇）" : "Annual report \(report.year): the year in figures"
    }

    /// The provenance line under the title.
    public static func provenance(lang: Lang) -> String {
        lang == .zh
            ? "每个数字均由记录查询得出；用 gsl report explain <编号> 查看其查询、记录数与明细。"
            : "Every number is a query over the records; gsl report explain <id> shows its query, count and records."
    }

    /// Chinese section numbering (一、二、…).
    static func ordinal(_ i: Int, lang: Lang) -> String {
        let zh = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return lang == .zh ? (i < zh.count ? zh[i] : String(i + 1)) + "、" : "\(i + 1). "
    }
}

/// The annual report as plain text (a terminal) and Markdown.
public enum AnnualReportText {
    /// Plain text, columns aligned by display width.
    public static func text(_ report: AnnualReport, lang: Lang) -> String {
        var out =
            ReportFormatting.title(report, lang: lang) + "\n" + ReportFormatting.provenance(lang: lang) + "\n"
        for (i, section) in FigureSection.allCases.enumerated() {
            let figures = report.figures(in: section)
            if figures.isEmpty { continue }
            out += "\n" + ReportFormatting.ordinal(i, lang: lang) + section.title.text(lang) + "\n"
            var rows: [[String]] = []
            for f in figures { rows.append(ReportFormatting.cells(f, lang: lang) + [f.definition.id]) }
            if let compare = report.compareYear {
                let header = [
                    lang == .zh ? "指标" : "figure", String(report.year), String(compare),
                    lang == .zh ? "变化" : "change", lang == .zh ? "编号" : "id",
                ]
                rows.insert(header, at: 0)
            }
            let widths = (0..<(rows.first?.count ?? 0)).map { c in
                rows.map { DisplayWidth.of($0[c]) }.max() ?? 0
            }
            for row in rows {
                let cells = row.enumerated().map { c, cell in
                    DisplayWidth.pad(cell, to: widths[c], right: c > 0 && c < row.count - 1)
                }
                out +=
                    "  "
                    + cells.joined(separator: "  ").replacingOccurrences(
                        of: " +$", with: "", options: .regularExpression) + "\n"
            }
        }
        return out
    }

    /// Markdown: one table per section.
    public static func markdown(_ report: AnnualReport, lang: Lang) -> String {
        var out =
            "# " + ReportFormatting.title(report, lang: lang) + "\n\n"
            + ReportFormatting.provenance(lang: lang) + "\n"
        for (i, section) in FigureSection.allCases.enumerated() {
            let figures = report.figures(in: section)
            if figures.isEmpty { continue }
            out += "\n## " + ReportFormatting.ordinal(i, lang: lang) + section.title.text(lang) + "\n\n"
            var header = [lang == .zh ? "指标" : "Figure", String(report.year)]
            if let compare = report.compareYear {
                header += [String(compare), lang == .zh ? "变化" : "Change"]
            }
            header.append(lang == .zh ? "编号" : "Id")
            out += "| " + header.joined(separator: " | ") + " |\n"
            out +=
                "|" + header.indices.map { $0 == 0 || $0 == header.count - 1 ? "---|" : "---:|" }.joined()
                + "\n"
            for f in figures {
                let row = ReportFormatting.cells(f, lang: lang) + ["`\(f.definition.id)`"]
                out +=
                    "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
                    + " |\n"
            }
        }
        return out
    }
}
