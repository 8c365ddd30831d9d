import GSLCore
import GSLIndexScoring
import GSLStore
import GSLTabular

/// Index scoring as the federation works it: what each `gsl index` command does is one call here,
/// so that the CLI, the TUI, the annual report and the demo generator do the same thing. The
/// service reads and writes through `IndexRepository` and computes with the engine
/// (`GSLIndexScoring`); "now" arrives in the `MutationContext` of each write.
public struct IndexService: Sendable {
    /// How a data file is laid out.
    public typealias DataLayout = IndexRepository.DataLayout
    /// What a data import did.
    public typealias DataImportReport = IndexRepository.DataImportReport
    /// A summary line per run.
    public typealias RunSummary = IndexRepository.RunSummary
    /// What recomputing a stored run found.
    public typealias Verification = IndexRepository.Verification

    /// The store.
    public let store: Store
    /// Frameworks, data and runs as stored.
    let repository: IndexRepository

    /// The service over `store` (which must include `IndexSchema.migrations`).
    public init(store: Store) {
        self.store = store
        repository = IndexRepository(store: store)
    }

    // MARK: Frameworks

    /// Imports framework files in order, each in its own transaction; an id@version already stored
    /// with the same content is not imported again (`created` false), with other content it is
    /// refused (files before it stay imported).
    public func importFrameworks(paths: [String], context: MutationContext) throws(GSLError) -> [(
        framework: StoredFramework, created: Bool
    )] {
        var imported: [(framework: StoredFramework, created: Bool)] = []
        for path in paths {
            let (stored, created) = try repository.importFramework(path: path, context: context)
            imported.append((stored, created))
        }
        return imported
    }

    /// Every stored framework version.
    public func frameworks() throws(GSLError) -> [StoredFramework] {
        try repository.frameworks()
    }

    /// A stored framework version (by `code@version`, `code` for the latest, or row id), parsed.
    public func framework(_ reference: String) throws(GSLError) -> FrameworkView {
        let stored = try repository.framework(reference)
        return FrameworkView(stored: stored, framework: try stored.framework())
    }

    /// What changed from framework version `old` to `new`.
    public func diffFrameworks(_ old: String, _ new: String) throws(GSLError) -> FrameworkComparison {
        let a = try repository.framework(old).framework(), b = try repository.framework(new).framework()
        return FrameworkComparison(old: a, new: b, diff: FrameworkDiff(from: a, to: b))
    }

    // MARK: Data

    /// Reads a data file, checks it against `framework` and stores it in `dataset` in one
    /// transaction (or only checks, `dryRun`).
    public func importData(
        path: String, framework: String, dataset: String, layout: DataLayout = DataLayout(),
        encoding: InputEncoding = .auto, unitsAreRegions: Bool = false, dryRun: Bool = false,
        context: MutationContext
    ) throws(GSLError) -> DataImportReport {
        try repository.importData(
            path: path, framework: framework, dataset: dataset, layout: layout, encoding: encoding,
            unitsAreRegions: unitsAreRegions, dryRun: dryRun, context: context)
    }

    /// Dataset names with their value and unit counts and period ranges.
    public func datasets() throws(GSLError) -> [(name: String, values: Int, units: Int, periods: String)] {
        try repository.datasets()
    }

    /// Generates the seeded synthetic data of Ningbo's county-level units for `framework` and
    /// stores it in `dataset`.
    public func generateSyntheticData(
        framework: String, dataset: String, seed: UInt64, context: MutationContext
    ) throws(GSLError) -> GeneratedDataset {
        let parsed = try repository.framework(framework).framework()
        let data = SyntheticData.ningbo(framework: parsed, seed: seed)
        let hash = try repository.storeDataset(data, name: dataset, context: context)
        return GeneratedDataset(
            dataset: dataset, values: data.values.count, units: data.units.count, periods: data.sortedPeriods,
            hash: hash)
    }

    // MARK: Runs

    /// Computes the index of `dataset` on `framework` with `spec` (period: the latest in the data
    /// when the spec has none) and stores the run with its provenance.
    public func compute(
        framework: String, dataset: String, spec: PipelineSpec, label: String?, context: MutationContext
    ) throws(GSLError) -> RunView {
        let run = try repository.compute(
            framework: framework, dataset: dataset, spec: spec, label: label, context: context)
        return RunView(run: run, unitNames: try repository.dataset(dataset).unitNames)
    }

    /// Stored runs, newest first (at most 100), optionally of one framework code.
    public func runs(framework code: String?) throws(GSLError) -> [RunSummary] {
        try repository.runs(framework: code)
    }

