import ArgumentParser
import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

/// A run with the framework and the data it was computed from, checked unchanged.
struct RunContext {
    let repo: IndexRepository
    let run: StoredRun
    let framework: GSLIndexScoring.Framework
    let data: Dataset

    init(_ global: GlobalOptions, _ id: Int64, _ out: Output) throws(GSLError) {
        repo = try IndexRepository(store: global.openStore())
        let inputs = try repo.inputs(ofRun: id)
        run = inputs.run
        framework = inputs.framework
        data = inputs.data
        if inputs.dataChanged {
            out.notice(
                Message(
                    "注意：数据集 \(run.dataset) 时期 \(run.period) 的数据在计算 #\(id) 之后已变更，分析按当前数据进行",
                    en:
                        "note: the data of dataset \(run.dataset), period \(run.period) changed after run #\(id); the analysis uses the current data"
                ))
        }
    }
}

/// What varies in uncertainty and sensitivity analyses.
struct UncertaintyChoices: ParsableArguments {
    @Option(help: "随机种子 seed") var seed: UInt64 = 1
    @Option(name: .customLong("weight-noise"), help: "权重扰动幅度 weight noise (±share)") var weightNoise = 0.25
    @Option(help: "备选标准化（逗号分隔） alternative normalisations") var normalisations: String?
    @Option(help: "备选聚合（逗号分隔） alternative aggregations") var aggregations: String?
    @Option(help: "备选插补（逗号分隔） alternative imputations") var imputations: String?

    func spec(runs: Int) throws(GSLError) -> UncertaintySpec {
        UncertaintySpec(
            runs: runs, seed: seed, weightNoise: weightNoise,
            normalisations: try IndexPresenter.list(normalisations, NormaliseMethod.self, "normalisations"),
            aggregations: try IndexPresenter.list(aggregations, AggregationMethod.self, "aggregations"),
            imputations: try IndexPresenter.list(imputations, ImputeMethod.self, "imputations"))
    }
}

