import Foundation

/// The format of a survey report.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Markdown, with the charts as inline SVG (rendered by most Markdown viewers that allow HTML).
    case md
    /// One self-contained HTML page.
    case html
}

/// A survey report: the questionnaire's questions in order with their frequencies as bars, means
/// and α for scales, the weighting used and the sample sizes. Labels in Chinese.
public struct SurveyReport: Sendable {
    /// The survey's title.
    public var title: String
    /// Respondents.
    public var respondents: Int
    /// Lines describing the weighting (empty: unweighted).
    public var weighting: [String]
    /// Lines describing linking to records.
    public var linking: [String]
    /// Frequency tables by question id (matrix: one per row).
    public var frequencies: [String: [FrequencyTable]]
    /// Means by question id, for scale questions.
    public var means: [String: MeanTable]
    /// The codebook (question order).
    public var codebook: Codebook

    /// A report.
    public init(
        title: String, respondents: Int, weighting: [String], linking: [String],
        frequencies: [String: [FrequencyTable]], means: [String: MeanTable], codebook: Codebook
    ) {
        self.title = title
        self.respondents = respondents
        self.weighting = weighting
        self.linking = linking
        self.frequencies = frequencies
        self.means = means
        self.codebook = codebook
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func percent(_ x: Double) -> String {
        x.isFinite ? String(format: "%.1f%%", x * 100) : "—"
    }

    /// Horizontal bars of shares, one per option, with the percentage and count written beside.
    static func bars(_ table: FrequencyTable) -> String {
        let rowHeight = 22
        let labelWidth = 180
        let barWidth = 320
        let height = rowHeight * table.rows.count + 8
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 130)\" height=\(quote(height)) role=\"img\" font-family=\"sans-serif\" font-size=\"13\">"
        for (i, row) in table.rows.enumerated() {
            let y = 4 + i * rowHeight
            let share = row.share.value.isFinite ? max(0, min(1, row.share.value)) : 0
            let w = Int((share * Double(barWidth)).rounded())
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(row.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"16\" fill=\"#3b6ea5\"/>"
            let weighted = row.weighted.map { String(format: "，加权 %.1f", $0) } ?? ""
            svg +=
                "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 15)\">\(percent(row.share.value))（\(row.count)\(weighted)）</text>"
        }
        return svg + "</svg>"
    }

    static func quote(_ n: Int) -> String { "\"\(n)\"" }

    /// The report text.
    public func render(_ format: ReportFormat) -> String {
        var parts: [String] = []
        let html = format == .html
        func heading(_ level: Int, _ text: String) {
            parts.append(
                html
                    ? "<h\(level)>\(Self.escape(text))</h\(level)>"
                    : String(repeating: "#", count: level) + " " + text)
        }
        func paragraph(_ text: String) { parts.append(html ? "<p>\(Self.escape(text))</p>" : text) }
        func list(_ items: [String]) {
            if html {
                parts.append("<ul>" + items.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>")
            } else {
                parts.append(items.map { "- \($0)" }.joined(separator: "\n"))
            }
        }
        heading(1, title)
        paragraph("有效答卷 \(respondents) 份。")
        heading(2, "加权")
        list(weighting.isEmpty ? ["未加权：比例为样本比例，置信区间为 Wilson 区间。"] : weighting)
        if !linking.isEmpty {
            heading(2, "与会员、企业记录的匹配")
            list(linking)
        }
        for q in codebook.questions {
            heading(2, "\(q.id) \(q.text)（\(q.type.zh)题）")
            if q.type == .fillIn {
                let answered = frequencies[q.id]?.first?.answered ?? 0
                paragraph(
                    q.role.map { _ in "个人信息，报告中不列出（\(answered) 人填写）。" } ?? "开放题：\(answered) 人填写。")
                if q.role == nil, let rows = frequencies[q.id]?.first?.rows.prefix(10), !rows.isEmpty {
                    list(rows.map { "\($0.label)（\($0.count)）" })
                }
                continue
            }
            for table in frequencies[q.id] ?? [] {
                if let row = table.row { heading(3, row) }
                var note = "作答 \(table.answered) 人"
                if table.unanswered > 0 { note += "，未作答 \(table.unanswered) 人" }
                if q.type == .multiple { note += "；多选题，比例为选择该项的受访者占作答者的比例，合计可超过 100%" }
                paragraph(note + "。")
                parts.append(html ? "<figure>\(Self.bars(table))</figure>" : Self.bars(table))
            }
            if let m = means[q.id] {
                var items = m.lines.map { line in
                    line.label
                        + String(
                            format: "：均值 %.2f（95%% 区间 %.2f–%.2f，n = %d）", line.mean.value, line.mean.lower,
                            line.mean.upper, line.mean.n)
                }
                if let alpha = m.cronbachAlpha {
                    items.append(String(format: "Cronbach's α = %.3f（%d 人完整作答）", alpha, m.alphaN))
                }
                list(items)
            }
        }
        if html {
            return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>\(Self.escape(title))</title>
                <style>body{font-family:sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5}figure{margin:0.5rem 0}</style>
                </head><body>
                \(parts.joined(separator: "\n"))
                </body></html>

                """
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
