import GSLCore

/// A stored posting (需求 or 供给) with its organisation's classification, as the scorer sees it.
public struct Posting: Sendable, Hashable {
    /// The record id.
    public var id: Int64
    /// An external reference (a row key in the user's file), unique when given.
    public var ref: String?
    /// Demand or supply.
    public var side: PostingSide
    /// What is asked for or offered.
    public var kind: PostingKind
    /// The posting organisation's id.
    public var orgID: Int64
    /// Its name.
    public var orgName: String
    /// Its size class (大/中/小/微), when known.
    public var orgSize: EnterpriseSize?
    /// The title.
    public var title: String
    /// The description.
    public var text: String
    /// GB/T 4754 code of the posting (the organisation's when not given).
    public var industryCode: String?
    /// Division code of the posting (the organisation's when not given).
    public var regionCode: String?
    /// The amount asked for or offered.
    public var amount: Money?
    /// The least amount a supply (a credit product) offers.
    public var amountMin: Money?
    /// The largest amount a supply (a credit product) offers.
    public var amountMax: Money?
    /// Annual rate in basis points (345 = 3.45 %), for credit products.
    public var rateBP: Int?
    /// Size classes a supply accepts (empty: all); a hard filter.
    public var eligibleSizes: [EnterpriseSize]
    /// Industry codes (any level) a supply excludes; a hard filter.
    public var excludedIndustries: [String]
    /// Majors of a school programme.
    public var majors: [String]
    /// How many partners a supply can take (places of a programme, loans of a product); 1 by default.
    public var capacity: Int
    /// Whether a school programme is a customised class (定制班).
    public var customised: Bool
    /// The last day the posting is valid.
    public var deadline: LocalDate?
    /// Open or closed.
    public var state: PostingState
    /// The day it was posted.
    public var postedOn: LocalDate
    /// Optimistic-lock version.
    public var version: Int64

    /// A posting.
    public init(
        id: Int64, ref: String? = nil, side: PostingSide, kind: PostingKind, orgID: Int64, orgName: String,
        orgSize: EnterpriseSize? = nil, title: String, text: String = "", industryCode: String? = nil,
        regionCode: String? = nil, amount: Money? = nil, amountMin: Money? = nil, amountMax: Money? = nil,
        rateBP: Int? = nil, eligibleSizes: [EnterpriseSize] = [], excludedIndustries: [String] = [],
        majors: [String] = [], capacity: Int = 1, customised: Bool = false, deadline: LocalDate? = nil,
        state: PostingState = .open, postedOn: LocalDate, version: Int64 = 1
    ) {
        self.id = id
        self.ref = ref
        self.side = side
        self.kind = kind
        self.orgID = orgID
        self.orgName = orgName
        self.orgSize = orgSize
        self.title = title
        self.text = text
        self.industryCode = industryCode
        self.regionCode = regionCode
        self.amount = amount
        self.amountMin = amountMin
        self.amountMax = amountMax
        self.rateBP = rateBP
        self.eligibleSizes = eligibleSizes
        self.excludedIndustries = excludedIndustries
        self.majors = majors
        self.capacity = capacity
        self.customised = customised
        self.deadline = deadline
        self.state = state
        self.postedOn = postedOn
        self.version = version
    }
}
