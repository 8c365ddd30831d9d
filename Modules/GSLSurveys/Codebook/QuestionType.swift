/// The kinds of question a 问卷星 export holds.
public enum QuestionType: String, Sendable, CaseIterable, Codable {
    /// One option (单选题).
    case single
    /// Any number of options (多选题); analysed as the share of respondents choosing each.
    case multiple
    /// Rows rated on one scale (矩阵单选题 / Likert rows).
    case matrix
    /// A number on a scale (量表题/评分题).
    case rating
    /// Text as typed (填空题).
    case fillIn = "fill-in"

    /// The name staff use.
    public var zh: String {
        switch self {
        case .single: "单选"
        case .multiple: "多选"
        case .matrix: "矩阵量表"
        case .rating: "评分"
        case .fillIn: "填空"
        }
    }
}

/// The two layouts of 问卷星's answer download.
public enum SurveyLayout: String, Sendable, CaseIterable, Codable {
    /// 按选项文本: answers as option text, multiple choice joined with ┋.
    case text
    /// 按选项序号: answers as option numbers, one 0/1 column per option of a multiple-choice question.
    case code
}

/// What a fill-in question asks for when it identifies the respondent (used to link respondents to
/// people and enterprises, and masked in every output).
public enum PersonalRole: String, Sendable, CaseIterable, Codable {
    /// The respondent's name.
    case name
    /// A mobile or office phone number.
    case phone
    /// The respondent's enterprise name.
    case enterprise
    /// The enterprise's unified social credit code.
    case uscc
    /// An ID-card number.
    case idCard = "id-card"

    /// Whether the value is masked in outputs (enterprise names and USCCs are public registers).
    public var masked: Bool { self == .name || self == .phone || self == .idCard }
}
