import GSLCore

/// Renders a run as Markdown or as one self-contained HTML file with SVG charts (ranking bars with
/// Q5–Q95 rank whiskers, scores per dimension, change against the previous run).
public enum IndexReport {
    /// Markdown text of the report.
    public static func markdown(_ input: IndexReportInput, lang: Lang) -> String {
        let zh = lang == .zh
        let fw = input.framework
        var md = "# \(zh ? fw.nameZh : fw.nameEn) — \(input.result.period)\n\n"
        md += provenance(input, lang: lang).map { "- \($0)\n" }.joined() + "\n"
        if fw.illustrative {
            md +=
                zh
                ? "> 示意版本：权重或目标值未公开，结果仅供演示。\n\n"
                : "> Illustrative framework: weights or targets are not public.\n\n"
        }
        md += zh ? "## 排名\n\n" : "## Ranking\n\n"
        let dims = input.dimensions
        var header = [zh ? "排名" : "Rank", zh ? "单位" : "Unit", zh ? "得分" : "Score"]
        header += dims.map { name(fw, $0, zh) }
        if input.uncertainty != nil { header.append("Q5–Q95") }
        if input.assessment != nil { header.append(zh ? "评级" : "Grade") }
        if input.previous != nil { header.append(zh ? "较上次" : "vs previous") }
        md += "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---|" }.joined() + "\n"
        for l in input.lines {
            var cells = [String(l.rank), l.name, fmt(l.score)]
            cells += dims.map { fmt(input.result.score(unit: l.unit, node: $0) ?? .nan) }
            if input.uncertainty != nil {
                cells.append(l.interval.map { "\(fmt($0.q5, 0))–\(fmt($0.q95, 0))" } ?? "")
            }
            if input.assessment != nil {
                cells.append((l.grade ?? "") + (l.uncertain ? (zh ? "（不确定）" : " (uncertain)") : ""))
            }
            if input.previous != nil { cells.append(change(l)) }
            md +=
                "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
                + " |\n"
        }
        md += zh ? "\n## 权重\n\n" : "\n## Weights\n\n"
        md +=
            "| \(zh ? "节点" : "Node") | \(zh ? "名称" : "Name") | \(zh ? "权重" : "Weight") | \(zh ? "有效权重" : "Effective") |\n|---|---|---|---|\n"
        for code in fw.treeOrder where code != fw.rootCode {
            md +=
                "| \(String(repeating: "  ", count: max(0, fw.depth(of: code) - 1)))\(code) | \(name(fw, code, zh)) | "
            md +=
                "\(fmt(input.result.weights[code] ?? fw.node(code)?.weight ?? .nan, 3)) | \(fmt(input.result.effectiveWeights[code] ?? .nan, 3)) |\n"
        }
        return md
    }

    /// One self-contained HTML page with inline CSS and SVG.
    public static func html(_ input: IndexReportInput, lang: Lang) -> String {
        let zh = lang == .zh
        let fw = input.framework
        let title = "\(zh ? fw.nameZh : fw.nameEn) — \(input.result.period)"
        var h = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(esc(title))</title>
            <style>
            body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em auto;max-width:1000px;color:#222}
            table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
            td:nth-child(2),th:nth-child(2){text-align:left}.note{background:#fff6dd;padding:.5em 1em;border-left:4px solid #e0a800}
            svg text{font-size:12px}.prov{color:#555;font-size:90%}
            </style></head><body>
            <h1>\(esc(title))</h1>

            """
        h +=
            "<ul class=\"prov\">" + provenance(input, lang: lang).map { "<li>\(esc($0))</li>" }.joined()
            + "</ul>\n"
        if fw.illustrative {
            h +=
                "<p class=\"note\">\(zh ? "示意版本：权重或目标值未公开，结果仅供演示。" : "Illustrative framework: weights or targets are not public.")</p>\n"
        }
        h += "<h2>\(zh ? "排名与不确定性" : "Ranking and uncertainty")</h2>\n" + rankingSVG(input, zh: zh)
        if !input.dimensions.isEmpty {
            h += "<h2>\(zh ? "各维度得分" : "Scores by dimension")</h2>\n" + dimensionSVG(input, zh: zh)
        }
        if let previous = input.previous {
            h +=
                "<h2>\(zh ? "较上次计算 #\(previous.id) 的变化" : "Change against run #\(previous.id)")</h2>\n"
                + changeSVG(input, zh: zh)
        }
        h +=
            "<h2>\(zh ? "明细" : "Details")</h2>\n<table><tr><th>\(zh ? "排名" : "Rank")</th><th>\(zh ? "单位" : "Unit")</th><th>\(zh ? "得分" : "Score")</th>"
        if input.uncertainty != nil { h += "<th>Q5–Q95</th>" }
        if input.assessment != nil { h += "<th>\(zh ? "评级" : "Grade")</th>" }
        if input.previous != nil { h += "<th>\(zh ? "较上次" : "vs previous")</th>" }
        h += "</tr>\n"
        for l in input.lines {
            h += "<tr><td>\(l.rank)</td><td>\(esc(l.name))</td><td>\(fmt(l.score))</td>"
            if input.uncertainty != nil {
                h += "<td>\(l.interval.map { "\(fmt($0.q5, 0))–\(fmt($0.q95, 0))" } ?? "")</td>"
            }
            if input.assessment != nil {
                h += "<td>\(esc((l.grade ?? "") + (l.uncertain ? (zh ? "（不确定）" : " (uncertain)") : "")))</td>"
            }
            if input.previous != nil { h += "<td>\(esc(change(l)))</td>" }
            h += "</tr>\n"
        }
        h += "</table>\n</body></html>\n"
        return h
    }

    // MARK: Charts

    static func rankingSVG(_ input: IndexReportInput, zh: Bool) -> String {
        let lines = input.lines
        let n = lines.count
        let rowH = 22, barW = 360, rankW = 320
        let labelW = labelColumn(lines.map { "\($0.rank). \($0.name)" })
        let gap = Int(lines.map { textWidth(fmt($0.score, 1)) }.max() ?? 0) + 16
        let title = zh ? "排名（点：名义排名；线：Q5–Q95）" : "Rank (dot: nominal; line: Q5–Q95)"
        let width = labelW + barW + gap + max(rankW, Int(textWidth(title))) + 20, height = n * rowH + 50
        let maxScore = max(lines.map(\.score).filter(\.isFinite).max() ?? 1, 1e-9)
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\">\n"
        s += "<text x=\"\(labelW)\" y=\"14\">\(zh ? "得分" : "Score")</text>"
        s +=
            "<text x=\"\(labelW + barW + gap)\" y=\"14\">\(title)</text>\n"
        let rankX = { (r: Double) -> Double in
            Double(labelW + barW + gap) + (r - 1) / Double(max(n - 1, 1)) * Double(rankW - 10)
        }
        for (i, l) in lines.enumerated() {
            let y = 30 + i * rowH
            let w = l.score.isFinite ? max(0, l.score / maxScore * Double(barW)) : 0
            s +=
                "<text x=\"\(labelW - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(l.rank). \(esc(l.name))</text>"
            s +=
                "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(fmt(w, 1))\" height=\"\(rowH - 6)\" fill=\"\(l.uncertain ? "#e0a800" : "#3b73b9")\"/>"
            s += "<text x=\"\(fmt(Double(labelW) + w + 4, 1))\" y=\"\(y + 14)\">\(fmt(l.score, 1))</text>"
            if let iv = l.interval {
                s +=
                    "<line x1=\"\(fmt(rankX(iv.q5), 1))\" x2=\"\(fmt(rankX(iv.q95), 1))\" y1=\"\(y + 11)\" y2=\"\(y + 11)\" stroke=\"#555\" stroke-width=\"2\"/>"
                s +=
                    "<line x1=\"\(fmt(rankX(iv.q5), 1))\" x2=\"\(fmt(rankX(iv.q5), 1))\" y1=\"\(y + 6)\" y2=\"\(y + 16)\" stroke=\"#555\"/>"
                s +=
                    "<line x1=\"\(fmt(rankX(iv.q95), 1))\" x2=\"\(fmt(rankX(iv.q95), 1))\" y1=\"\(y + 6)\" y2=\"\(y + 16)\" stroke=\"#555\"/>"
            }
            s +=
                "<circle cx=\"\(fmt(rankX(Double(l.rank)), 1))\" cy=\"\(y + 11)\" r=\"4\" fill=\"#c0392b\"/>\n"
        }
        for r in Set([1, max(1, (n + 1) / 2), n]).sorted() {
            s +=
                "<text x=\"\(fmt(rankX(Double(r)), 1))\" y=\"\(height - 6)\" text-anchor=\"middle\">\(r)</text>"
        }
        return s + "</svg>\n"
    }

    static func dimensionSVG(_ input: IndexReportInput, zh: Bool) -> String {
        let dims = input.dimensions
        let lines = input.lines
        let rowH = 22, labelW = labelColumn(lines.map(\.name))
        let cellW = max(110, Int(dims.map { textWidth(name(input.framework, $0, zh)) }.max() ?? 0) + 12)
        let width = labelW + dims.count * cellW + 10, height = (lines.count + 1) * rowH + 10
        var values: [Double] = []
        for l in lines {
            for d in dims {
                if let v = input.result.score(unit: l.unit, node: d), v.isFinite { values.append(v) }
            }
        }
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\">\n"
        for (j, d) in dims.enumerated() {
            s +=
                "<text x=\"\(labelW + j * cellW + cellW / 2)\" y=\"15\" text-anchor=\"middle\">\(esc(name(input.framework, d, zh)))</text>"
        }
        for (i, l) in lines.enumerated() {
            let y = (i + 1) * rowH
            s += "<text x=\"\(labelW - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(esc(l.name))</text>"
            for (j, d) in dims.enumerated() {
                let v = input.result.score(unit: l.unit, node: d) ?? .nan
                let t = v.isFinite && hi > lo ? (v - lo) / (hi - lo) : 0.5
                let color = "rgb(\(Int(235 - 180 * t)),\(Int(240 - 110 * t)),\(Int(250 - 60 * t)))"
                s +=
                    "<rect x=\"\(labelW + j * cellW)\" y=\"\(y + 2)\" width=\"\(cellW - 2)\" height=\"\(rowH - 2)\" fill=\"\(color)\"/>"
                s +=
                    "<text x=\"\(labelW + j * cellW + cellW / 2)\" y=\"\(y + 16)\" text-anchor=\"middle\">\(fmt(v, 1))</text>"
            }
            s += "\n"
        }
        return s + "</svg>\n"
    }

    static func changeSVG(_ input: IndexReportInput, zh: Bool) -> String {
        let lines = input.lines
        // Columns from left to right: unit names, room for the longest change label, the bars that go
        // down (left of the axis), the bars that go up, room for the label again. A label never reaches
        // the names, however long the bar.
        let rowH = 22, half = 200
        let labelW = labelColumn(lines.map(\.name))
        let changeW = Int(lines.map { textWidth(change($0)) }.max() ?? 0) + 10
        let width = labelW + 2 * (changeW + half) + 10, height = lines.count * rowH + 20
        let changes = lines.map { l in l.previousRank.map { $0 - l.rank } ?? 0 }
        let maxChange = max(changes.map(abs).max() ?? 1, 1)
        let mid = labelW + changeW + half
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\" data-chart=\"change\">\n"
        s += "<line x1=\"\(mid)\" x2=\"\(mid)\" y1=\"0\" y2=\"\(height)\" stroke=\"#999\"/>\n"
        for (i, l) in lines.enumerated() {
            let y = 5 + i * rowH
            let c = changes[i]
            let w = Double(abs(c)) / Double(maxChange) * Double(half)
            let x = c >= 0 ? Double(mid) : Double(mid) - w
            s += "<text x=\"\(labelW - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(esc(l.name))</text>"
            s +=
                "<rect x=\"\(fmt(x, 1))\" y=\"\(y + 3)\" width=\"\(fmt(w, 1))\" height=\"\(rowH - 6)\" fill=\"\(c >= 0 ? "#2e8b57" : "#c0392b")\"/>"
            s +=
                "<text x=\"\(fmt(c >= 0 ? Double(mid) + w + 4 : Double(mid) - w - 4, 1))\" y=\"\(y + 14)\" text-anchor=\"\(c >= 0 ? "start" : "end")\">\(esc(change(l)))</text>\n"
        }
        return s + "</svg>\n"
    }

    // MARK: Helpers

    static func provenance(_ input: IndexReportInput, lang: Lang) -> [String] {
        let zh = lang == .zh
        let r = input.result
        var out = [
            zh
                ? "计算 #\(input.runID)，\(input.actor) 于 \(input.createdAt)"
                : "Run #\(input.runID) by \(input.actor) at \(input.createdAt)",
            (zh ? "指标体系 " : "Framework ")
                + "\(input.framework.reference)，SHA-256 \(input.frameworkHash.prefix(16))",
            (zh ? "数据集 " : "Dataset ") + "\(input.dataset)，SHA-256 \(input.dataHash.prefix(16))",
            (zh ? "流程：" : "Pipeline: ") + pipelineSummary(r.spec),
        ]
        if let u = input.uncertainty {
            out.append(zh ? "不确定性：\(u.runs) 次蒙特卡洛模拟" : "Uncertainty: \(u.runs) Monte Carlo runs")
        }
        return out
    }

    static func pipelineSummary(_ s: PipelineSpec) -> String {
        var parts: [String] = []
        if s.denominate { parts.append("denominate") }
        if let sc = s.screen { parts.append("screen \(fmt(sc.minAvailability, 2))") }
        if let i = s.impute { parts.append("impute \(i.method.rawValue)") }
        if s.treat != nil { parts.append("treat") }
        if let n = s.normalise { parts.append("normalise \(n.method.rawValue)") }
        if let w = s.weights { parts.append("weights \(w.method.rawValue)") }
        parts.append("aggregate \(s.aggregate.method.rawValue)")
        return parts.joined(separator: " → ")
    }

    static func change(_ l: IndexReportInput.Line) -> String {
        guard let p = l.previousRank else { return "" }
        let c = p - l.rank
        return c > 0 ? "↑\(c)" : c < 0 ? "↓\(-c)" : "–"
    }

    static func name(_ fw: Framework, _ code: String, _ zh: Bool) -> String {
        guard let n = fw.node(code) else { return code }
        return zh ? n.nameZh : n.nameEn
    }

    static func fmt(_ x: Double, _ digits: Int = 2) -> String { Markup.fixed(x, digits) }

    /// Estimated width in pixels of `text` at the charts' 12 px font.
    static func textWidth(_ text: String, fontSize: Double = 12) -> Double {
        Markup.textWidth(text, fontSize: fontSize)
    }

    /// The x of a column of right-aligned labels (anchored 6 px left of it) that all fit, at least 130.
    static func labelColumn(_ labels: [String]) -> Int {
        max(130, Int((labels.map { textWidth($0) }.max() ?? 0).rounded(.up)) + 14)
    }

    static func esc(_ s: String) -> String { Markup.escape(s) }
}
