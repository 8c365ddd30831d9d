/// One respondent's answer to one question.
public enum Answer: Sendable, Equatable {
    /// An option's code (single choice) or a number (rating).
    case choice(Int)
    /// The codes of the options chosen (multiple choice), ascending.
    case choices([Int])
    /// One code per matrix row, nil where the row was not answered.
    case rows([Int?])
    /// Text as typed (fill-in).
    case text(String)
}

/// One respondent: the export's metadata and the answers by question number.
public struct Respondent: Sendable, Equatable {
    /// 序号, the export's respondent number.
    public var number: Int
    /// 提交答卷时间 as ISO text (`2023-05-06T10:11:12`, local time as exported).
    public var submittedAt: String?
    /// 所用时间 in seconds.
    public var durationSeconds: Int?
    /// 来源 (微信, 手机提交, 链接 …).
    public var source: String?
    /// 来源详情.
    public var sourceDetail: String?
    /// 来自IP, with the place 问卷星 resolved in brackets.
    public var ip: String?
    /// Answers by question number; a question skipped or left empty has none.
    public var answers: [Int: Answer]
    /// The text typed for an "other" option, by question number.
    public var otherText: [Int: String]
    /// The line of the file it came from.
    public var line: Int

    /// A respondent.
    public init(
        number: Int, submittedAt: String? = nil, durationSeconds: Int? = nil, source: String? = nil,
        sourceDetail: String? = nil, ip: String? = nil, answers: [Int: Answer] = [:],
        otherText: [Int: String] = [:], line: Int = 0
    ) {
        self.number = number
        self.submittedAt = submittedAt
        self.durationSeconds = durationSeconds
        self.source = source
        self.sourceDetail = sourceDetail
        self.ip = ip
        self.answers = answers
        self.otherText = otherText
        self.line = line
    }
}
