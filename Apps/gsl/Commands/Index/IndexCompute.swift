import ArgumentParser
import Foundation
import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

extension PipelineStage: ExpressibleByArgument {}

/// Pipeline choices from flags, or a spec file.
struct PipelineFlags: ParsableArguments {
    @Option(help: "流程规格文件 YAML/JSON spec file (flags below override it)") var spec: String?
    @Option(help: "时期 period (default: the latest in the data)") var period: String?
    @Flag(help: "按分母换算 denominate") var denominate = false
    @Option(help: "筛选：单位数据可得率下限 screen: min data availability, e.g. 0.9") var screen: Double?
    @Option(help: "插补 impute: mean|median|groupMean|groupMedian|rowMean|panelLatest|panelLinear") var impute:
        ImputeMethod?
    @Option(name: .customLong("impute-group"), help: "分组插补的分组 group for group imputation") var imputeGroup:
        String?
    @Flag(help: "异常值处理（COINr 默认规则） treat outliers (COINr default rule)") var treat = false
    @Option(
        help:
            "标准化 normalise: minMax|zScore|goalposts|efficacy|distanceToTarget|distanceToMax|fractionOfMax|rank|borda|percentileRank"
    )
    var normalise: NormaliseMethod?
    @Option(help: "权重 weights: given|equal|entropy|critic|ahp|pca") var weights: WeightMethod?
    @Option(help: "聚合 aggregate: arithmetic|geometric|harmonic|generalised|copeland|topsis") var aggregate:
        AggregationMethod?
    @Flag(help: "AHP 一致性比率 ≥ 0.1 时仍继续 accept AHP CR ≥ 0.1") var force = false

    /// The spec: the file's, then the flags on top.
    func pipelineSpec() throws(GSLError) -> PipelineSpec {
        var spec = PipelineSpec()
        if let path = self.spec {
            let text = try InputFile.text(path, what: Message("规格文件", en: "spec file"))
            do {
                spec =
                    path.hasSuffix(".json")
                    ? try PipelineSpec.fromJSON(text, file: path)
                    : try PipelineSpec.fromYAML(text, file: path)
            } catch {
                throw error.at(SourceLocation(file: path))
            }
        }
        if let period { spec.period = try Period.parse(period).description }
        if denominate { spec.denominate = true }
        if let screen { spec.screen = PipelineSpec.Screen(minAvailability: screen) }
        if let impute { spec.impute = PipelineSpec.Impute(method: impute, group: imputeGroup) }
        if treat { spec.treat = PipelineSpec.Treat() }
        if let normalise {
            var n = spec.normalise ?? PipelineSpec.Normalise()
            n.method = normalise
            spec.normalise = n
        }
        if let weights {
            var w = spec.weights ?? PipelineSpec.Weights()
            w.method = weights
            spec.weights = w
        }
        if force {
            var w = spec.weights ?? PipelineSpec.Weights()
            w.force = true
            spec.weights = w
        }
        if let aggregate { spec.aggregate.method = aggregate }
        return spec
    }
}

