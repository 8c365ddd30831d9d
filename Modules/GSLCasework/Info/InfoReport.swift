import GSLCore

/// One information report (社情民意信息).
public struct InfoReport: Sendable, Hashable, Codable {
    /// Row id.
    public var id: Int64
    /// Title.
    public var title: String
    /// The author's name.
    public var author: String
    /// The chamber it came through, when any.
    public var chamberID: Int64?
    /// The chamber's name.
    public var chamberName: String?
    /// Text.
    public var body: String?
    /// Current state.
    public var state: InfoReportState
    /// The day it was drafted.
    public var draftedOn: LocalDate
    /// Optimistic-lock version.
    public var version: Int64

    /// A report.
    public init(
        id: Int64, title: String, author: String, chamberID: Int64? = nil, chamberName: String? = nil,
        body: String? = nil, state: InfoReportState = .draft, draftedOn: LocalDate, version: Int64 = 1
    ) {
        self.id = id
        self.title = title
        self.author = author
        self.chamberID = chamberID
        self.chamberName = chamberName
        self.body = body
        self.state = state
        self.draftedOn = draftedOn
        self.version = version
    }
}
