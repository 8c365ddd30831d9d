import GSLCore
import GSLIndexScoring
import GSLStore

/// A stored run with the framework and the data an analysis of it uses, and whether that data is
/// still what the run was computed from (the rule lives here, not in each command).
public struct RunInputs: Sendable {
    /// The run.
    public let run: StoredRun
    /// Its framework version, parsed.
    public let framework: Framework
    /// Its dataset as stored now.
    public let data: Dataset
    /// True when the data the run read (its period's values, units and groups) changed after it
    /// was computed: an analysis then uses the current data, and the caller should say so. Runs
    /// stored before the narrower data hash carry the whole dataset's hash; either matches.
    public let dataChanged: Bool
}

extension IndexRepository {
    /// Run `id` with its framework and current data, and whether the data changed since.
    public func inputs(ofRun id: Int64) throws(GSLError) -> RunInputs {
        let run = try self.run(id)
        let framework = try run.framework.framework()
        let data = try dataset(run.dataset)
        let unchanged =
            data.inputHash(period: run.period, spec: run.spec) == run.dataHash
            || data.contentHash == run.dataHash
        return RunInputs(run: run, framework: framework, data: data, dataChanged: !unchanged)
    }
}