extension IndexCommand {
    /// `gsl index uncertainty RUN`.
    struct Uncertainty: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "uncertainty", abstract: "蒙特卡洛不确定性分析 Monte Carlo uncertainty of ranks",
            discussion:
                "例：gsl index uncertainty 3 --runs 1000 --seed 7 --normalisations minMax,zScore --aggregations arithmetic,geometric"
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("计算编号 run id", valueName: "run")) var runID: Int64
        @Option(help: "次数 runs") var runs = 1000
        @OptionGroup var choices: UncertaintyChoices

        func execute(_ out: Output) throws(GSLError) {
            let c = try RunContext(global, runID, out)
            let spec = try choices.spec(runs: runs)
            let result = try UncertaintyAnalysis.run(
                framework: c.framework, data: c.data, spec: c.run.spec, uncertainty: spec)
            try c.repo.saveUncertainty(result, run: runID, context: global.context())
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
                        .text(result.units[i]), .text(c.data.unitNames[result.units[i]] ?? ""),
                        .int(Int64(result.nominalRank[i])),
                        out.number(result.medianRank[i]), out.number(result.q5[i]), out.number(result.q95[i]),
                    ]
                })
            out.notice(
                Message(
                    "\(result.runs) 次模拟，已保存到计算 #\(runID)",
                    en: "\(result.runs) simulations, saved on run #\(runID)"))
        }
    }

    /// `gsl index sensitivity RUN`.
    struct Sensitivity: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "sensitivity",
            abstract: "Saltelli 敏感性分析 variance-based sensitivity (first-order and total)",
            discussion: "例：gsl index sensitivity 3 --runs 500 --normalisations minMax,zScore")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("计算编号 run id", valueName: "run")) var runID: Int64
        @Option(help: "基础样本数 base sample size N") var runs = 500
        @OptionGroup var choices: UncertaintyChoices

        func execute(_ out: Output) throws(GSLError) {
            let c = try RunContext(global, runID, out)
            let spec = try choices.spec(runs: runs)
            let s = try SensitivityAnalysis.run(
                framework: c.framework, data: c.data, spec: c.run.spec, uncertainty: spec)
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
    }

    /// `gsl index compare RUN1 RUN2`.
    struct Compare: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare", abstract: "比较两次计算的排名 rank changes, Spearman ρ, Kendall τ",
            discussion: "例：gsl index compare 1 2（如 v1 与 v2 体系）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "计算 A run A") var a: Int64
        @Argument(help: "计算 B run B") var b: Int64

        func execute(_ out: Output) throws(GSLError) {
            let repo = try IndexRepository(store: global.openStore())
            let ra = try repo.run(a), rb = try repo.run(b)
            let fa = try ra.framework.framework(), fb = try rb.framework.framework()
            let cmp = RankComparison(ra.result, rb.result, node: fa.rootCode, nodeB: fb.rootCode)
            let names = try repo.dataset(rb.dataset).unitNames
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
    }

    /// `gsl index explain RUN UNIT`.
    struct Explain: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain", abstract: "解释某单位得分：各指标贡献、优势、短板 contributions, strengths, weaknesses",
            discussion: "例：gsl index explain 3 330212")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("计算编号 run id", valueName: "run")) var runID: Int64
        @Argument(help: "单位 unit") var unit: String
        @Option(help: "节点 node (default: the index)") var node: String?

        func execute(_ out: Output) throws(GSLError) {
            let repo = try IndexRepository(store: global.openStore())
            let r = try repo.run(runID)
            let fw = try r.framework.framework()
            let e = try Explanation(result: r.result, framework: fw, unit: unit, node: node)
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
    }

    /// `gsl index whatif RUN UNIT --set IND=VALUE`.
    struct WhatIfCommand: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "whatif", abstract: "假设分析：改一个指标值后的得分与排名 what-if",
            discussion: "例：gsl index whatif 3 330212 --set gs_startup_days=1.5")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("计算编号 run id", valueName: "run")) var runID: Int64
        @Argument(help: "单位 unit") var unit: String
        @Option(name: .customLong("set"), help: "指标=原始值（可多次） IND=VALUE (repeatable)") var assignments:
            [String]

        func execute(_ out: Output) throws(GSLError) {
            let c = try RunContext(global, runID, out)
            var values: [String: Double] = [:]
            for a in assignments {
                let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let v = Double(TextNormaliser.numeric(parts[1])) else {
                    throw GSLError.usage(
                        "--set 应为 指标=数值，实际为「\(a)」", en: "--set must be IND=VALUE, found '\(a)'")
                }
                guard c.framework.node(parts[0])?.isIndicator == true else {
                    throw GSLError.data("未知指标：\(parts[0])", en: "unknown indicator: \(parts[0])")
                        .because(.unknownIndicator)
                }
                values[parts[0]] = v
            }
            let w = try WhatIf(
                framework: c.framework, data: c.data, spec: c.run.spec, unit: unit, values: values)
            out.record([
                ("unit", out.t("单位", "unit"), .text(unit)),
                ("score_before", out.t("原得分", "score before"), IndexPresenter.measure(w.scoreBefore)),
                ("score_after", out.t("新得分", "score after"), IndexPresenter.measure(w.scoreAfter)),
                ("rank_before", out.t("原排名", "rank before"), .int(Int64(w.rankBefore))),
                ("rank_after", out.t("新排名", "rank after"), .int(Int64(w.rankAfter))),
            ])
        }
    }

    /// `gsl index trend --unit U (--run N | --framework F --dataset D [spec flags])`.
    struct Trend: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "trend", abstract: "单位历年得分与排名（同一数据集、同一规格） scores and ranks over periods",
            discussion: """
                每个时期取同一指标体系、同一数据集、同一流程规格（仅时期不同）且数据未变的计算；没有就计算并存档。
                For every period of the dataset: the run with this framework version, dataset and spec (only the
                period differs) on unchanged data; when there is none it is computed and stored.
                例：gsl index trend --unit 330212 --run 3
                    gsl index trend --unit 330212 --framework qinqing@v2 --dataset ningbo --normalise efficacy
                不给 --run 与 --framework 时沿用最近一次计算的体系、数据集与规格。
                Without --run or --framework, the latest run's framework, dataset and spec are used.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "单位（可多次） unit (repeatable)") var unit: [String]
        @Option(help: "沿用此计算的体系、数据集与规格 copy framework, dataset and spec from run") var run: Int64?
        @Option(help: "指标体系 framework code@version") var framework: String?
        @Option(help: "数据集 dataset") var dataset: String?
        @OptionGroup var pipeline: PipelineFlags

        func execute(_ out: Output) throws(GSLError) {
            guard !unit.isEmpty else {
                throw GSLError.usage("请用 --unit 指定单位", en: "give a unit with --unit")
            }
            if pipeline.period != nil {
                throw GSLError.usage(
                    "趋势覆盖数据集的全部时期，不接受 --period", en: "a trend covers every period: --period is not allowed")
            }
            let repo = try IndexRepository(store: global.openStore())
            let flagSpec = try pipeline.pipelineSpec()
            let reference: String, datasetName: String
            var spec: PipelineSpec
            var template: StoredRun?
            if framework == nil {
                if let run {
                    template = try repo.run(run)
                } else if let latest = try repo.runs(limit: 1).first {
                    template = try repo.run(latest.id)
                }
            }
            if let template {
                if flagSpec != PipelineSpec() {
                    throw GSLError.usage(
                        "沿用计算的规格时不接受流程选项", en: "pipeline options cannot be combined with a copied run's spec")
                }
                if let dataset, dataset != template.dataset {
                    throw GSLError.usage(
                        "计算 #\(template.id) 用的是数据集 \(template.dataset)，不是 \(dataset)",
                        en: "run #\(template.id) used dataset \(template.dataset), not \(dataset)")
                }
                reference = template.framework.reference
                datasetName = template.dataset
                spec = template.spec
            } else {
                guard let framework else {
                    throw GSLError.notFound(
                        "还没有计算：请给出 --framework 与 --dataset", en: "no runs yet: give --framework and --dataset"
                    )
                }
                if run != nil {
                    throw GSLError.usage("--run 与 --framework 只能二选一", en: "give either --run or --framework")
                }
                reference = try repo.framework(framework).reference
                datasetName = dataset ?? "default"
                spec = flagSpec
            }
            let stored = try repo.framework(reference)
            let data = try repo.dataset(datasetName)
            let node = try stored.framework().rootCode
            for u in unit where !data.units.contains(u) {
                throw GSLError.notFound(
                    "数据集 \(datasetName) 中没有单位 \(u)", en: "dataset \(datasetName) has no unit \(u)")
            }
            let summaries = try repo.runs(framework: stored.code, limit: Int.max).filter {
                $0.framework == stored.reference && $0.dataset == datasetName
            }
            // The spec shown: every period's spec with its period left out (so all rows agree).
            var general = spec
            general.period = nil
            let specLabel = String(general.contentHash.prefix(12))
            var rows: [[Cell]] = []
            for period in data.sortedPeriods {
                spec.period = period
                let specHash = spec.contentHash
                let dataHash = data.inputHash(period: period, spec: spec)
                var chosen: StoredRun?
                for s in summaries where s.period == period {
                    let candidate = try repo.run(s.id)
                    if candidate.specHash == specHash && candidate.dataHash == dataHash {
                        chosen = candidate
                        break
                    }
                }
                if chosen == nil {
                    let computed = try repo.compute(
                        framework: stored.reference, dataset: datasetName, spec: spec, label: "trend",
                        context: global.context())
                    out.notice(
                        Message(
                            "时期 \(period) 没有同规格的计算，已计算并存档 #\(computed.id)",
                            en:
                                "no run of period \(period) with this spec: computed and stored run #\(computed.id)"
                        ))
                    chosen = computed
                }
                let r = chosen!
                for u in unit {
                    rows.append([
                        .text(period), .text(u), .text(data.unitNames[u] ?? ""), .text(stored.reference),
                        .text(datasetName), .text(specLabel), .int(r.id),
                        r.result.score(unit: u, node: node).map { out.number($0) } ?? .null,
                        r.result.rank(unit: u, node: node).map { .int(Int64($0)) } ?? .null,
                    ])
                }
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
    }

    /// `gsl index assess RUN`.
    struct Assess: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "assess",
            abstract: "考核评级（区间跨档标记为不确定） grades, flagged uncertain when Q5–Q95 crosses a boundary",
            discussion: "例：gsl index uncertainty 3 --runs 1000 && gsl index assess 3")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("计算编号 run id", valueName: "run")) var runID: Int64

        func execute(_ out: Output) throws(GSLError) {
            let repo = try IndexRepository(store: global.openStore())
            let r = try repo.run(runID)
            let a = try Assessment(
                result: r.result, framework: r.framework.framework(), uncertainty: r.uncertainty)
            let names = try repo.dataset(r.dataset).unitNames
            if r.uncertainty == nil {
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
}
