import GSLCore

/// Causes of refused survey input and commands, for callers and tests to match.
extension GSLError.Cause {
    /// A column header that is neither a known metadata column nor a 问卷星 question column.
    public static let surveysUnrecognisedColumn = Self("surveys.unrecognised-column")
    /// The file's question columns do not fit the codebook (a column the codebook has no place
    /// for, or a question of the codebook without its column).
    public static let surveysColumnMismatch = Self("surveys.column-mismatch")
    /// An answer that is not one of the question's options.
    public static let surveysUnknownOption = Self("surveys.unknown-option")
    /// An empty cell in a question the codebook marks as required.
    public static let surveysMissingAnswer = Self("surveys.missing-answer")
    /// A codebook file that does not describe a questionnaire (duplicate numbers, no options…).
    public static let surveysCodebookInvalid = Self("surveys.codebook-invalid")
    /// A weighting margin that does not add up (totals differ, shares not summing to 1, a
    /// category with no respondents, a negative target).
    public static let surveysMarginInvalid = Self("surveys.margin-invalid")
    /// A category of the store's population (a county, size class or industry section of the
    /// enterprises) that no option of the survey question names, or that several options name.
    public static let surveysPopulationUnmatched = Self("surveys.population-unmatched")
    /// Raking did not converge within its iterations.
    public static let surveysRakingDiverged = Self("surveys.raking-diverged")
    /// The survey named does not exist.
    public static let surveysNotFound = Self("surveys.not-found")
    /// A question named that the survey does not have, or of a kind the analysis does not take.
    public static let surveysQuestionInvalid = Self("surveys.question-invalid")
    /// A file without the 序号 column or with a 序号 that is not a positive whole number.
    public static let surveysBadRespondentNumber = Self("surveys.bad-respondent-number")
}
