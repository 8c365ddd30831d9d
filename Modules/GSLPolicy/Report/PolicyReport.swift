import Foundation
import GSLCore

/// The evaluation report of one stored estimate: data, design, estimates with intervals, the
/// event-study plot, the balance table, the scorecard and the caveats — as Markdown or HTML
/// (with inline SVG), in Chinese unless English is asked for.
public struct PolicyReport: Sendable {
    /// The run's number, policy, creation instant and actor, input hash.
    public var run: Int64, policy: String, createdAt: String, createdBy: String, inputHash: String
    /// What was found.
    public var result: PolicyResult
    /// The latest scorecard computed from this run, if any.
    public var scorecard: ScorecardSummary?

    /// A report.
    public init(
        run: Int64, policy: String, createdAt: String, createdBy: String, inputHash: String,
        result: PolicyResult,
        scorecard: ScorecardSummary?
    ) {
        self.run = run
        self.policy = policy
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.inputHash = inputHash
        self.result = result
        self.scorecard = scorecard
    }

    /// Rounded half away from zero, as the CLI's tables round (92.25 → "92.3", not printf's "92.2").
    static func f(_ v: Double, _ digits: Int = 4) -> String {
        v.isFinite ? Markup.fixed(v, digits) : "—"
    }

    static func p(_ v: Double) -> String { v < 0.001 ? "<0.001" : String(format: "%.3f", v) }

    /// A section: heading and blocks (paragraphs or tables).
    enum Block {
        case paragraph(String)
        case table([String], [[String]])
        case svg(String)
        case list([String])
    }

