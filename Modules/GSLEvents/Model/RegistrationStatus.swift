import GSLCore

/// Where one person's registration for an event stands (CiviEvent's participant statuses).
public enum RegistrationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// 已报名: holds a seat.
    case registered
    /// 候补: waits for a seat, in registration order.
    case waitlisted
    /// 待审核: a moderated event's registration awaiting approval; holds no seat yet.
    case pending
    /// 已批准: approved by the organiser; holds a seat.
    case approved
    /// 已取消: gave the seat back.
    case cancelled
    /// 已出席: checked in to at least one session.
    case attended
    /// 缺席: held a seat and attended no session.
    case noShow = "no_show"

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .registered: Message("已报名", en: "registered")
        case .waitlisted: Message("候补", en: "waitlisted")
        case .pending: Message("待审核", en: "pending approval")
        case .approved: Message("已批准", en: "approved")
        case .cancelled: Message("已取消", en: "cancelled")
        case .attended: Message("已出席", en: "attended")
        case .noShow: Message("缺席", en: "no-show")
        }
    }

    /// Whether the registration holds one of the event's seats.
    public var holdsSeat: Bool {
        switch self {
        case .registered, .approved, .attended, .noShow: true
        case .waitlisted, .pending, .cancelled: false
        }
    }

    /// The statuses that hold a seat.
    public static let seated = allCases.filter(\.holdsSeat)

    /// The status whose code, Chinese or English name is `text`.
    public static func parse(_ text: String) throws(GSLError) -> RegistrationStatus {
        try EventsEnum.parse(text, allCases, what: Message("报名状态", en: "registration status")) { $0.label }
    }
}
