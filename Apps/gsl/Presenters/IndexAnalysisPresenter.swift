import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

/// Tables for analyses of runs: uncertainty, sensitivity, comparison, explanation, what-if, trend,
/// assessment.
enum IndexAnalysisPresenter {
    /// Rank uncertainty: nominal and median ranks with their Q5–Q95 interval.
    static func uncertainty(_ analysis: RunAnalysis<UncertaintyResult>, _ out: Output) {
        let runID = analysis.run.id
        IndexPresenter.dataChanged(analysis, out)
        let result = analysis.value
        let order = result.units.indices.sorted { result.nominalRank[$0] < result.nominalRank[$1] }
        out.table(
            [
                Column("unit", title: out.t("单位", "unit")), Column("name", title: out.t("名称", "name")),
                Column("nominal", title: out.t("名义排名", "nominal rank"), alignRight: true),
                Column("median", title: out.t("中位排名", "median rank"), alignRight: true),
                Column("q5", title: "Q5", alignRight: true),
                Column("q95", title: "Q95", alignRight: true),
            ],
            order.map { i in
                [
                    .text(result.units[i]), .text(analysis.unitNames[result.units[i]] ?? ""),
                    .int(Int64(result.nominalRank[i])),
                    out.number(result.medianRank[i]), out.number(result.q5[i]), out.number(result.q95[i]),
                ]
            })
        out.notice(
            Message(
                "\(result.runs) 次模拟，已保存到计算 #\(runID)",
                en: "\(result.runs) simulations, saved on run #\(runID)"))
    }

    /// Sensitivity indices per uncertain input.
    static func sensitivity(_ analysis: RunAnalysis<SensitivityResult>, _ out: Output) {
        IndexPresenter.dataChanged(analysis, out)
        let s = analysis.value
        out.table(
            [
                Column("input", title: out.t("不确定输入", "uncertain input")),
                Column("first", title: out.t("一阶指数 Si", "first-order Si"), alignRight: true),
                Column("total", title: out.t("总效应 STi", "total STi"), alignRight: true),
            ],
            s.inputs.indices.map {
                [
                    .text(s.inputs[$0]), IndexPresenter.measure(s.firstOrder[$0]),
                    IndexPresenter.measure(s.total[$0]),
                ]
            })
        out.notice(
            Message(
                "输出：\(s.output)；\(s.evaluations) 次计算",
                en: "output: \(s.output); \(s.evaluations) evaluations"))
    }

    /// Rank changes between two runs, with rank correlations on stderr.
    static func comparison(_ compared: RunComparison, _ out: Output) {
        let a = compared.a.id, b = compared.b.id
        let cmp = compared.comparison, names = compared.unitNames
        out.table(
            [
                Column("unit", title: out.t("单位", "unit")), Column("name", title: out.t("名称", "name")),
                Column("a", title: "#\(a)", alignRight: true),
                Column("b", title: "#\(b)", alignRight: true),
                Column("change", title: out.t("变化", "change"), alignRight: true),
            ],
            cmp.rows.sorted { $0.rankB < $1.rankB }.map {
                [
                    .text($0.unit), .text(names[$0.unit] ?? ""), .int(Int64($0.rankA)),
                    .int(Int64($0.rankB)),
                    .text($0.change > 0 ? "↑\($0.change)" : $0.change < 0 ? "↓\(-$0.change)" : "–"),
                ]
            })
        out.notice(
            Message(
                "Spearman ρ = \(IndexPresenter.round(cmp.spearman))，Kendall τ = \(IndexPresenter.round(cmp.kendall))，平均排名变化 \(IndexPresenter.round(cmp.meanAbsoluteChange))",
                en:
                    "Spearman rho = \(IndexPresenter.round(cmp.spearman)), Kendall tau = \(IndexPresenter.round(cmp.kendall)), mean absolute rank change \(IndexPresenter.round(cmp.meanAbsoluteChange))"
            ))
    }

