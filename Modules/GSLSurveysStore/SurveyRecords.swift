import GSLCore
import GSLSurveys

/// A survey as stored.
public struct SurveyRecord: Sendable, Equatable, Codable {
    /// Row id.
    public var id: Int64
    /// The name used in commands.
    public var name: String
    /// The questionnaire's title.
    public var title: String?
    /// The layout of the first file imported.
    public var layout: SurveyLayout
    /// The file it was first imported from.
    public var sourceFile: String?
    /// Respondents stored.
    public var respondents: Int
    /// Respondents linked / ambiguous / unmatched.
    public var matched: Int
    /// Ambiguous respondents.
    public var ambiguous: Int
    /// Unmatched respondents.
    public var unmatched: Int
    /// Questions in the codebook.
    public var questions: Int
    /// The weighting in force, if any.
    public var weighting: WeightingSummary?
    /// When it was created.
    public var createdAt: String
}

/// A weighting as stored and reported.
public struct WeightingSummary: Sendable, Equatable, Codable {
    /// Post-stratification or raking.
    public var method: WeightingMethod
    /// What it was fitted to (margin names).
    public var margins: [String]
    /// Respondents weighted.
    public var respondents: Int
    /// Sweeps.
    public var iterations: Int
    /// Weights cut by trimming.
    public var trimmed: Int
    /// Kish's design effect.
    public var designEffect: Double
    /// Effective sample size.
    public var effectiveN: Double
    /// Smallest weight.
    public var minWeight: Double
    /// Largest weight.
    public var maxWeight: Double
    /// Sum of the weights (the population the margins describe).
    public var totalWeight: Double
    /// When it was computed.
    public var createdAt: String
}

/// One respondent as `gsl survey show` lists it.
public struct RespondentView: Sendable, Equatable, Codable {
    /// 序号.
    public var number: Int
    /// Submitted at.
    public var submittedAt: String?
    /// Link status.
    public var status: LinkStatus
    /// Linked person (id and name).
    public var personID: Int64?
    /// The linked person's name (masked unless unmasked).
    public var personName: String?
    /// Linked enterprise.
    public var organisationID: Int64?
    /// Its name.
    public var organisationName: String?
    /// Why it is ambiguous or unmatched.
    public var note: String?
    /// The identifying answers given (masked unless unmasked).
    public var identity: String?
    /// Weight, when weighted.
    public var weight: Double?
}

/// What an import did.
public struct SurveyImportReport: Sendable, Equatable, Codable {
    /// The survey.
    public var survey: String
    /// Whether the survey was created by this import.
    public var created: Bool
    /// The layout read.
    public var layout: SurveyLayout
    /// Rows read.
    public var rows: Int
    /// New respondents.
    public var inserted: Int
    /// Respondents already stored (same 序号), left as they are.
    public var skipped: Int
    /// Linked, ambiguous, unmatched, not asked among the new ones.
    public var matched: Int
    /// Ambiguous.
    public var ambiguous: Int
    /// Unmatched.
    public var unmatched: Int
    /// Questions in the codebook.
    public var questions: Int
    /// Whether nothing was written.
    public var dryRun: Bool
    /// Notices (encoding conversion, merged cells, ignored columns).
    public var notices: [String]
}

/// A person's answers to surveys, for `gsl person show`.
public struct PersonSurvey: Sendable, Equatable, Codable {
    /// The survey name.
    public var survey: String
    /// Its title.
    public var title: String?
    /// The respondent's 序号.
    public var number: Int
    /// When submitted.
    public var submittedAt: String?
}

/// A profile line: respondents in one category.
public struct ProfileLine: Sendable, Equatable, Codable {
    /// The category.
    public var category: String
    /// Respondents.
    public var respondents: Int
    /// Share of all respondents (Wilson interval).
    public var share: Estimate
    /// Weighted share, when weighted.
    public var weightedShare: Double?
}

/// A question's headline figures for other modules (policy evaluation reads satisfaction).
public struct QuestionSummary: Sendable, Equatable, Codable {
    /// The question id.
    public var question: String
    /// Its text.
    public var text: String
    /// Respondents who answered.
    public var answered: Int
    /// Whether the figures are weighted.
    public var weighted: Bool
    /// The mean code (scale questions) per row (one line for a non-matrix).
    public var means: [String: Estimate]
    /// The share choosing each option label (for a matrix, of the first row).
    public var shares: [String: Estimate]
}