    /// Stored run `id` with its dataset's unit names.
    public func run(_ id: Int64) throws(GSLError) -> RunView {
        let run = try repository.run(id)
        return RunView(run: run, unitNames: try repository.dataset(run.dataset).unitNames)
    }

    /// Recomputes run `id` from its stored framework version, the dataset and its stored spec, and
    /// says what changed.
    public func verify(_ id: Int64) throws(GSLError) -> VerifiedRun {
        let verification = try repository.verify(id)
        return VerifiedRun(run: try repository.run(id), verification: verification)
    }

    // MARK: Analyses

    /// Statistics, alpha, principal components, effective weights and optionally the correlation
    /// matrix of run `id`'s indicators at `stage`.
    public func statistics(
        ofRun id: Int64, stage: IndicatorAnalysis.Stage, correlations: Analysis.Correlation?
    ) throws(GSLError) -> IndicatorAnalysis {
        let run = try repository.run(id)
        return IndicatorAnalysis(
            result: run.result, framework: try run.framework.framework(), stage: stage,
            correlations: correlations)
    }

    /// Monte Carlo uncertainty of run `id`'s ranks on the current data, stored on the run
    /// (replacing an earlier analysis).
    public func uncertainty(ofRun id: Int64, _ spec: UncertaintySpec, context: MutationContext)
        throws(GSLError) -> RunAnalysis<UncertaintyResult>
    {
        let inputs = try repository.inputs(ofRun: id)
        let result = try UncertaintyAnalysis.run(
            framework: inputs.framework, data: inputs.data, spec: inputs.run.spec, uncertainty: spec)
        try repository.saveUncertainty(result, run: id, context: context)
        return RunAnalysis(
            run: inputs.run, value: result, unitNames: inputs.data.unitNames, dataChanged: inputs.dataChanged)
    }

    /// Variance-based sensitivity (first-order and total indices) of run `id` on the current data.
    public func sensitivity(ofRun id: Int64, _ spec: UncertaintySpec) throws(GSLError)
        -> RunAnalysis<SensitivityResult>
    {
        let inputs = try repository.inputs(ofRun: id)
        let result = try SensitivityAnalysis.run(
            framework: inputs.framework, data: inputs.data, spec: inputs.run.spec, uncertainty: spec)
        return RunAnalysis(
            run: inputs.run, value: result, unitNames: inputs.data.unitNames, dataChanged: inputs.dataChanged)
    }

    /// Rank changes from run `a` to run `b` on each run's index, with rank correlations.
    public func compare(_ a: Int64, _ b: Int64) throws(GSLError) -> RunComparison {
        let ra = try repository.run(a), rb = try repository.run(b)
        let fa = try ra.framework.framework(), fb = try rb.framework.framework()
        let comparison = RankComparison(ra.result, rb.result, node: fa.rootCode, nodeB: fb.rootCode)
        return RunComparison(
            a: ra, b: rb, comparison: comparison, unitNames: try repository.dataset(rb.dataset).unitNames)
    }

    /// `unit`'s score at `node` (default: the index) in run `id`: contributions, strengths and
    /// weaknesses.
    public func explain(run id: Int64, unit: String, node: String?) throws(GSLError) -> RunExplanation {
        let run = try repository.run(id)
        let framework = try run.framework.framework()
        let explanation = try Explanation(result: run.result, framework: framework, unit: unit, node: node)
        return RunExplanation(run: run, framework: framework, explanation: explanation)
    }

    /// `unit`'s score and rank in run `id` after setting some of its raw indicator values (later
    /// values of the same indicator win), on the current data.
    public func whatIf(run id: Int64, unit: String, values: [(indicator: String, value: Double)])
        throws(GSLError) -> RunAnalysis<WhatIf>
    {
        let inputs = try repository.inputs(ofRun: id)
        var changes: [String: Double] = [:]
        for (indicator, value) in values {
            guard inputs.framework.node(indicator)?.isIndicator == true else {
                throw GSLError.data("未知指标：\(indicator)", en: "unknown indicator: \(indicator)")
            }
            changes[indicator] = value
        }
        let result = try WhatIf(
            framework: inputs.framework, data: inputs.data, spec: inputs.run.spec, unit: unit, values: changes
        )
        return RunAnalysis(
            run: inputs.run, value: result, unitNames: inputs.data.unitNames, dataChanged: inputs.dataChanged)
    }