    /// Contributions to one unit's score, strengths and weaknesses.
    static func explanation(_ explained: RunExplanation, _ out: Output) {
        let unit = explained.explanation.unit
        let fw = explained.framework, e = explained.explanation
        out.table(
            [
                Column("indicator", title: out.t("指标", "indicator")),
                Column("name", title: out.t("名称", "name")),
                Column("value", title: out.t("标准化值", "normalised"), alignRight: true),
                Column("weight", title: out.t("有效权重", "effective weight"), alignRight: true),
                Column("contribution", title: out.t("贡献", "contribution"), alignRight: true),
                Column("rank", title: out.t("该指标排名", "rank on it"), alignRight: true),
            ],
            e.items.map { i in
                let n = fw.node(i.indicator)
                return [
                    .text(i.indicator), .text((out.lang == .zh ? n?.nameZh : n?.nameEn) ?? ""),
                    IndexPresenter.measure(i.value), IndexPresenter.measure(i.weight),
                    IndexPresenter.measure(i.contribution), .int(Int64(i.rank)),
                ]
            })
        out.notice(
            Message(
                "\(unit) 得分 \(IndexPresenter.round(e.score))，排名 \(e.rank)；优势：\(e.strengths.joined(separator: "、"))；短板：\(e.weaknesses.joined(separator: "、"))",
                en:
                    "\(unit) score \(IndexPresenter.round(e.score)), rank \(e.rank); strengths: \(e.strengths.joined(separator: ", ")); weaknesses: \(e.weaknesses.joined(separator: ", "))"
            ))
        if !e.missing.isEmpty {
            out.notice(
                Message(
                    "缺失（不计入，其余指标权重按比例放大）：\(e.missing.joined(separator: "、"))",
                    en:
                        "missing (left out; the other weights scaled up in proportion): \(e.missing.joined(separator: ", "))"
                ))
        }
    }

    /// One unit's score and rank before and after a what-if change.
    static func whatIf(_ analysis: RunAnalysis<WhatIf>, unit: String, _ out: Output) {
        IndexPresenter.dataChanged(analysis, out)
        let w = analysis.value
        out.record([
            ("unit", out.t("单位", "unit"), .text(unit)),
            ("score_before", out.t("原得分", "score before"), IndexPresenter.measure(w.scoreBefore)),
            ("score_after", out.t("新得分", "score after"), IndexPresenter.measure(w.scoreAfter)),
            ("rank_before", out.t("原排名", "rank before"), .int(Int64(w.rankBefore))),
            ("rank_after", out.t("新排名", "rank after"), .int(Int64(w.rankAfter))),
        ])
    }

    /// A trend: the runs computed for it on stderr, then a row per period and unit.
    static func trend(_ trend: TrendReport, _ out: Output) {
        for (period, id) in trend.computed {
            out.notice(
                Message(
                    "时期 \(period) 没有同规格的计算，已计算并存档 #\(id)",
                    en: "no run of period \(period) with this spec: computed and stored run #\(id)"
                ))
        }
        let specLabel = String(trend.specHash.prefix(12))
        let rows: [[Cell]] = trend.rows.map { r in
            [
                .text(r.period), .text(r.unit), .text(r.name ?? ""), .text(trend.framework),
                .text(trend.dataset), .text(specLabel), .int(r.run),
                r.score.map { out.number($0) } ?? .null, r.rank.map { .int(Int64($0)) } ?? .null,
            ]
        }
        out.table(
            [
                Column("period", title: out.t("时期", "period")),
                Column("unit", title: out.t("单位", "unit")), Column("name", title: out.t("名称", "name")),
                Column("framework", title: out.t("指标体系", "framework")),
                Column("dataset", title: out.t("数据集", "dataset")),
                Column("spec", title: out.t("规格（不含时期）", "spec (without period)")),
                Column("run", title: out.t("计算", "run"), alignRight: true),
                Column("score", title: out.t("得分", "score"), alignRight: true),
                Column("rank", title: out.t("排名", "rank"), alignRight: true),
            ], rows)
    }

    /// Grades, with a note when no uncertainty analysis flags them.
    static func assessment(_ assessed: RunAssessment, _ out: Output) {
        let runID = assessed.run.id
        let a = assessed.assessment, names = assessed.unitNames
        if assessed.run.uncertainty == nil {
            out.notice(
                Message(
                    "尚无不确定性分析（gsl index uncertainty \(runID)），不标记不确定评级",
                    en:
                        "no uncertainty analysis yet (gsl index uncertainty \(runID)); grades are not flagged"
                ))
        }
        out.table(
            IndexPresenter.assessmentColumns(out),
            a.rows.map { IndexPresenter.assessmentRow($0, names: names, out) })
    }
}