extension IndexCommand {
    /// `gsl index compute`.
    struct Compute: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "compute", abstract: "计算指数并存档（含来源） compute and store a run with provenance",
            discussion:
                "例：gsl index compute --framework qinqing@v2 --dataset ningbo --period 2023 --normalise efficacy"
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "指标体系 framework code@version") var framework: String
        @Option(help: "数据集 dataset") var dataset = "default"
        @Option(help: "说明 label") var label: String?
        @OptionGroup var pipeline: PipelineFlags

        func execute(_ out: Output) throws(GSLError) {
            let repo = try IndexRepository(store: global.openStore())
            let run = try repo.compute(
                framework: framework, dataset: dataset, spec: pipeline.pipelineSpec(), label: label,
                context: global.context())
            let names = try repo.dataset(dataset).unitNames
            IndexPresenter.ranking(run, node: nil, names: names, out)
            out.notice(
                Message(
                    "已存档计算 #\(run.id)：\(run.framework.reference)（\(run.framework.hash.prefix(12))），数据 \(run.dataHash.prefix(12))，时期 \(run.period)",
                    en:
                        "stored run #\(run.id): \(run.framework.reference) (\(run.framework.hash.prefix(12))), data \(run.dataHash.prefix(12)), period \(run.period)"
                ))
        }
    }

    /// `gsl index runs`.
    struct Runs: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "runs", abstract: "列出计算记录 list runs")
        @OptionGroup var global: GlobalOptions
        @Option(help: "指标体系代码 framework code") var framework: String?

        func execute(_ out: Output) throws(GSLError) {
            let runs = try IndexRepository(store: global.openStore()).runs(framework: framework)
            out.table(
                [
                    Column("id", title: "#", alignRight: true),
                    Column("framework", title: out.t("指标体系", "framework")),
                    Column("dataset", title: out.t("数据集", "dataset")),
                    Column("period", title: out.t("时期", "period")),
                    Column("label", title: out.t("说明", "label")),
                    Column("uncertainty", title: out.t("不确定性", "uncertainty")),
                    Column("created_at", title: out.t("时间", "created")),
                ],
                runs.map {
                    [
                        .int($0.id), .text($0.framework), .text($0.dataset), .text($0.period),
                        $0.label.map(Cell.text) ?? .null,
                        .bool($0.hasUncertainty), .text($0.createdAt),
                    ]
                })
        }
    }

    /// `gsl index show RUN`.
    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "查看计算结果与来源 show a run's ranking and provenance",
            discussion: """
                例：gsl index show 3 --node near；gsl index show 3 --stage treated --format csv；
                gsl index show 3 --treatment
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("计算编号 run id", valueName: "run")) var runID: Int64
        @Option(help: "节点 node (default: the index)") var node: String?
        @Option(
            help: ArgumentHelp(
                "阶段数据（全精度）data set of a stage, full precision",
                valueName: "raw|denominated|imputed|screened|treated|normalised|aggregated"))
        var stage: PipelineStage?
        @Flag(help: "筛选记录与异常值处理日志 screening record and treatment log") var treatment = false

        func execute(_ out: Output) throws(GSLError) {
            if stage != nil && treatment {
                throw GSLError.usage("--stage 与 --treatment 只能选一个", en: "use either --stage or --treatment")
            }
            let repo = try IndexRepository(store: global.openStore())
            let r = try repo.run(runID)
            if let stage { return try IndexStagePresenter.stage(r, stage, out) }
            if treatment { return IndexStagePresenter.treatment(r, out) }
            IndexPresenter.ranking(r, node: node, names: try repo.dataset(r.dataset).unitNames, out)
            out.notice(
                Message(
                    "#\(r.id) \(r.framework.reference) 哈希 \(r.framework.hash.prefix(12))；数据集 \(r.dataset) 哈希 \(r.dataHash.prefix(12))；规格 \(r.specHash.prefix(12))；\(r.actor) \(r.createdAt)",
                    en:
                        "#\(r.id) \(r.framework.reference) hash \(r.framework.hash.prefix(12)); dataset \(r.dataset) hash \(r.dataHash.prefix(12)); spec \(r.specHash.prefix(12)); \(r.actor) \(r.createdAt)"
                ))
        }
    }

    /// `gsl index verify RUN`.
    struct Verify: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "按存档的体系、数据与规格复算并核对 recompute a run and compare",
            discussion: "例：gsl index verify 3")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("计算编号 run id", valueName: "run")) var runID: Int64

        func execute(_ out: Output) throws(GSLError) {
            let repo = try IndexRepository(store: global.openStore())
            let v = try repo.verify(runID)
            let r = try repo.run(runID)
            out.record([
                ("framework_unchanged", out.t("指标体系未变", "framework unchanged"), .bool(v.frameworkUnchanged)),
                ("data_unchanged", out.t("本期数据未变", "data of this period unchanged"), .bool(v.dataUnchanged)),
                ("spec_unchanged", out.t("规格未变", "spec unchanged"), .bool(v.specUnchanged)),
                (
                    "result_identical", out.t("复算结果一致", "recomputed result identical"),
                    .bool(v.resultIdentical)
                ),
            ])
            if !v.resultIdentical {
                var zh: [String] = [], en: [String] = []
                if !v.frameworkUnchanged {
                    zh.append("指标体系 \(r.framework.reference)")
                    en.append("framework \(r.framework.reference)")
                }
                if !v.dataUnchanged {
                    zh.append("数据集 \(r.dataset) 时期 \(r.period) 的数据")
                    en.append("the data of dataset \(r.dataset), period \(r.period)")
                }
                if !v.specUnchanged {
                    zh.append("流程规格")
                    en.append("the spec")
                }
                let what =
                    zh.isEmpty
                    ? Message(
                        "输入均未变，计算方法本身有变化（gsl 版本不同）",
                        en: "no input changed: the computation itself differs (another gsl version)")
                    : Message(
                        "已变更：" + zh.joined(separator: "、"), en: "changed: " + en.joined(separator: ", "))
                throw GSLError.data(
                    "计算 #\(runID) 复算结果与存档不一致；\(what.zh)",
                    en: "run #\(runID) does not recompute to the stored result; \(what.en)"
                ).because(.runNotReproducible)
            }
        }
    }

    /// Which data set `gsl index stats` describes.
    enum StatsStage: String, CaseIterable, ExpressibleByArgument {
        /// The raw indicator values of the run's period.
        case raw
        /// The indicators as aggregated (after every step the spec ran).
        case final
    }

    /// `gsl index stats RUN`.
    struct Stats: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "指标统计、相关、信度、主成分 statistics, correlations, alpha, PCA",
            discussion: """
                表格/CSV：指标统计表；α、主成分（全部特征值与方差占比）与有效权重写在标准错误。
                --correlations 另打印指标 × 指标相关矩阵（每对取两项均有值的单位）。
                --format json：一个 JSON 文档，含 indicators、alpha、pca（eigenvalues、variance_explained、
                loadings）、effective_weights 与 correlations。
                Table/CSV: the statistics table; alpha, PCA (every eigenvalue and its share) and the effective
                weights go to stderr. --correlations also prints the indicator × indicator correlation matrix
                (each pair over the units with both values). --format json: one document with indicators,
                alpha, pca (eigenvalues, variance_explained, loadings), effective_weights and correlations.
                例：gsl index stats 3；gsl index stats 3 --stage raw --correlations spearman
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("计算编号 run id", valueName: "run")) var runID: Int64
        @Option(help: "阶段 stage: raw (原始值) | final (聚合所用的指标值)") var stage: StatsStage = .final
        @Option(
            help:
                "相关矩阵 correlation matrix: pearson|spearman — every indicator against every other (pairwise complete)"
        )
        var correlations: Analysis.Correlation?

        func execute(_ out: Output) throws(GSLError) {
            let r = try IndexRepository(store: global.openStore()).run(runID)
            let fw = try r.framework.framework()
            let table = stage == .raw ? r.result.raw : r.result.finalIndicators
            let stats = IndicatorStats.of(table)
            let codes = table.columns
            let alpha = Analysis.cronbachAlpha(table, columns: codes)
            let pca = Analysis.pca(table, columns: codes)
            let eff = r.result.effectiveWeights.sorted { $0.key < $1.key }.filter {
                fw.node($0.key)?.isIndicator == true
            }
            let matrix = correlations.map { Analysis.correlations(table, columns: codes, method: $0) }
            func flags(_ s: IndicatorStats) -> [String] {
                [s.flagAvailability, s.flagNonZero, s.flagUnique, s.flagSkewKurt].filter {
                    !$0.isEmpty && $0.lowercased() != "ok"
                }
            }
            if out.isJSON {
                var doc: [(String, JSONValue)] = [
                    ("run", .int(runID)), ("stage", .string(stage.rawValue)),
                    (
                        "indicators",
                        .array(
                            stats.map { s in
                                .object([
                                    ("code", .string(s.code)), ("min", .number(s.min)),
                                    ("max", .number(s.max)),
                                    ("mean", .number(s.mean)), ("median", .number(s.median)),
                                    ("sd", .number(s.sd)), ("skew", .number(s.skew)),
                                    ("kurt", .number(s.kurt)),
                                    ("availability", .number(s.fractionAvailable)),
                                    ("flags", .array(flags(s).map { .string($0) })),
                                ])
                            })
                    ),
                    ("alpha", .number(alpha)),
                    (
                        "pca",
                        .object([
                            ("eigenvalues", .array(pca.eigenvalues.map { .number($0) })),
                            ("variance_explained", .array(pca.varianceExplained.map { .number($0) })),
                            ("loadings", .array(pca.loadings.map { .array($0.map { .number($0) }) })),
                        ])
                    ),
                    ("effective_weights", .object(eff.map { ($0.key, .number($0.value)) })),
                ]
                if let correlations, let matrix {
                    doc.append(
                        (
                            "correlations",
                            .object([
                                ("method", .string(correlations.rawValue)),
                                ("columns", .array(codes.map { .string($0) })),
                                ("matrix", .array(matrix.map { .array($0.map { .number($0) }) })),
                            ])
                        ))
                }
                out.document(.object(doc))
                return
            }
            out.table(
                [
                    Column("code", title: out.t("指标", "indicator")),
                    Column("min", title: "min", alignRight: true),
                    Column("max", title: "max", alignRight: true),
                    Column("mean", title: "mean", alignRight: true),
                    Column("median", title: "median", alignRight: true),
                    Column("sd", title: "sd", alignRight: true),
                    Column("skew", title: "skew", alignRight: true),
                    Column("kurt", title: "kurt", alignRight: true),
                    Column("availability", title: out.t("可得率", "availability"), alignRight: true),
                    Column("flags", title: out.t("标记", "flags")),
                ],
                stats.map { s in
                    [
                        .text(s.code), out.number(s.min), out.number(s.max), out.number(s.mean),
                        out.number(s.median), out.number(s.sd), out.number(s.skew), out.number(s.kurt),
                        out.number(s.fractionAvailable), .text(flags(s).joined(separator: ",")),
                    ]
                })
            let shares = pca.varianceExplained.map { "\(IndexPresenter.round($0 * 100))%" }
            let eigen = pca.eigenvalues.map { "\(IndexPresenter.round($0))" }
            out.notice(
                Message(
                    "Cronbach's α = \(IndexPresenter.round(alpha))；主成分特征值 \(eigen.joined(separator: " "))；解释方差 \(shares.joined(separator: " "))",
                    en:
                        "Cronbach's alpha = \(IndexPresenter.round(alpha)); PCA eigenvalues \(eigen.joined(separator: " ")); variance explained \(shares.joined(separator: " "))"
                ))
            if !eff.isEmpty {
                let text = eff.map { "\($0.key)=\(IndexPresenter.round($0.value))" }.joined(separator: " ")
                out.notice(Message("有效权重：" + text, en: "effective weights: " + text))
            }
            if let correlations, let matrix {
                var rows: [[Cell]] = []
                for (i, a) in codes.enumerated() {
                    rows.append([.text(a)] + codes.indices.map { out.number(matrix[i][$0]) })
                }
                if out.format == .csv { out.line("") }
                out.table(
                    [Column("indicator", title: correlations.rawValue)]
                        + codes.map { Column($0, alignRight: true) }, rows)
            }
        }
    }
}
