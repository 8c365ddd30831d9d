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
            let view = try IndexService(store: global.openStore()).compute(
                framework: framework, dataset: dataset, spec: pipeline.pipelineSpec(), label: label,
                context: global.context())
            IndexRunPresenter.computed(view, out)
        }
    }

    /// `gsl index runs`.
    struct Runs: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "runs", abstract: "列出计算记录 list runs")
        @OptionGroup var global: GlobalOptions
        @Option(help: "指标体系代码 framework code") var framework: String?

        func execute(_ out: Output) throws(GSLError) {
            let runs = try IndexService(store: global.openStore()).runs(framework: framework)
            IndexRunPresenter.runs(runs, out)
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
            let view = try IndexService(store: global.openStore()).run(runID)
            if let stage { return try IndexStagePresenter.stage(view.run, stage, out) }
            if treatment { return IndexStagePresenter.treatment(view.run, out) }
            IndexRunPresenter.shown(view, node: node, out)
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
            let verified = try IndexService(store: global.openStore()).verify(runID)
            IndexRunPresenter.verification(verified, out)
            let v = verified.verification, r = verified.run
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
        @Option(help: "阶段 stage: raw (原始值) | final (聚合所用的指标值)") var stage: IndicatorAnalysis.Stage = .final
        @Option(
            help:
                "相关矩阵 correlation matrix: pearson|spearman — every indicator against every other (pairwise complete)"
        )
        var correlations: Analysis.Correlation?

        func execute(_ out: Output) throws(GSLError) {
            let analysis = try IndexService(store: global.openStore()).statistics(
                ofRun: runID, stage: stage, correlations: correlations)
            IndexRunPresenter.statistics(analysis, run: runID, out)
        }
    }
}
