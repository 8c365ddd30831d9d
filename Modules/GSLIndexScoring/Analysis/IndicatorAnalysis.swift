/// What `gsl index stats` shows of a result's indicators: descriptive statistics with COINr's
/// flags, Cronbach's alpha, principal components, the indicators' effective weights and, on
/// request, the indicator × indicator correlation matrix.
public struct IndicatorAnalysis: Sendable {
    /// Which indicator values are described.
    public enum Stage: String, Sendable, CaseIterable {
        /// The raw indicator values of the run's period.
        case raw
        /// The indicators as aggregated (after every step the spec ran).
        case final
    }

    /// The stage described.
    public var stage: Stage
    /// Indicator codes, in the table's column order.
    public var codes: [String]
    /// Statistics per indicator, in `codes` order.
    public var stats: [IndicatorStats]
    /// Cronbach's alpha over the indicators.
    public var alpha: Double
    /// Principal components of the indicators.
    public var pca: PCA
    /// The effective weight of every indicator of the framework, by code.
    public var effectiveWeights: [(code: String, weight: Double)]
    /// The correlation matrix (rows and columns in `codes` order, each pair over the units with both
    /// values) with its method, when asked for.
    public var correlations: (method: Analysis.Correlation, matrix: [[Double]])?

    /// The analysis of `result`'s `stage` indicators; `correlations` adds the matrix by that method.
    public init(
        result: PipelineResult, framework: Framework, stage: Stage, correlations: Analysis.Correlation?
    ) {
        let table = stage == .raw ? result.raw : result.finalIndicators
        self.stage = stage
        codes = table.columns
        stats = IndicatorStats.of(table)
        alpha = Analysis.cronbachAlpha(table, columns: codes)
        pca = Analysis.pca(table, columns: codes)
        effectiveWeights = result.effectiveWeights.sorted { $0.key < $1.key }
            .filter { framework.node($0.key)?.isIndicator == true }
            .map { (code: $0.key, weight: $0.value) }
        let codes = codes
        self.correlations = correlations.map {
            (method: $0, matrix: Analysis.correlations(table, columns: codes, method: $0))
        }
    }
}
