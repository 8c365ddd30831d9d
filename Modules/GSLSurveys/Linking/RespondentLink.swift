/// How a respondent was linked to the federation's records.
public enum LinkStatus: String, Sendable, CaseIterable, Codable {
    /// Linked to one person and/or one enterprise by a key that identifies them.
    case matched
    /// More than one record fits, or the keys point at different records: listed, not linked.
    case ambiguous
    /// The respondent gave identifying answers that fit no record.
    case unmatched
    /// The questionnaire asks nothing that identifies the respondent.
    case notAsked = "not-asked"

    /// The word staff use.
    public var zh: String {
        switch self {
        case .matched: "已匹配"
        case .ambiguous: "有歧义"
        case .unmatched: "未匹配"
        case .notAsked: "未询问"
        }
    }
}

/// The records that fit a respondent's identifying answers, found by the store.
public struct LinkCandidates: Sendable, Equatable {
    /// People with the phone number given.
    public var peopleByPhone: [Int64] = []
    /// People with the name given who belong to the enterprise named.
    public var peopleByNameAndEnterprise: [Int64] = []
    /// People with the name given, when nothing else identifies the respondent (never linked on it).
    public var peopleByNameOnly: [Int64] = []
    /// Enterprises with the USCC given.
    public var organisationsByUSCC: [Int64] = []
    /// Enterprises with exactly the name given.
    public var organisationsByName: [Int64] = []
    /// The enterprise of each person candidate.
    public var organisationOfPerson: [Int64: Int64] = [:]
    /// Whether any identifying answer was given.
    public var asked: Bool = false

    /// No candidates.
    public init() {}
}

/// The decision for one respondent: never a guess.
public struct RespondentLink: Sendable, Equatable {
    /// The status.
    public var status: LinkStatus
    /// The person linked.
    public var personID: Int64?
    /// The enterprise linked.
    public var organisationID: Int64?
    /// Why (for the list of ambiguous and unmatched respondents).
    public var note: String?

    /// A decision.
    public init(status: LinkStatus, personID: Int64? = nil, organisationID: Int64? = nil, note: String? = nil)
    {
        self.status = status
        self.personID = personID
        self.organisationID = organisationID
        self.note = note
    }

    /// Decides from the candidates: a person by phone, else by name and enterprise; an enterprise
    /// by USCC, else by exact name, else the linked person's. Two candidates for one key, or keys
    /// pointing at different records, make the respondent ambiguous.
    public static func decide(_ c: LinkCandidates) -> RespondentLink {
        guard c.asked else { return RespondentLink(status: .notAsked) }
        if c.peopleByPhone.count > 1 {
            return RespondentLink(status: .ambiguous, note: "手机号对应 \(c.peopleByPhone.count) 人")
        }
        if c.peopleByNameAndEnterprise.count > 1 {
            return RespondentLink(status: .ambiguous, note: "姓名+企业对应 \(c.peopleByNameAndEnterprise.count) 人")
        }
        if let a = c.peopleByPhone.first, let b = c.peopleByNameAndEnterprise.first, a != b {
            return RespondentLink(status: .ambiguous, note: "手机号与姓名+企业指向不同的人")
        }
        if c.organisationsByUSCC.count > 1
            || (c.organisationsByUSCC.isEmpty && c.organisationsByName.count > 1)
        {
            return RespondentLink(status: .ambiguous, note: "企业名称对应多家企业")
        }
        let person = c.peopleByPhone.first ?? c.peopleByNameAndEnterprise.first
        var organisation = c.organisationsByUSCC.first ?? c.organisationsByName.first
        if let person, let own = c.organisationOfPerson[person] {
            if let organisation, organisation != own {
                return RespondentLink(status: .ambiguous, note: "所填企业与此人登记的企业不同")
            }
            organisation = own
        }
        guard person != nil || organisation != nil else {
            if !c.peopleByNameOnly.isEmpty {
                return RespondentLink(
                    status: .ambiguous, note: "仅凭姓名无法确认（同名 \(c.peopleByNameOnly.count) 人）")
            }
            return RespondentLink(status: .unmatched, note: "没有对应的人员或企业")
        }
        return RespondentLink(status: .matched, personID: person, organisationID: organisation)
    }
}
