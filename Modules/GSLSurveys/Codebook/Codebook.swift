import Foundation

/// One answer option of a choice question.
public struct SurveyOption: Sendable, Equatable, Codable {
    /// Its number in the questionnaire (1 = first), as the code layout stores it.
    public var code: Int
    /// Its text, as the text layout stores it.
    public var label: String
    /// Whether choosing it asks for text (其他〖…〗).
    public var other: Bool

    /// An option.
    public init(code: Int, label: String, other: Bool = false) {
        self.code = code
        self.label = label
        self.other = other
    }
}

/// One question of a questionnaire.
public struct SurveyQuestion: Sendable, Equatable, Codable {
    /// Its number in the questionnaire (the N of `N、…`).
    public var number: Int
    /// Its text, without the number (for a matrix, the stem).
    public var text: String
    /// Its kind.
    public var type: QuestionType
    /// The options of a choice question, or the scale of a matrix or rating question.
    public var options: [SurveyOption]
    /// The rows of a matrix question, in order.
    public var rows: [String]
    /// Whether every respondent must answer it (an empty cell is then an error).
    public var required: Bool
    /// What it identifies, for fill-in questions about the respondent.
    public var role: PersonalRole?

    /// A question.
    public init(
        number: Int, text: String, type: QuestionType, options: [SurveyOption] = [], rows: [String] = [],
        required: Bool = false, role: PersonalRole? = nil
    ) {
        self.number = number
        self.text = text
        self.type = type
        self.options = options
        self.rows = rows
        self.required = required
        self.role = role
    }

    /// `Q4`, the id used in commands and machine output.
    public var id: String { "Q\(number)" }

    /// The option with `code`.
    public func option(code: Int) -> SurveyOption? { options.first { $0.code == code } }

    /// The option whose label is `label`.
    public func option(label: String) -> SurveyOption? { options.first { $0.label == label } }

    /// The label of `code` (the code itself when the codebook has no label for it).
    public func label(of code: Int) -> String { option(code: code)?.label ?? String(code) }
}

/// A questionnaire's structure: its questions in order and the layout its file came in.
public struct Codebook: Sendable, Equatable, Codable {
    /// The questionnaire's title, if known.
    public var title: String?
    /// The layout of the export the codebook was inferred from or is applied to.
    public var layout: SurveyLayout
    /// The questions in questionnaire order.
    public var questions: [SurveyQuestion]

    /// A codebook.
    public init(title: String? = nil, layout: SurveyLayout, questions: [SurveyQuestion]) {
        self.title = title
        self.layout = layout
        self.questions = questions
    }

    /// The question numbered `number`.
    public func question(_ number: Int) -> SurveyQuestion? { questions.first { $0.number == number } }

    /// The question named by `reference`: `4`, `Q4`, `q4` or `第4题`.
    public func question(named reference: String) -> SurveyQuestion? {
        var text = reference.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("第") && text.hasSuffix("题") { text = String(text.dropFirst().dropLast()) }
        if text.first == "Q" || text.first == "q" { text.removeFirst() }
        return Int(text).flatMap(question)
    }

    /// The question with `role`, if any.
    public func question(role: PersonalRole) -> SurveyQuestion? { questions.first { $0.role == role } }
}
