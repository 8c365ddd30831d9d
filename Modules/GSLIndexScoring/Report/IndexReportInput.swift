import GSLCore

/// Everything a run report shows: the run, its provenance, and optional uncertainty and previous run.
public struct IndexReportInput: Sendable {
    /// The framework used.
    public var framework: Framework
    /// Its content hash.
    public var frameworkHash: String
    /// Run id.
    public var runID: Int64
    /// Dataset name and hash.
    public var dataset: String
    /// SHA-256 of the data used.
    public var dataHash: String
    /// The run's result.
    public var result: PipelineResult
    /// Rank uncertainty, when analysed.
    public var uncertainty: UncertaintyResult?
    /// The previous run to compare with, and its id.
    public var previous: (id: Int64, result: PipelineResult, root: String)?
    /// Unit names by code.
    public var unitNames: [String: String]
    /// Grades, when the framework has grading rules.
    public var assessment: Assessment?
    /// When the run was made and by whom.
    public var createdAt: String
    /// Who computed it.
    public var actor: String

    /// A report input.
    public init(
        framework: Framework, frameworkHash: String, runID: Int64, dataset: String, dataHash: String,
        result: PipelineResult, uncertainty: UncertaintyResult? = nil,
        previous: (id: Int64, result: PipelineResult, root: String)? = nil,
        unitNames: [String: String] = [:], assessment: Assessment? = nil, createdAt: String = "",
        actor: String = ""
    ) {
        self.framework = framework
        self.frameworkHash = frameworkHash
        self.runID = runID
        self.dataset = dataset
        self.dataHash = dataHash
        self.result = result
        self.uncertainty = uncertainty
        self.previous = previous
        self.unitNames = unitNames
        self.assessment = assessment
        self.createdAt = createdAt
        self.actor = actor
    }

    /// One unit's line in the ranking.
    struct Line {
        let unit: String
        let name: String
        let score: Double
        let rank: Int
        let interval: (q5: Double, q95: Double)?
        let previousRank: Int?
        let previousScore: Double?
        let grade: String?
        let uncertain: Bool
    }

    /// Units in rank order with everything shown about them.
    var lines: [Line] {
        let root = framework.rootCode
        let units = result.aggregated.units
        var out: [Line] = []
        for unit in units {
            let score = result.score(unit: unit, node: root) ?? .nan
            let rank = result.rank(unit: unit, node: root) ?? units.count
            var interval: (Double, Double)?
            if let u = uncertainty, let i = u.units.firstIndex(of: unit) { interval = (u.q5[i], u.q95[i]) }
            let grade = assessment?.rows.first { $0.unit == unit }
            out.append(
                Line(
                    unit: unit, name: unitNames[unit] ?? unit, score: score, rank: rank, interval: interval,
                    previousRank: previous.flatMap { $0.result.rank(unit: unit, node: $0.root) },
                    previousScore: previous.flatMap { $0.result.score(unit: unit, node: $0.root) },
                    grade: grade?.grade, uncertain: grade?.uncertain ?? false))
        }
        return out.sorted { ($0.rank, $0.unit) < ($1.rank, $1.unit) }
    }

    /// The index's direct children (dimensions).
    var dimensions: [String] { framework.children(of: framework.rootCode) }
}
