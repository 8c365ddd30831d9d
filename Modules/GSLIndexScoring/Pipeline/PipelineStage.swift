/// One data set of a pipeline run, as COINr's `get_dset` names them.
public enum PipelineStage: String, Sendable, CaseIterable, Codable {
    /// Indicator values as given.
    case raw
    /// After division by denominators.
    case denominated
    /// After imputation.
    case imputed
    /// After screening (included units only).
    case screened
    /// After outlier treatment.
    case treated
    /// Normalised indicators.
    case normalised
    /// Normalised indicators and every aggregate.
    case aggregated
}

extension PipelineResult {
    /// The data set of `stage` (units × columns), or nil when the run skipped that step.
    public func table(_ stage: PipelineStage) -> Table? {
        switch stage {
        case .raw: raw
        case .denominated: denominated
        case .imputed: imputed
        case .screened: screened
        case .treated: treated
        case .normalised: normalised
        case .aggregated: aggregated
        }
    }
}
