/// An analysis of a stored run on its framework and the dataset as stored now (uncertainty,
/// sensitivity, what-if), with whether that data changed since the run was computed: the caller
/// should then say the analysis used the current data.
public struct RunAnalysis<Value: Sendable>: Sendable {
    /// The run analysed.
    public let run: StoredRun
    /// The analysis.
    public let value: Value
    /// Unit names by code, from the dataset as stored now.
    public let unitNames: [String: String]
    /// True when the data the run read changed after it was computed (see `RunInputs.dataChanged`).
    public let dataChanged: Bool
}