    /// The report's sections in order.
    func sections(_ lang: Lang) -> [(String, [Block])] {
        let zh = lang == .zh
        func t(_ a: String, _ b: String) -> String { zh ? a : b }
        let r = result, s = r.sample
        var out: [(String, [Block])] = []
        let cohorts = s.cohorts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(
            separator: t("；", "; "))
        out.append(
            (
                t("数据", "Data"),
                [
                    .table(
                        [t("项目", "item"), t("值", "value")],
                        [
                            [t("政策", "policy"), policy],
                            [
                                t("结果变量", "outcome"),
                                zh
                                    ? "\(r.outcome.chinese)（\(r.outcome.unit.zh)）"
                                    : "\(r.outcome.rawValue) (\(r.outcome.unit.en))",
                            ],
                            [t("观测数", "observations"), String(s.observations)],
                            [t("企业数", "firms"), String(s.firms)],
                            [t("年份", "years"), "\(s.firstYear)–\(s.lastYear)"],
                            [
                                t("受政策企业 / 对照企业", "treated / control firms"),
                                "\(s.treatedFirms) / \(s.controlFirms)",
                            ],
                            [t("受政策批次（年份: 企业数）", "cohorts (year: firms)"), cohorts.isEmpty ? "—" : cohorts],
                            [t("输入数据哈希", "input hash"), String(inputHash.prefix(16))],
                            [t("运行", "run"), "#\(run) · \(createdAt) · \(createdBy)"],
                        ])
                ]
            ))
        var design: [String] = [
            zh ? "方法：\(r.method.chinese)（\(r.method.rawValue)）" : "Method: \(r.method.rawValue)"
        ]
        if let c = r.convention, let a = r.adjustment, let k = r.k {
            let conv = SmallSample(rawValue: c)
            design.append(
                zh
                    ? "标准误：按企业聚类（CR1），小样本口径 \(conv?.chinese ?? c)，K = \(k)，调整系数 \(Self.f(a, 6))"
                    : "Standard errors: clustered by firm (CR1), small-sample convention \(c), K = \(k), factor \(Self.f(a, 6))"
            )
        }
        if let sweeps = r.sweeps {
            design.append(
                t(
                    "企业与年份固定效应以交替投影吸收（\(sweeps) 轮，容差 1e-13）",
                    "Firm and year effects absorbed by alternating projections (\(sweeps) sweeps, tolerance 1e-13)"
                ))
        }
        if let c = r.control {
            design.append(t("对照组：\(c == "never" ? "从未受政策企业" : "尚未受政策企业")", "Controls: \(c)-treated firms"))
        }
        if !r.covariates.isEmpty {
            design.append(
                t("协变量（面板首年值）：", "Covariates (first panel year): ") + r.covariates.joined(separator: ", "))
        }
        if let caliper = r.caliper {
            design.append(t("卡尺（倾向得分单位）：", "Caliper (score units): ") + Self.f(caliper, 4))
        }
        out.append((t("设计", "Design"), [.list(design)]))
        let e = r.effect
        var estimates: [Block] = [
            .paragraph(
                zh
                    ? "平均处理效应（ATT）：**\(Self.f(e.estimate))**，标准误 \(Self.f(e.se))，95% 置信区间 [\(Self.f(e.low)), \(Self.f(e.high))]，p = \(Self.p(e.p))"
                    : "Average treatment effect on the treated (ATT): **\(Self.f(e.estimate))**, SE \(Self.f(e.se)), 95% CI [\(Self.f(e.low)), \(Self.f(e.high))], p = \(Self.p(e.p))"
            )
        ]
        let header = [
            t("项", "term"), t("估计值", "estimate"), t("标准误", "SE"), t("95% 下限", "95% low"),
            t("95% 上限", "95% high"), "p",
        ]
        func rows(_ list: [PolicyResult.Estimate]) -> [[String]] {
            list.map {
                [$0.term, Self.f($0.estimate), Self.f($0.se), Self.f($0.low), Self.f($0.high), Self.p($0.p)]
            }
        }
        if !r.coefficients.isEmpty {
            estimates.append(
                .paragraph(
                    r.method == .psm || r.method == .psmDid
                        ? t("倾向得分模型（logit）：", "Propensity model (logit):") : t("回归系数：", "Coefficients:")))
            estimates.append(.table(header, rows(r.coefficients)))
        }
        for summary in r.summaries {
            let kind = AggregationKind(rawValue: summary.kind)
            var title = zh ? "汇总：\(kind?.chinese ?? summary.kind)" : "Aggregation: \(summary.kind)"
            if let draws = summary.bootstrapDraws, let c = summary.bandCritical {
                title +=
                    zh
                    ? "（乘数自助法 \(draws) 次，一致置信带临界值 \(Self.f(c, 3))）"
                    : " (multiplier bootstrap, \(draws) draws, uniform band critical value \(Self.f(c, 3)))"
            }
            estimates.append(.paragraph(title))
            estimates.append(.table(header, rows([summary.overall] + summary.parts)))
        }
        if !r.cells.isEmpty {
            estimates.append(.paragraph("ATT(g,t)"))
            estimates.append(
                .table(
                    ["g", "t", t("基期", "base"), t("处理/对照企业", "treated/control"), "ATT", t("标准误", "SE")],
                    r.cells.map {
                        [
                            "\($0.group)", "\($0.year)", "\($0.base)",
                            "\($0.treatedFirms)/\($0.controlFirms)", Self.f($0.att), Self.f($0.se),
                        ]
                    }))
        }
        for test in r.tests {
            estimates.append(
                .paragraph(
                    zh
                        ? "政策前趋势联合检验：χ² = \(Self.f(test.statistic, 3))，自由度 \(test.df)，p = \(Self.p(test.p))"
                        : "Joint pre-trend test: χ² = \(Self.f(test.statistic, 3)), df \(test.df), p = \(Self.p(test.p))"
                ))
        }
        out.append((t("估计结果", "Estimates"), estimates))
        if let svg = Self.eventPlot(r, lang) {
            out.append((t("事件研究图", "Event-study plot"), [.svg(svg)]))
        }
        if !r.balance.isEmpty {
            var blocks: [Block] = [
                .table(
                    [
                        t("协变量", "covariate"), t("处理组均值（前）", "treated (before)"),
                        t("对照组均值（前）", "control (before)"), t("标准化差异（前）", "SMD (before)"),
                        t("处理组均值（后）", "treated (after)"), t("对照组均值（后）", "control (after)"),
                        t("标准化差异（后）", "SMD (after)"),
                    ],
                    r.balance.map {
                        [
                            $0.name, Self.f($0.treatedBefore), Self.f($0.controlBefore),
                            Self.f($0.smdBefore, 3), Self.f($0.treatedAfter), Self.f($0.controlAfter),
                            Self.f($0.smdAfter, 3),
                        ]
                    })
            ]
            if let pairs = r.matchedPairs, let un = r.unmatchedTreated {
                blocks.append(
                    .paragraph(
                        zh
                            ? "匹配对 \(pairs) 对；卡尺外未匹配的受政策企业 \(un) 家。"
                            : "\(pairs) matched pairs; \(un) treated firms unmatched within the caliper."))
            }
            if let a = r.treatedScoreRange, let b = r.controlScoreRange {
                blocks.append(
                    .paragraph(
                        zh
                            ? "倾向得分范围：处理组 [\(Self.f(a[0], 3)), \(Self.f(a[1], 3))]，对照组 [\(Self.f(b[0], 3)), \(Self.f(b[1], 3))]。"
                            : "Score ranges: treated [\(Self.f(a[0], 3)), \(Self.f(a[1], 3))], control [\(Self.f(b[0], 3)), \(Self.f(b[1], 3))]."
                    ))
            }
            out.append((t("平衡性检验", "Balance"), blocks))
        }
        if let sc = scorecard {
            var blocks: [Block] = [
                .paragraph(
                    zh
                        ? "绩效评价（\(sc.title)，\(sc.framework)，评分 #\(sc.id)）：总分 **\(Self.f(sc.score, 1))**\(sc.grade.map { "，等级：\($0)" } ?? "")"
                        : "Performance scorecard (\(sc.title), \(sc.framework), #\(sc.id)): total **\(Self.f(sc.score, 1))**\(sc.grade.map { ", grade \($0)" } ?? "")"
                )
            ]
            blocks.append(
                .table(
                    [t("指标", "node"), t("权重", "weight"), t("输入值", "input"), t("得分", "score")],
                    sc.nodes.map {
                        [
                            String(repeating: "　", count: $0.depth) + $0.name, Self.f($0.weight, 3),
                            $0.input.map { Self.f($0, 3) } ?? "", Self.f($0.score, 1),
                        ]
                    }))
            if let source = sc.satisfactionSource {
                blocks.append(.paragraph(t("服务对象满意度来自问卷：\(source)", "Satisfaction from a survey: \(source)")))
            }
            out.append((t("绩效评分", "Scorecard"), blocks))
        }
        out.append((t("注意事项", "Caveats"), [.list(zh ? r.caveatsZh : r.caveatsEn)]))
        return out
    }

