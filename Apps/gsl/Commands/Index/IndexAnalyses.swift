import ArgumentParser
import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

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
            let service = try IndexService(store: global.openStore())
            let spec = try choices.spec(runs: runs)
            let analysis = try service.uncertainty(ofRun: runID, spec, context: global.context())
            IndexAnalysisPresenter.uncertainty(analysis, out)
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
            let service = try IndexService(store: global.openStore())
            let spec = try choices.spec(runs: runs)
            let analysis = try service.sensitivity(ofRun: runID, spec)
            IndexAnalysisPresenter.sensitivity(analysis, out)
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
            let compared = try IndexService(store: global.openStore()).compare(a, b)
            IndexAnalysisPresenter.comparison(compared, out)
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
            let explained = try IndexService(store: global.openStore()).explain(
                run: runID, unit: unit, node: node)
            IndexAnalysisPresenter.explanation(explained, out)
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
            let service = try IndexService(store: global.openStore())
            var values: [(indicator: String, value: Double)] = []
            for a in assignments {
                let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let v = Double(TextNormaliser.numeric(parts[1])) else {
                    throw GSLError.usage(
                        "--set 应为 指标=数值，实际为「\(a)」", en: "--set must be IND=VALUE, found '\(a)'")
                }
                values.append((parts[0], v))
            }
            let analysis = try service.whatIf(run: runID, unit: unit, values: values)
            IndexAnalysisPresenter.whatIf(analysis, unit: unit, out)
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
            let service = try IndexService(store: global.openStore())
            let flagSpec = try pipeline.pipelineSpec()
            let basis: TrendBasis
            if let framework {
                if run != nil {
                    throw GSLError.usage("--run 与 --framework 只能二选一", en: "give either --run or --framework")
                }
                basis = .framework(framework)
            } else {
                basis = run.map(TrendBasis.run) ?? .latestRun
            }
            let trend = try service.trend(
                units: unit, basis: basis, dataset: dataset, spec: flagSpec, context: global.context())
            IndexAnalysisPresenter.trend(trend, out)
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
            let assessed = try IndexService(store: global.openStore()).assess(run: runID)
            IndexAnalysisPresenter.assessment(assessed, out)
        }
    }
}