    /// Scores and ranks of `units` over every period of the dataset. The framework version, dataset
    /// and spec come from `basis`: a stored run's (then `spec` must be empty and `dataset`, when
    /// given, the run's) or a framework with `dataset` (default `default`) and `spec`. Each period
    /// takes the latest-found stored run with that framework version, dataset and spec on
    /// unchanged data; a period without one is computed and stored (label `trend`).
    public func trend(
        units: [String], basis: TrendBasis, dataset: String?, spec: PipelineSpec, context: MutationContext
    ) throws(GSLError) -> TrendReport {
        var template: StoredRun?
        switch basis {
        case .run(let id): template = try repository.run(id)
        case .latestRun:
            if let latest = try repository.runs(limit: 1).first { template = try repository.run(latest.id) }
        case .framework: break
        }
        let reference: String, datasetName: String
        var spec = spec
        if let template {
            if spec != PipelineSpec() {
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
            guard case .framework(let framework) = basis else {
                throw GSLError.notFound(
                    "还没有计算，无从取得框架与数据集：请指定框架与数据集",
                    en: "no runs yet to take the framework and dataset from: name them"
                ).because(.trendNeedsFramework)
            }
            reference = try repository.framework(framework).reference
            datasetName = dataset ?? "default"
        }
        let stored = try repository.framework(reference)
        let data = try repository.dataset(datasetName)
        let node = try stored.framework().rootCode
        for u in units where !data.units.contains(u) {
            throw GSLError.notFound(
                "数据集 \(datasetName) 中没有单位 \(u)", en: "dataset \(datasetName) has no unit \(u)")
        }
        let summaries = try repository.runs(framework: stored.code, limit: Int.max).filter {
            $0.framework == stored.reference && $0.dataset == datasetName
        }
        // Every period's spec with its period left out (so all rows agree).
        var general = spec
        general.period = nil
        var rows: [TrendReport.Row] = []
        var computed: [(period: String, run: Int64)] = []
        for period in data.sortedPeriods {
            spec.period = period
            let specHash = spec.contentHash
            let dataHash = data.inputHash(period: period, spec: spec)
            var chosen: StoredRun?
            for s in summaries where s.period == period {
                let candidate = try repository.run(s.id)
                if candidate.specHash == specHash && candidate.dataHash == dataHash {
                    chosen = candidate
                    break
                }
            }
            let run: StoredRun
            if let chosen {
                run = chosen
            } else {
                run = try repository.compute(
                    framework: stored.reference, dataset: datasetName, spec: spec, label: "trend",
                    context: context)
                computed.append((period, run.id))
            }
            for u in units {
                rows.append(
                    TrendReport.Row(
                        period: period, unit: u, name: data.unitNames[u], run: run.id,
                        score: run.result.score(unit: u, node: node),
                        rank: run.result.rank(unit: u, node: node)))
            }
        }
        return TrendReport(
            framework: stored.reference, dataset: datasetName, specHash: general.contentHash, rows: rows,
            computed: computed)
    }

    /// Run `id`'s grades, flagged uncertain when its stored rank interval crosses a grade boundary.
    public func assess(run id: Int64) throws(GSLError) -> RunAssessment {
        let run = try repository.run(id)
        let assessment = try Assessment(
            result: run.result, framework: run.framework.framework(), uncertainty: run.uncertainty)
        return RunAssessment(
            run: run, assessment: assessment, unitNames: try repository.dataset(run.dataset).unitNames)
    }

    /// Everything the report of run `id` shows: provenance, uncertainty, grades (when the framework
    /// grades) and the comparison with `previous` (default: the latest run of the same framework
    /// code and dataset on an earlier period, if any).
    public func report(run id: Int64, previous: Int64?) throws(GSLError) -> IndexReportInput {
        let run = try repository.run(id)
        let framework = try run.framework.framework()
        let prev: StoredRun?
        if let previous {
            prev = try repository.run(previous)
        } else {
            prev = try repository.previousRun(of: run)
        }
        let previousInput: (id: Int64, result: PipelineResult, root: String)? = try prev.map {
            (p: StoredRun) throws(GSLError) in
            (p.id, p.result, try p.framework.framework().rootCode)
        }
        let assessment =
            framework.grading == nil
            ? nil : try Assessment(result: run.result, framework: framework, uncertainty: run.uncertainty)
        return IndexReportInput(
            framework: framework, frameworkHash: run.framework.hash, runID: run.id, dataset: run.dataset,
            dataHash: run.dataHash, result: run.result, uncertainty: run.uncertainty, previous: previousInput,
            unitNames: try repository.dataset(run.dataset).unitNames, assessment: assessment,
            createdAt: run.createdAt, actor: run.actor)
    }
}