    /// The event-study plot of `r` (effects by event time with their intervals), nil without event times.
    public static func eventPlot(_ r: PolicyResult, _ lang: Lang) -> String? {
        guard !r.eventTimes.isEmpty else { return nil }
        let zh = lang == .zh
        let points = zip(r.eventTimes, r.eventEstimates).map {
            (x: Double($0), y: $1.estimate, low: Optional($1.low), high: Optional($1.high))
        }
        return SVGChart.lines(
            title: zh
                ? "事件研究：相对政策年份的效应（95% 区间）" : "Event study: effects by years since adoption (95% intervals)",
            xLabel: zh ? "相对政策年份 e" : "event time e", yLabel: zh ? r.outcome.chinese : r.outcome.rawValue,
            series: [SVGChart.Series(label: "ATT(e)", colour: "#c0392b", points: points)], zero: true,
            marker: -0.5)
    }

    /// The report as Markdown.
    public func markdown(_ lang: Lang) -> String {
        var md = lang == .zh ? "# 政策效果评估报告：\(policy)\n\n" : "# Policy evaluation report: \(policy)\n\n"
        for (heading, blocks) in sections(lang) {
            md += "## \(heading)\n\n"
            for block in blocks {
                switch block {
                case .paragraph(let text): md += text + "\n\n"
                case .list(let items): md += items.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
                case .svg: md += lang == .zh ? "（图见 HTML 版报告）\n\n" : "(plot in the HTML report)\n\n"
                case .table(let head, let rows):
                    md += "| " + head.joined(separator: " | ") + " |\n"
                    md += "|" + head.map { _ in "---" }.joined(separator: "|") + "|\n"
                    for row in rows {
                        md +=
                            "| "
                            + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(
                                separator: " | ") + " |\n"
                    }
                    md += "\n"
                }
            }
        }
        return md
    }

    /// The report as one HTML page with inline SVG.
    public func html(_ lang: Lang) -> String {
        func e(_ s: String) -> String { SVGChart.escape(s) }
        func inline(_ s: String) -> String {
            // **bold** → <strong>
            var out = "", bold = false
            var rest = Substring(e(s))
            while let r = rest.range(of: "**") {
                out += rest[..<r.lowerBound]
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
                rest = rest[r.upperBound...]
            }
            return out + rest
        }
        let title = lang == .zh ? "政策效果评估报告：\(policy)" : "Policy evaluation report: \(policy)"
        var html = """
            <!DOCTYPE html>
            <html lang="\(lang == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(e(title))</title>
            <style>body{font-family:sans-serif;max-width:960px;margin:2em auto;line-height:1.5}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
            td:first-child,th:first-child{text-align:left}</style></head><body>
            <h1>\(e(title))</h1>

            """
        for (heading, blocks) in sections(lang) {
            html += "<h2>\(e(heading))</h2>\n"
            for block in blocks {
                switch block {
                case .paragraph(let text): html += "<p>\(inline(text))</p>\n"
                case .list(let items): html += "<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
                case .svg(let svg): html += svg
                case .table(let head, let rows):
                    html += "<table><tr>" + head.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
                    for row in rows { html += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }
                    html += "</table>\n"
                }
            }
        }
        return html + "</body></html>\n"
    }
}
