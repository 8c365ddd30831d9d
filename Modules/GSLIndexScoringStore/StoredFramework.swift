import GRDB
import GSLCore
import GSLIndexScoring

/// One stored, immutable framework version.
public struct StoredFramework: Sendable {
    /// Row id.
    public let id: Int64
    /// The framework's id (e.g. `qinqing`).
    public let code: String
    /// Its version (e.g. `v2`).
    public let version: String
    /// Chinese name.
    public let name: String
    /// SHA-256 of the canonical serialisation.
    public let hash: String
    /// Marked illustrative (weights or targets not public).
    public let illustrative: Bool
    /// The YAML text as imported.
    public let source: String
    /// When it was imported (UTC).
    public let importedAt: String

    /// `code@version`.
    public var reference: String { "\(code)@\(version)" }

    init(row: Row) {
        id = row["id"]
        code = row["code"]
        version = row["version"]
        name = row["name"]
        hash = row["hash"]
        illustrative = (row["illustrative"] as Int64) != 0
        source = row["source"]
        importedAt = row["imported_at"]
    }

    /// The parsed framework.
    public func framework() throws(GSLError) -> Framework {
        try FrameworkParser.parse(yaml: source, file: reference, strict: false)
    }
}

/// One stored computation with its provenance.
public struct StoredRun: Sendable {
    /// Run id.
    public let id: Int64
    /// The framework version used.
    public let framework: StoredFramework
    /// The dataset name.
    public let dataset: String
    /// The period scored.
    public let period: String
    /// SHA-256 of the dataset at compute time.
    public let dataHash: String
    /// SHA-256 of the spec.
    public let specHash: String
    /// The full result (every stage, weights, scores, ranks).
    public let result: PipelineResult
    /// Stored uncertainty analysis, when one was run.
    public let uncertainty: UncertaintyResult?
    /// A label given at compute time.
    public let label: String?
    /// Who computed it.
    public let actor: String
    /// When (UTC).
    public let createdAt: String

    /// The spec the run used.
    public var spec: PipelineSpec { result.spec }
}
