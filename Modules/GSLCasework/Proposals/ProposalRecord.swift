import GSLCore

/// One stored proposal (提案).
public struct ProposalRecord: Sendable, Hashable {
    /// Row id.
    public var id: Int64
    /// Title.
    public var title: String
    /// The proposer (委员 or the chamber's name for a collective proposal).
    public var proposer: String
    /// The chamber it came through, when any.
    public var chamberName: String?
    /// Text.
    public var body: String?
    /// Current state.
    public var state: ProposalState
    /// Lead department (主办).
    public var leadDepartment: String?
    /// Assisting departments (协办).
    public var assisting: [String]
    /// The latest answer's grade.
    public var grade: AnswerGrade?
    /// The latest evaluation.
    public var evaluation: Satisfaction?
    /// The day it was filed (立案).
    public var filedOn: String
    /// Optimistic-lock version.
    public var version: Int64

    /// Makes one from its parts.
    public init(
        id: Int64,
        title: String,
        proposer: String,
        chamberName: String? = nil,
        body: String? = nil,
        state: ProposalState,
        leadDepartment: String? = nil,
        assisting: [String],
        grade: AnswerGrade? = nil,
        evaluation: Satisfaction? = nil,
        filedOn: String,
        version: Int64
    ) {
        self.id = id
        self.title = title
        self.proposer = proposer
        self.chamberName = chamberName
        self.body = body
        self.state = state
        self.leadDepartment = leadDepartment
        self.assisting = assisting
        self.grade = grade
        self.evaluation = evaluation
        self.filedOn = filedOn
        self.version = version
    }
}
